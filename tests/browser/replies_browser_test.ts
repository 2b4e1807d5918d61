/**
 * The reply library in a real browser at 390 px, on the bundled content:
 * search by keyboard, copy with placeholders, an adapt-the-reply drill, the
 * trainer's usage page and case library. One server and one browser for the
 * file; each test signs in its own page. Every page passes axe and fits.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  assertAccessible,
  assertFits,
  hydrated,
  scriptErrors,
  startSuite,
} from "./browser.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const suite = await startSuite();
const { origin } = suite;

/** A 390 px phone page that may use the clipboard, signed in as `login`. */
async function withPhone(login: string, fn: (page: Page) => Promise<void>) {
  const { page, errors } = await suite.page({
    width: 390,
    height: 844,
    permissions: ["clipboard-read", "clipboard-write"],
    login,
  });
  await fn(page);
  assert.deepEqual(scriptErrors(errors), [], "no script errors");
  await page.context().close();
}

Deno.test({
  ...opts,
  name:
    "browser: at 390 px a learner presses / to search 退款多久到账, gets the refund-time replies first, copies one with its placeholders marked",
  fn: () =>
    withPhone("learner5@demo.academy", async (page) => {
      await page.goto(`${origin}/replies`);
      await hydrated(page, true);
      await assertAccessible(page, "reply library");
      await assertFits(page, "reply library");
      // The keyboard shortcut focuses the search field.
      await page.locator("h1").click();
      await page.keyboard.press("/");
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        "reply-q",
      );
      await page.keyboard.type("退款多久到账");
      await Promise.all([
        page.waitForURL(/q=/),
        page.keyboard.press("Enter"),
      ]);
      await hydrated(page, true);
      const titles = await page.locator(".reply-card .reply-title")
        .allTextContents();
      assert.ok(titles.length >= 3, titles.join(" | "));
      for (const t of titles.slice(0, 3)) {
        assert.match(t, /退款|退回|到账/, titles.join(" | "));
      }
      // Copy the best-ranked of them that has something to fill in.
      const first = page.locator(".reply-card").filter({
        has: page.locator("mark.placeholder"),
      }).first();
      assert.ok(
        titles.slice(0, 3).includes(
          await first.locator(".reply-title").textContent() ?? "",
        ),
      );
      const marks = await first.locator("mark.placeholder").allTextContents();
      assert.ok(marks.length > 0, "placeholders are marked");
      for (const m of marks) assert.match(m, /^\{[^{}]+\}$/);
      await assertAccessible(page, "search results");
      await assertFits(page, "search results");
      await first.getByRole("button", { name: "复制话术" }).click();
      const status = first.locator("[role=status]");
      await status.filter({ hasText: /复制/ }).waitFor();
      assert.match(await status.textContent() ?? "", /已复制/);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const shown = await first.locator(".reply-text").textContent();
      assert.equal(copied, shown);
      assert.match(copied, /\{[^{}]+\}/, "the copy keeps the placeholders");
      assert.doesNotMatch(copied, /\{\{/, "house figures are filled in");
      // The reply page links back to the lessons that teach it.
      await first.locator(".reply-title a").click();
      await page.waitForSelector("h2");
      assert.ok(
        (await page.locator("a[href^='/courses/onboarding/']").count()) > 0,
      );
      await assertAccessible(page, "reply page");
      await assertFits(page, "reply page");
      // A search that finds nothing says what to do.
      await page.goto(
        `${origin}/replies?q=${encodeURIComponent("量子")}`,
      );
      assert.match(
        await page.locator(".empty-state").textContent() ?? "",
        /没有找到相关话术/,
      );
      await assertAccessible(page, "no result");
    }),
});

Deno.test({
  ...opts,
  name:
    "browser: at 390 px an adapt-the-reply drill plays through: a filled, adjusted reply passes, one left with its placeholders fails",
  fn: () =>
    withPhone("learner6@demo.academy", async (page) => {
      await page.goto(
        `${origin}/courses/onboarding/drills/drill-adapt-replies`,
      );
      await assertAccessible(page, "adapt drill intro");
      await Promise.all([
        page.waitForURL(/\/runs\//),
        page.getByRole("button", { name: "开始训练" }).click(),
      ]);
      await page.waitForSelector("frsh-island[data-hydrated='true']");
      // The library reply is shown with its placeholders marked, and is
      // already in the answer box.
      assert.ok(
        (await page.locator(".adapt-from mark.placeholder").count()) >= 2,
      );
      const start = await page.inputValue("#drill-answer");
      assert.match(start, /\{签收时间\}/);
      await assertAccessible(page, "adapt drill item");
      await assertFits(page, "adapt drill item");
      const answers: Record<string, string> = {
        // Good: every placeholder filled from the customer's message.
        "1": start.replace("{签收时间}", "12月5日").replace(
          "{支付方式}",
          "微信",
        ),
        // Bad: sent as it came from the library.
        "2": "",
      };
      for (let i = 1; i <= 6; i++) {
        await page.waitForSelector("#drill-answer");
        const text = answers[String(i)] ??
          (await page.inputValue("#drill-answer"));
        if (text) await page.fill("#drill-answer", text);
        await page.locator(".drill-item button[type=submit]").click();
        await page.waitForFunction(
          (n) => document.querySelectorAll(".drill-result").length >= n,
          i,
        );
      }
      const results = page.locator(".drill-result");
      const good = await results.nth(0).textContent() ?? "";
      const bad = await results.nth(1).textContent() ?? "";
      assert.match(good, /✓ 占位内容都已填好/, good);
      assert.match(bad, /✗ 占位内容都已填好/, bad);
      assert.match(bad, /\{快递公司\}/, "the unfilled placeholder is quoted");
      await page.waitForSelector(".drill-done");
      await assertAccessible(page, "adapt drill done");
      await Promise.all([
        page.waitForURL(/\/runs\/[^/]+$/),
        page.locator(".drill-done-box a").click(),
      ]);
      await assertAccessible(page, "adapt drill round");
      await assertFits(page, "adapt drill round");
    }),
});

Deno.test({
  ...opts,
  name:
    "browser: at 390 px a trainer reads the week's reply usage and the case library, and adds a case that is shown masked",
  fn: () =>
    withPhone("trainer@demo.academy", async (page) => {
      await page.goto(`${origin}/replies/stats`);
      assert.match(
        await page.locator("main").textContent() ?? "",
        /没有搜到结果的词.*搜索最多的词.*复制最多的话术/s,
      );
      await assertAccessible(page, "reply usage");
      await assertFits(page, "reply usage");
      await page.goto(`${origin}/replies/stats?week=2020-W01`);
      assert.match(
        await page.locator(".empty-state").textContent() ?? "",
        /这一周还没有使用记录/,
      );
      await assertAccessible(page, "reply usage, empty week");
      await page.goto(`${origin}/cases`);
      assert.equal(await page.locator(".case-list li").count(), 3);
      await assertAccessible(page, "case library");
      await assertFits(page, "case library");
      await page.fill("#case-title", "顾客留了手机号");
      await page.selectOption("#case-situation", "logistics");
      await page.fill(
        "#case-conversation",
        "顾客：我电话是 186 0000 1234\n12月5日 下的单，到现在没到\n客服：让您久等了，我马上帮您查。",
      );
      await page.fill("#case-replies", "logistics-late");
      await Promise.all([
        page.waitForURL(/\/cases\/[0-9A-Z]+\?saved=1$/),
        page.getByRole("button", { name: "隐去个人信息并保存" }).click(),
      ]);
      const shown = await page.locator(".case-conversation").textContent() ??
        "";
      assert.match(shown, /\[手机号1\]/);
      assert.doesNotMatch(shown, /186 0000 1234/);
      assert.match(shown, /12月5日 下的单/);
      await assertAccessible(page, "case page");
      await assertFits(page, "case page");
    }),
});

Deno.test({ ...opts, name: "browser replies: stop" }, () => suite.close());
