/**
 * The evaluator's pages in a real browser on a phone, on the demo data: a
 * manager imports KPIs (a file with bad rows imports nothing and lists each
 * row and column; a good one imports), opens an agent's on-the-job record
 * with QA reviews, the QA loop and KPI months, and logs coaching; another
 * team's manager gets "not found"; the mentor reaches the same record from
 * their home; the agent sees the assigned practice on Today; a trainer sets
 * the loop's N (a bad value is refused with a message). Every page passes
 * axe and fits 360 px.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import type { Page } from "playwright-core";
import { getUser } from "@/lib/identity/accounts/user_store.ts";
import { listMembers } from "@/lib/identity/teams/cohort_store.ts";
import { checkPage as check, loadsNewPage, startSuite } from "./browser.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const suite = await startSuite();

async function upload(page: Page, name: string, csv: string) {
  await page.setInputFiles("#kpi-file", {
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(csv, "utf-8"),
  });
  await loadsNewPage(page, () => page.click("form.card button[type=submit]"));
  await page.waitForSelector("h1");
}

Deno.test({
  ...opts,
  name:
    "browser: KPI import (bad rows refused and listed, then imported), an agent's QA, loop, drivers and KPIs, the mentor's view, Today's assigned practice, the loop setting",
}, async () => {
  const server = suite.server;
  try {
    // The demo's cohort-b agent whose "opening" misses closed the loop.
    const kv = await Deno.openKv(server.kvPath);
    const first = (await listMembers(kv, "cohort-b"))[0];
    const agent = (await getUser(kv, first.userId))!;
    kv.close();
    const origin = server.origin;

    // The manager of the after-sales team.
    const { page, errors } = await suite.page({
      login: "manager2@demo.academy",
    });
    await page.goto(`${origin}/evaluation/kpi`);
    await check(page, "KPI import");
    await upload(
      page,
      "bad.csv",
      [
        "agent,month,csat,frt",
        `${agent.email},2026-13,4.6,25`,
        `${agent.email},2026-11,lots,25`,
        "nobody@demo.academy,2026-11,4.6,25",
      ].join("\n"),
    );
    const rows = await page.locator("[data-testid=kpi-problems] tbody tr")
      .allInnerTexts();
    assert.equal(rows.length, 3, rows.join("\n"));
    assert.match(rows[0], /第 2 行\s+month\s+月份要写成/);
    assert.match(rows[1], /第 3 行\s+csat\s+不是数字/);
    assert.match(rows[2], /第 4 行\s+agent\s+找不到这位客服/);
    await check(page, "KPI import refused");
    await upload(
      page,
      "good.csv",
      `agent,month,csat,frt,fcr\n${agent.email},2024-01,4.7,21,90\n`,
    );
    assert.match(
      await page.locator("[data-testid=kpi-done]").innerText(),
      /已导入 1 行：1 行新增或更新/,
    );

    // The agent's record: QA reviews, the loop, KPI months; log coaching.
    await page.goto(`${origin}/evaluation/learners/${agent.id}`);
    assert.ok(
      (await page.locator("#qa-reviews tbody tr").count()) >= 2,
    );
    assert.match(
      await page.locator("#qa-loops").innerText(),
      /opening/,
    );
    assert.match(
      await page.locator("#kpi-months").innerText(),
      /2024-01/,
    );
    await check(page, "agent record");
    await page.selectOption("#driver-kind", "recognition");
    await page.fill("#driver-note", "本周首响全部在 30 秒内");
    await Promise.all([
      page.waitForURL(/saved=1/),
      page.click("[data-testid=driver-form] button[type=submit]"),
    ]);
    assert.match(
      await page.locator("#driver-table").innerText(),
      /本周首响全部在 30 秒内/,
    );
    await check(page, "agent record after logging");
    // The refused file's page is a 422 on purpose; nothing else may fail.
    assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), []);

    // Another team's manager: "not found", as for a missing learner.
    const { page: other } = await suite.page({ login: "manager@demo.academy" });
    const res = await other.goto(`${origin}/evaluation/learners/${agent.id}`);
    assert.equal(res?.status(), 404);
    await check(other, "another team's agent: not found");

    // The mentor of cohort-b reaches the record from their home.
    const { page: mentor } = await suite.page({ login: "mentor@demo.academy" });
    await Promise.all([
      mentor.waitForURL(/\/evaluation\/learners\//),
      mentor.click(`a[href="/evaluation/learners/${agent.id}"]`),
    ]);
    assert.match(
      await mentor.locator("#qa-loops").innerText(),
      /opening/,
    );
    await check(mentor, "mentor's view of the record");

    // The agent sees the assigned practice on Today, with a working link.
    const { page: learner } = await suite.page({ login: agent.email! });
    const practice = learner.locator("[data-testid=qa-practice]");
    assert.match(await practice.innerText(), /质检后的补练/);
    const href = await practice.locator("a").first().getAttribute("href");
    assert.match(href ?? "", /^\/courses\/onboarding\/(drills|scenarios)\//);
    await check(learner, "Today with assigned practice");
    const target = await learner.goto(`${origin}${href}`);
    assert.equal(target?.status(), 200);

    // A trainer sets N; a bad value is refused and names the field.
    const { page: trainer } = await suite.page({
      login: "trainer@demo.academy",
    });
    await trainer.goto(`${origin}/evaluation/settings`);
    await check(trainer, "loop setting");
    await trainer.fill("#loop-n", "0");
    await trainer.evaluate(() =>
      document.querySelector("#loop-n")?.removeAttribute("min")
    );
    await loadsNewPage(
      trainer,
      () => trainer.click("form.card button[type=submit]"),
    );
    assert.match(
      await trainer.locator("#loop-n-error").innerText(),
      /1 到 20/,
    );
    await check(trainer, "loop setting refused");
    await trainer.fill("#loop-n", "4");
    await Promise.all([
      trainer.waitForURL(/saved=1/),
      trainer.click("form.card button[type=submit]"),
    ]);
    assert.equal(await trainer.inputValue("#loop-n"), "4");
  } finally {
    await suite.close();
  }
});
