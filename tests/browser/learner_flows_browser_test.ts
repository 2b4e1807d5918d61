/**
 * A learner's flows on the fixture course, on a phone: the module quiz
 * (ordering and matching, resumed after a reload, then the review), a
 * scenario played through choices and a free-text reply to its debrief, and
 * a timed drill. Each test signs in its own learner on the file's one server
 * and browser; every page passes axe and fits the phone; no script errors.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { checkPage, scriptErrors, shot, startSuite } from "./browser.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const suite = await startSuite({
  env: { SA_CONTENT_DIR: "tests/fixtures/content" },
});
const { origin } = suite;

async function withLearner(login: string, fn: (page: Page) => Promise<void>) {
  const { page, errors } = await suite.page({ login });
  await fn(page);
  assert.deepEqual(scriptErrors(errors), [], "no script errors");
  await checkPage(page, `${login}: the last page`);
  await page.context().close();
}

/** Answers every question of the quiz form with the first option or position order. */
async function answerAll(page: Page) {
  for (const fieldset of await page.locator("fieldset.quiz-question").all()) {
    const radio = fieldset.locator("input[type=radio]").first();
    if (await radio.count()) await radio.check();
    const box = fieldset.locator("input[type=checkbox]").first();
    if (await box.count()) await box.check();
    const selects = await fieldset.locator("select").all();
    for (const [i, select] of selects.entries()) {
      const values = await select.locator("option").evaluateAll((os) =>
        os.map((o) => (o as HTMLOptionElement).value)
      );
      // Ordering selects hold positions 1..n; matching selects hold right ids.
      await select.selectOption(
        values.includes(String(i + 1)) ? String(i + 1) : values[1],
      );
    }
    const text = fieldset.locator("input[type=text], textarea");
    if (await text.count()) await text.fill("致歉");
  }
}

Deno.test({
  ...opts,
  name:
    "browser: a learner takes the module quiz (ordering and matching), reloads mid-way and resumes, then sees the review",
  fn: () =>
    withLearner("learner2@demo.academy", async (page) => {
      await page.goto(`${origin}/courses/demo/basics/quiz`);
      await checkPage(page, "quiz intro");
      await Promise.all([
        page.waitForURL(/\/quiz\/[0-9A-Z]+$/),
        page.getByRole("button", { name: "开始测验" }).click(),
      ]);
      const attemptUrl = page.url();
      await page.waitForSelector("frsh-island[data-hydrated='true']");
      await checkPage(page, "quiz attempt");
      assert.equal(await page.locator("fieldset.quiz-question").count(), 4);
      assert.ok(
        await page.locator(".order-fields select").count() >= 3,
        "an ordering question",
      );
      assert.ok(
        await page.locator(".match-row select").count() >= 2,
        "a matching question",
      );
      await answerAll(page);
      await page.waitForSelector('.autosave[data-status="saved"]');
      // A reload (or another device) resumes the same attempt with its answers.
      await page.reload();
      assert.equal(page.url(), attemptUrl);
      assert.equal(
        await page.locator("fieldset.quiz-question input:checked").count() >= 2,
        true,
        "answers kept",
      );
      await page.goto(`${origin}/courses/demo/basics/quiz`);
      await Promise.all([
        page.waitForURL(attemptUrl),
        page.getByRole("button", { name: "继续未完成的测验" }).click(),
      ]);
      await Promise.all([
        page.waitForURL(attemptUrl),
        page.getByRole("button", { name: "交卷" }).click(),
      ]);
      await page.waitForSelector("text=测验结果");
      assert.match(
        await page.locator("main").textContent() ?? "",
        /得分 \d+ 分/,
      );
      assert.equal(await page.locator(".review-list > li").count(), 4);
      assert.match(
        await page.locator(".review-list").textContent() ?? "",
        /你的答案/,
      );
      await checkPage(page, "quiz review");
      await shot(page, "quiz-review-phone", true);
    }),
});

