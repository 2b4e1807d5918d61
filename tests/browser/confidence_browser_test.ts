/**
 * Confidence ratings in a real browser at 390 px, on the demo data: a
 * learner opens the pre-test (its YAML asks confidence), rates a question
 * with the keyboard, a tampered rating is refused with the question's field
 * message and nothing stored, then the paper is submitted (rated answers
 * stored with their statements, the score unchanged by the ratings); the
 * same form submits with JavaScript off; the agent's manager sees the
 * confidence figures on the evaluation page. axe runs on every page.
 */
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { getUser } from "@/lib/identity/accounts/user_store.ts";
import { listMembers } from "@/lib/identity/teams/cohort_store.ts";
import { getAttempt } from "@/lib/quiz/attempt_store.ts";
import { listLearnerStatements } from "@/lib/evidence/statement_store.ts";
import { EVAL_EXT } from "@/lib/evidence/eval_extensions.ts";
import { startServer, type TestServer } from "../server.ts";
import { assertAccessible } from "./axe.ts";
import { collectPageErrors, launchBrowser, signInPage } from "./browser.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };

async function page390(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    javaScriptEnabled,
  });
  return await context.newPage();
}

async function check(page: Page, what: string) {
  await assertAccessible(page, what);
  const overflow = await page.evaluate(() =>
    document.documentElement.scrollWidth - globalThis.innerWidth
  );
  assert.ok(overflow <= 0, `${what} fits 390 px (${overflow}px over)`);
}

