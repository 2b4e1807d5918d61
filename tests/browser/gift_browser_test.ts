/**
 * Issue 18's GIFT import in a real browser, at phone width: a trainer pastes
 * GIFT text with a full-width ～ typed by a Chinese input method, the preview
 * names its line and column and offers no import; fixed, the preview counts
 * the questions, nothing is saved until the trainer confirms; the import
 * writes a new course version; re-importing with the same [id:…] updates
 * instead of duplicating; the bank's export carries the ids. Every page is
 * checked with axe.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  assertAccessible,
  checkPage,
  loadsNewPage,
  startSuite,
} from "./browser.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const suite = await startSuite({
  env: { SA_CONTENT_DIR: "tests/fixtures/content" },
});

const GOOD = [
  "$CATEGORY: basics",
  "",
  "// [id:gift-refund-days] [tag:empathy]",
  "::退款::退款一般多久到账？{",
  "  =1-2 天#对",
  "  ~当天",
  "  ~一周",
  "  ####按规则，退款 1-2 天到账。",
  "}",
  "",
  "// [id:gift-first-words]",
  "先安抚情绪，再解决问题。{TRUE####先处理情绪，再处理事情。}",
].join("\n");

/** The same file with the tilde typed full-width on line 6. */
const TYPO = GOOD.replace("  ~当天", "  ～当天");

async function preview(page: Page, text: string) {
  await page.fill("#gift-text", text);
  await loadsNewPage(
    page,
    () => page.getByRole("button", { name: "预览" }).click(),
  );
  await page.waitForSelector("#gift-preview-heading");
}

Deno.test({
  ...opts,
  name:
    "browser: a trainer previews GIFT (a full-width ～ reported at its line), fixes it, imports, re-imports by id and exports",
  fn: async () => {
    const server = suite.server;
    try {
      const { page, errors } = await suite.page({
        login: "trainer@demo.academy",
      });
      await page.goto(`${server.origin}/author/gift`);
      assert.equal(
        await page.locator("h1").textContent(),
        "GIFT 导入导出",
        server.output().slice(-3000),
      );
      await assertAccessible(page, "GIFT page");
      const exportLink = page.locator('a[href*="/author/gift/export"]').first();
      const before = await exportLink.textContent() ?? "";

      // 1. The typo: reported at line 6, column 3, with the fix; no import button.
      await preview(page, TYPO);
      const problems = await page.locator(".gift-problems").textContent() ?? "";
      assert.match(problems, /第 6 行第 3 列/, problems);
      assert.match(problems, /全角“～”.*半角“~”/, problems);
      assert.equal(
        await page.getByRole("button", { name: /确认导入/ }).count(),
        0,
      );
      await checkPage(page, "GIFT preview with a problem (360 px)");

      // 2. Fixed: counted, previewed, not yet saved.
      await preview(page, GOOD);
      const summary =
        await page.locator(".gift-preview [role=status]").textContent() ?? "";
      assert.match(summary, /可导入 2 道，其中新增 2 道/, summary);
      assert.equal(
        await exportLink.textContent(),
        before,
        "nothing saved by the preview",
      );
      await assertAccessible(page, "GIFT preview");

      // 3. Import.
      await loadsNewPage(
        page,
        () => page.getByRole("button", { name: "确认导入 2 道题" }).click(),
      );
      const done = await page.locator(".notice").textContent() ?? "";
      assert.match(done, /新增 2 道，更新 0 道/, done);
      await assertAccessible(page, "GIFT imported");

      // 4. Re-import with one prompt edited: an update, no duplicate.
      await preview(
        page,
        GOOD.replace("退款一般多久到账？", "退款通常多久到账？"),
      );
      const again =
        await page.locator(".gift-preview [role=status]").textContent() ?? "";
      assert.match(again, /新增 0 道、更新 1 道、未变 1 道/, again);
      await loadsNewPage(
        page,
        () => page.getByRole("button", { name: "确认导入 1 道题" }).click(),
      );

      // 5. The export holds the ids and the edited prompt, once.
      const href = await page.locator('a[href*="/author/gift/export"]').first()
        .getAttribute("href");
      const res = await page.request.get(`${server.origin}${href}`);
      assert.equal(res.status(), 200);
      const gift = await res.text();
      assert.equal(gift.match(/\[id:gift-refund-days\]/g)?.length, 1, gift);
      assert.match(gift, /退款通常多久到账？/);
      assert.doesNotMatch(gift, /退款一般多久到账？/);
      assert.deepEqual(errors, []);
    } finally {
      await suite.close();
    }
  },
});