Deno.test({
  ...opts,
  name:
    "browser: a learner plays a scenario through choices and a free-text reply and reads the debrief",
  fn: () =>
    withLearner("learner3@demo.academy", async (page) => {
      await page.goto(`${origin}/courses/demo/scenarios/late-parcel`);
      await checkPage(page, "scenario intro");
      assert.match(
        await page.locator(".persona-card").textContent() ?? "",
        /王女士.*在线客服.*宣泄型/s,
      );
      await Promise.all([
        page.waitForURL(/\/runs\//),
        page.getByRole("button", { name: "开始对话" }).click(),
      ]);
      await page.waitForSelector("frsh-island[data-hydrated='true']");
      await checkPage(page, "scenario chat");
      assert.match(
        await page.locator("[role=timer]").textContent() ?? "",
        /首次响应倒计时/,
      );
      const moodBefore = Number(
        await page.locator(".chat meter").getAttribute("value"),
      );
      await page.locator(".chat-choices button", {
        hasText: "非常抱歉让您着急了",
      }).click();
      await page.waitForSelector(".chat-reply textarea");
      assert.ok(
        Number(await page.locator(".chat meter").getAttribute("value")) >
          moodBefore,
        "mood rose",
      );
      assert.match(
        await page.locator(".chat-log").textContent() ?? "",
        /先安抚再要订单号/,
      );
      await page.fill(
        ".chat-reply textarea",
        "王女士,非常抱歉让您久等了!我已为您查询到包裹在转运中心,今天下午 6 点前给您回复。",
      );
      await page.locator(".chat-reply button[type=submit]").click();
      await page.waitForSelector(".chat-end a");
      assert.match(
        await page.locator(".chat-log").textContent() ?? "",
        /回复得分 100 分/,
      );
      await Promise.all([
        page.waitForURL(/\/debrief$/),
        page.locator(".chat-end a").click(),
      ]);
      assert.equal(await page.locator(".outcome").textContent(), "问题已解决");
      assert.equal(await page.locator(".dimension-table tbody tr").count(), 5);
      assert.equal(
        await page.locator(".transcript").first().locator("> li").count(),
        2,
      );
      await checkPage(page, "debrief");
      await shot(page, "scenario-debrief-phone", true);
      // A second run: a blaming reply and a weak free-text reply lose the customer.
      await Promise.all([
        page.waitForURL(/\/runs\/[^/]+$/),
        page.getByRole("button", { name: "再练一次" }).click(),
      ]);
      await page.waitForSelector("frsh-island[data-hydrated='true']");
      await page.locator(".chat-choices button", { hasText: "不是我们的问题" })
        .click();
      await page.locator(".chat-choices button", {
        hasText: "抱歉,是我说得不好",
      }).click();
      await page.fill(".chat-reply textarea", "我看看吧。");
      await page.locator(".chat-reply button[type=submit]").click();
      await page.waitForSelector(".chat-end a");
      await Promise.all([
        page.waitForURL(/\/debrief$/),
        page.locator(".chat-end a").click(),
      ]);
      assert.equal(await page.locator(".outcome").textContent(), "顾客流失");
      assert.match(await page.locator("main").textContent() ?? "", /示范路径/);
    }),
});

Deno.test({
  ...opts,
  name: "browser: a learner runs a timed quick-response drill",
  fn: () =>
    withLearner("learner4@demo.academy", async (page) => {
      await page.goto(`${origin}/courses/demo/drills/drill-greeting`);
      await checkPage(page, "drill intro");
      await Promise.all([
        page.waitForURL(/\/runs\//),
        page.getByRole("button", { name: "开始训练" }).click(),
      ]);
      await page.waitForSelector("frsh-island[data-hydrated='true']");
      await checkPage(page, "drill item");
      assert.match(
        await page.locator("[role=timer]").textContent() ?? "",
        /剩余时间：\d+ 秒/,
      );
      await page.fill(
        "#drill-answer",
        "您好,在的!这款目前有货,请问您想要哪个颜色呢?",
      );
      await page.locator(".drill-item button[type=submit]").click();
      await page.waitForSelector(".drill-done");
      assert.match(
        await page.locator(".drill-done").textContent() ?? "",
        /本轮训练完成！.*总分/s,
      );
      assert.match(
        await page.locator(".drill-results").textContent() ?? "",
        /✓ 问候/,
      );
    }),
});

Deno.test(
  { ...opts, name: "browser learner flows: stop" },
  () => suite.close(),
);