/** Starts (or resumes) the pre-test from its intro page; returns the attempt id. */
async function startPretest(page: Page, origin: string): Promise<string> {
  await page.goto(`${origin}/courses/onboarding/exams/pretest`);
  await Promise.all([
    page.waitForURL(/\/exams\/pretest\/[0-9A-Z]{26}$/),
    page.click("main form[method=post] button[type=submit]"),
  ]);
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

/** Answers every single-choice question with its first option. */
async function answerChoices(page: Page) {
  const sets = page.locator("fieldset.quiz-question");
  const n = await sets.count();
  for (let i = 0; i < n; i++) {
    const first = sets.nth(i).locator("label.option input[type=radio]")
      .first();
    if (await first.count()) await first.check();
  }
}

Deno.test({
  ...opts,
  name:
    "browser: a learner rates confidence on the pre-test at 390 px (keyboard, refused bad value, no-JS submit), and the manager sees the figures",
}, async () => {
  const server: TestServer = await startServer();
  const browser: Browser = await launchBrowser();
  try {
    const origin = server.origin;
    const kv = await Deno.openKv(server.kvPath);
    const [first, second] = await listMembers(kv, "cohort-b");
    const agent = (await getUser(kv, first.userId))!;
    const other = (await getUser(kv, second.userId))!;

    const page = await page390(browser);
    const errors = collectPageErrors(page);
    await signInPage(page, origin, agent.email!);
    const attemptId = await startPretest(page, origin);
    await page.waitForSelector("fieldset.confidence");
    await check(page, "pre-test with confidence ratings");
    const groups = page.locator("fieldset.confidence");
    const count = await groups.count();
    assert.ok(count >= 10, `a rating under each question (${count})`);
    assert.equal(
      count,
      await page.locator("fieldset.quiz-question").count(),
    );
    // Each group is named by its legend and offers the three ratings.
    const firstGroup = groups.first();
    assert.match(
      await firstGroup.locator("legend").innerText(),
      /第 1 题你有多大把握？/,
    );
    assert.deepEqual(
      await firstGroup.locator("label").allInnerTexts(),
      ["猜的", "有点把握", "很有把握"],
    );
    assert.ok(
      await firstGroup.getByRole("radio", { name: "有点把握" }).isVisible(),
    );

    // Keyboard: focus the first rating, arrow keys move within the group.
    await firstGroup.locator("input[value=guess]").focus();
    await page.keyboard.press("Space");
    assert.ok(await firstGroup.locator("input[value=guess]").isChecked());
    await page.keyboard.press("ArrowRight");
    assert.ok(await firstGroup.locator("input[value=likely]").isChecked());
    assert.ok(!(await firstGroup.locator("input[value=guess]").isChecked()));
    await page.keyboard.press("ArrowRight");
    assert.ok(await firstGroup.locator("input[value=sure]").isChecked());
    // A rating alone does not count as answering the question.
    await answerChoices(page);
    for (let i = 1; i < count; i++) {
      await groups.nth(i).locator("input[value=likely]").check();
    }

    // A tampered rating: refused with the question's field message, nothing stored.
    const secondId = (await groups.nth(1).getAttribute("data-testid"))!
      .replace("confidence-", "");
    await page.evaluate((id) => {
      const input = document.querySelector<HTMLInputElement>(
        `input[name="c.${id}"][value=likely]`,
      )!;
      input.value = "certain";
      input.checked = true;
    }, secondId);
    await Promise.all([
      page.waitForLoadState("load"),
      page.click("form.quiz-form > button[type=submit]"),
    ]);
    await page.waitForSelector(
      `[data-testid="confidence-${secondId}"] .field-error`,
    );
    assert.match(
      await page.locator(`[data-testid="confidence-${secondId}"] .field-error`)
        .innerText(),
      /第 2 题的“把握程度”只能选/,
    );
    assert.match(
      await page.locator("p.feedback.wrong[role=alert]").innerText(),
      /第 2 题/,
    );
    await check(page, "pre-test with a refused rating");
    assert.equal((await getAttempt(kv, agent.id, attemptId)).status, "open");

    // Chosen again properly: submitted, ratings stored, statements carry them.
    await answerChoices(page);
    for (let i = 0; i < count; i++) {
      await groups.nth(i).locator(`input[value=${i === 0 ? "sure" : "guess"}]`)
        .check();
    }
    await Promise.all([
      page.waitForLoadState("load"),
      page.click("form.quiz-form > button[type=submit]"),
    ]);
    await page.waitForSelector("[data-testid=exam-verdict]");
    await check(page, "pre-test result");
    const done = await getAttempt(kv, agent.id, attemptId);
    assert.equal(done.status, "submitted");
    assert.equal(Object.keys(done.confidence ?? {}).length, count);
    assert.equal(
      Object.values(done.confidence!).filter((c) => c === "guess").length,
      count - 1,
    );
    const answered = (await listLearnerStatements(kv, agent.id, 200)).filter(
      (s) =>
        s.verb.id.endsWith("/answered") &&
        s.result?.extensions?.[
            "https://service-academy.example/xapi/extensions/attempt"
          ] === attemptId,
    );
    assert.equal(
      answered.length,
      done.result!.questions.filter((q) => q.answered).length,
    );
    assert.ok(
      answered.every((s) =>
        typeof s.result?.extensions?.[EVAL_EXT.confidence] === "number"
      ),
    );
    // The refused submission's own 422 is the one expected console line.
    assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), []);

    // With JavaScript off the same form submits.
    const plain = await page390(browser, false);
    await signInPage(plain, origin, other.email!);
    const plainAttempt = await startPretest(plain, origin);
    await plain.locator("fieldset.confidence").first().locator(
      "input[value=sure]",
    ).check();
    await answerChoices(plain);
    await Promise.all([
      plain.waitForLoadState("load"),
      plain.click("form.quiz-form > button[type=submit]"),
    ]);
    await plain.waitForSelector("[data-testid=exam-verdict]");
    const plainDone = await getAttempt(kv, other.id, plainAttempt);
    assert.equal(plainDone.status, "submitted");
    assert.equal(Object.values(plainDone.confidence ?? {}).length, 1);

    // The manager sees the agent's confidence against correctness.
    const manager = await page390(browser);
    await signInPage(manager, origin, "manager2@demo.academy");
    await manager.goto(`${origin}/evaluation/learners/${agent.id}`);
    await manager.waitForSelector("#confidence-title");
    assert.ok(await manager.locator("[data-testid=confidence]").isVisible());
    assert.match(
      await manager.locator("[data-testid=confidence]").innerText(),
      /实际正确率/,
    );
    await check(manager, "agent evaluation page with confidence");
    kv.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
