/**
 * Issue 12's "Done means" in a real browser: a scenario reply that blames
 * the courier, and one that promises 赔偿 the agent may not give, each fail
 * their node whatever else they get right, and the debrief shows the words
 * that crossed the red line with the reason, in Chinese and in English.
 * Every page opened is checked with axe.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  assertAccessible,
  assertFits,
  scriptErrors,
  shot,
  startSuite,
  switchLanguage,
} from "./browser.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const suite = await startSuite({
  env: { SA_CONTENT_DIR: "tests/fixtures/content" },
});
const { origin } = suite;

/** Plays the fixture's late-parcel scenario with one written reply; returns on the debrief. */
async function playWithReply(page: Page, reply: string) {
  await page.goto(`${origin}/courses/demo/scenarios/late-parcel`);
  await assertAccessible(page, "scenario intro");
  await Promise.all([
    page.waitForURL(/\/runs\//),
    page.getByRole("button", { name: "开始对话" }).click(),
  ]);
  await page.waitForSelector("frsh-island[data-hydrated='true']");
  await page.locator(".chat-choices button", { hasText: "非常抱歉让您着急了" })
    .click();
  await page.waitForSelector(".chat-reply textarea");
  await assertAccessible(page, "scenario reply step");
  await page.fill(".chat-reply textarea", reply);
  await page.locator(".chat-reply button[type=submit]").click();
  await page.waitForSelector(".chat-end a");
  // The node failed: the run went to its failing ending, scored 0.
  const log = await page.locator(".chat-log").textContent() ?? "";
  assert.match(log, /回复得分 0 分/, log);
  await Promise.all([
    page.waitForURL(/\/debrief$/),
    page.locator(".chat-end a").click(),
  ]);
  assert.equal(await page.locator(".outcome").textContent(), "顾客流失");
  await assertAccessible(page, "debrief");
}

/** Switches the language on the debrief; the switch leads back to it. */
async function debriefIn(page: Page, to: "en" | "zh-CN") {
  await switchLanguage(page, to);
  assert.match(new URL(page.url()).pathname, /\/debrief$/);
}

async function blockerText(page: Page): Promise<string> {
  const blockers = page.locator(".rubric-verdict .verdict-blocker");
  assert.ok(await blockers.count() >= 1, "the debrief lists a red line");
  return (await blockers.allTextContents()).join("\n");
}

Deno.test({
  ...opts,
  name:
    "browser: replies that blame the courier or promise 赔偿 fail the node; the debrief shows span and reason in Chinese and English",
  fn: async () => {
    const { page, errors } = await suite.page({
      login: "learner3@demo.academy",
    });
    // 1. Greets, apologises, checks, gives a time — and blames the courier.
    await playWithReply(
      page,
      "您好，王女士，非常抱歉让您久等了！我为您查询了，包裹停在转运中心是快递的问题，您直接联系快递问问吧，今天下午 6 点前我再看看。",
    );
    let zh = await blockerText(page);
    assert.match(zh, /红线：推卸责任/);
    assert.match(zh, /“快递的问题”/);
    assert.match(zh, /把责任推给了快递/);
    assert.match(zh, /“联系快递”/);
    assert.match(
      await page.locator(".rubric-verdict .verdict-summary").first()
        .textContent() ?? "",
      /触碰红线，不通过/,
    );
    await shot(page, "grader-debrief-blame-zh", true);
    await debriefIn(page, "en");
    let en = await blockerText(page);
    assert.match(en, /Red line: shifting the blame/);
    assert.match(en, /“快递的问题”: blames the courier/);
    assert.match(
      await page.locator(".rubric-verdict .verdict-summary").first()
        .textContent() ?? "",
      /Red line crossed: not passed/,
    );
    await assertAccessible(page, "debrief in English");
    await debriefIn(page, "zh-CN");

    // 2. A good reply in every other way that promises compensation.
    await playWithReply(
      page,
      "您好，王女士，非常抱歉让您久等了！我为您查询了，包裹在转运中心，今天下午 6 点前给您补发，另外再赔偿您 200 元现金。",
    );
    zh = await blockerText(page);
    assert.match(zh, /红线：越权承诺/);
    assert.match(zh, /“赔偿您 200 元现金”|“赔偿”/);
    assert.match(zh, /超出权限的补偿/);
    await debriefIn(page, "en");
    en = await blockerText(page);
    assert.match(en, /Red line: unauthorised promise/);
    assert.match(en, /offers compensation beyond your authority/);
    await shot(page, "grader-debrief-promise-en", true);
    await debriefIn(page, "zh-CN");

    assert.deepEqual(scriptErrors(errors), [], "no script errors");
    await assertFits(page, "debrief");
    await page.context().close();
  },
});

Deno.test({
  ...opts,
  name:
    "browser: after a drill round the learner sees each reply beside its model answer, practises again, and the list shows best and last",
  fn: async () => {
    const { page, errors } = await suite.page({
      login: "learner4@demo.academy",
    });
    const answer = async (text: string) => {
      await page.waitForSelector("frsh-island[data-hydrated='true']");
      await page.fill("#drill-answer", text);
      await page.locator(".drill-item button[type=submit]").click();
      await page.waitForSelector(".drill-done");
      await Promise.all([
        page.waitForURL(/\/runs\/[^/]+$/),
        page.locator(".drill-done-box a").click(),
      ]);
    };

    await page.goto(`${origin}/courses/demo/drills`);
    assert.match(
      await page.locator(".drill-scores").first().textContent() ?? "",
      /还没练过/,
    );
    await page.goto(`${origin}/courses/demo/drills/drill-greeting`);
    await Promise.all([
      page.waitForURL(/\/runs\//),
      page.getByRole("button", { name: "开始训练" }).click(),
    ]);
    await answer("您好，在的！这款目前有货，请问您想要哪个颜色呢？");
    const round = page.locator(".drill-round");
    assert.match(await round.locator("h2").textContent() ?? "", /本轮结果/);
    assert.match(await round.locator(".outcome").textContent() ?? "", /通过/);
    const item = round.locator(".drill-round-item").first();
    assert.match(
      await item.locator(".from-customer").textContent() ?? "",
      /在吗/,
    );
    assert.match(
      await item.locator(".compare").textContent() ?? "",
      /你的回复.*参考回复.*您好,在的!这款目前有货/s,
    );
    assert.ok(
      await item.locator(".rubric-verdict .criteria li").count() >= 1,
    );
    await assertAccessible(page, "drill round");
    await shot(page, "grader-drill-round-phone", true);

    // 再练一次, this time with a reply that crosses a red line.
    await Promise.all([
      page.waitForURL(/\/runs\/[^/]+$/),
      page.getByRole("button", { name: "再练一次" }).click(),
    ]);
    await answer("您好，在的！这款是全网最低价，赶紧拍");
    assert.match(
      await page.locator(".drill-round .outcome").textContent() ?? "",
      /未通过/,
    );
    assert.match(
      await page.locator(".drill-round .verdict-blocker").textContent() ?? "",
      /广告法/,
    );

    // The way back, and best and last on the list.
    await Promise.all([
      page.waitForURL(/\/drills$/),
      page.getByRole("link", { name: "返回训练列表" }).click(),
    ]);
    const scores = await page.locator(".drill-scores").first().textContent() ??
      "";
    const m = scores.match(/最好 (\d+) 分 · 最近 (\d+) 分/);
    assert.ok(m, scores);
    assert.ok(Number(m[1]) >= 60 && Number(m[2]) < 60, scores);
    await assertAccessible(page, "drill list");
    assert.deepEqual(scriptErrors(errors), [], "no script errors");
    await page.context().close();
  },
});

Deno.test({ ...opts, name: "browser grader: stop" }, () => suite.close());
