/**
 * Issue 18's item analysis in a real browser, on the demo data made by the
 * real engines: a trainer opens the item analysis page at phone width,
 * chooses the pre-test (23 first attempts by the demo learners), and sees
 * beside each question its facility, SD, discrimination figures, flags with
 * their reasons and option pick rates, and Cronbach's alpha for the test. A
 * learner may not open it. Every page is checked with axe.
 */
import assert from "node:assert/strict";
import { assertAccessible, checkPage, startSuite } from "./browser.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const suite = await startSuite();

Deno.test({
  ...opts,
  name:
    "browser: a trainer reads the pre-test's item analysis beside each question (demo attempts), at phone width",
  fn: async () => {
    const server = suite.server;
    try {
      const { page, errors } = await suite.page({
        login: "trainer@demo.academy",
      });
      await page.goto(`${server.origin}/author/items`);
      assert.equal(await page.locator("h1").textContent(), "题目分析");
      await assertAccessible(page, "item analysis");

      await page.selectOption("#items-quiz", "exam:pretest");
      await Promise.all([
        page.waitForURL(/quiz=exam%3Apretest/),
        page.getByRole("button", { name: "查看" }).click(),
      ]);
      const summary =
        await page.locator("#items-quiz-heading + p").textContent() ?? "";
      assert.match(summary, /23 次作答/, summary);
      assert.match(summary, /每次 20 题/, summary);
      const alpha =
        await page.locator("#items-quiz-heading ~ p").nth(1).textContent() ??
          "";
      assert.match(
        alpha,
        /克龙巴赫 α（内部一致性）：0\.\d\d|克龙巴赫 α（内部一致性）：-?\d/,
        alpha,
      );
      const cards = page.locator(".item-card");
      assert.equal(await cards.count(), 20, "one card per pre-test question");
      // Every card shows its figures; the facility is a percentage.
      const first =
        await cards.first().locator(".item-figures").textContent() ?? "";
      assert.match(first, /难度（通过率）\d+%/, first);
      // Flags carry their reason, and some questions are flagged in the demo data.
      const flags = await page.locator(".item-flags li").allTextContents();
      assert.ok(flags.length > 0, "the demo data flags some questions");
      for (const f of flags) assert.match(f, /：/, f);
      // Option pick rates for choice questions: all, strongest and weakest third.
      assert.ok(await page.locator(".item-card table").count() > 0);
      await checkPage(page, "pre-test item analysis (360 px)");

      // Every attempt: the demo learners took it once, so the same count.
      await page.locator("input[name=attempts][value=all]").check();
      await Promise.all([
        page.waitForURL(/attempts=all/),
        page.getByRole("button", { name: "查看" }).click(),
      ]);
      assert.match(
        await page.locator("#items-quiz-heading + p").textContent() ?? "",
        /23 次作答/,
      );

      // A learner is refused.
      const { page: learner } = await suite.page({
        width: 1280,
        height: 720,
        login: "learner@demo.academy",
      });
      const res = await learner.goto(`${server.origin}/author/items`);
      assert.equal(res?.status(), 403);
      assert.deepEqual(errors, []);
    } finally {
      await suite.close();
    }
  },
});
