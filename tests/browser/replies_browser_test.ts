import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { startServer, type TestServer } from "../server.ts";
import { assertAccessible } from "./axe.ts";
import { collectPageErrors, launchBrowser, signInPage } from "./browser.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };

/** A 390 px phone page that may use the clipboard, signed in as `login`, on the bundled content. */
async function withPhone(
  login: string,
  fn: (page: Page, server: TestServer) => Promise<void>,
) {
  const server = await startServer();
  const browser: Browser = await launchBrowser();
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: "zh-CN",
    });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: server.origin,
    });
    const page = await context.newPage();
    // Six graded answers in a row: give each step room on a shared, busy machine.
    page.setDefaultTimeout(90_000);
    const errors = collectPageErrors(page);
    await signInPage(page, server.origin, login);
    await fn(page, server);
    assert.deepEqual(
      errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
      "no script errors",
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Waits until every island on the page has hydrated (one renders nothing, so visibility cannot tell). */
async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll("frsh-island")];
    return all.length > 0 &&
      all.every((e) => (e as HTMLElement).dataset.hydrated === "true");
  });
}

async function assertNoSideScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() =>
    document.documentElement.scrollWidth - globalThis.innerWidth
  );
  assert.ok(overflow <= 0, `${what}: no horizontal scroll (${overflow}px)`);
}

Deno.test({
  ...opts,
  name:
    "browser: at 390 px a learner presses / to search 退款多久到账, gets the refund-time replies first, copies one with its placeholders marked",
  fn: () =>
    withPhone("learner5@demo.academy", async (page, server) => {
      await page.goto(`${server.origin}/replies`);
      await hydrated(page);
      await assertAccessible(page, "reply library");
      await assertNoSideScroll(page, "reply library");
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
      await hydrated(page);
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
      await assertNoSideScroll(page, "search results");
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
      await assertNoSideScroll(page, "reply page");
      // A search that finds nothing says what to do.
      await page.goto(
        `${server.origin}/replies?q=${encodeURIComponent("量子")}`,
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
    withPhone("learner6@demo.academy", async (page, server) => {
      await page.goto(
        `${server.origin}/courses/onboarding/drills/drill-adapt-replies`,
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
      await assertNoSideScroll(page, "adapt drill item");
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
      await assertNoSideScroll(page, "adapt drill round");
    }),
});

Deno.test({
  ...opts,
  name:
    "browser: at 390 px a trainer reads the week's reply usage and the case library, and adds a case that is shown masked",
  fn: () =>
    withPhone("trainer@demo.academy", async (page, server) => {
      await page.goto(`${server.origin}/replies/stats`);
      assert.match(
        await page.locator("main").textContent() ?? "",
        /没有搜到结果的词.*搜索最多的词.*复制最多的话术/s,
      );
      await assertAccessible(page, "reply usage");
      await assertNoSideScroll(page, "reply usage");
      await page.goto(`${server.origin}/replies/stats?week=2020-W01`);
      assert.match(
        await page.locator(".empty-state").textContent() ?? "",
        /这一周还没有使用记录/,
      );
      await assertAccessible(page, "reply usage, empty week");
      await page.goto(`${server.origin}/cases`);
      assert.equal(await page.locator(".case-list li").count(), 3);
      await assertAccessible(page, "case library");
      await assertNoSideScroll(page, "case library");
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
      await assertNoSideScroll(page, "case page");
    }),
});
