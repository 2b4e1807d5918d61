import assert from "node:assert/strict";
import { startSuite } from "./browser.ts";

Deno.test({
  name:
    "browser: an island hydrates with its props and reacts to a click; server children stay",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const suite = await startSuite({
      entry: "framework/testdata/app/main.ts",
    });
    const server = suite.server;
    try {
      const { page } = await suite.page({ width: 1280, height: 720 });
      // Uncaught errors only: the fixture answers some requests with errors
      // on purpose (fallbacks), which the console logs.
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.origin}/islands`);
      await page.waitForSelector(
        'frsh-island[data-island="0"][data-hydrated="true"]',
      );
      const counter = page.locator(".counter");
      await page.waitForSelector('.counter[data-browser="true"]');
      assert.equal(
        await counter.getAttribute("data-props-ok"),
        "true",
        "Date, Map, Set, bigint, refs revived",
      );
      assert.equal(await page.textContent(".counter output"), "3");
      await page.click(".counter button");
      await page.click(".counter button");
      assert.equal(await page.textContent(".counter output"), "5");
      assert.equal(await page.textContent(".slotted"), "server child");
      assert.equal(
        await page.textContent(".counter .text"),
        "</script><script>alert(1)</script>",
      );
      // The visible-strategy island hydrates once scrolled into view.
      await page.locator(".lazy").scrollIntoViewIfNeeded();
      await page.waitForSelector(
        'frsh-island[data-island="1"][data-hydrated="true"]',
      );
      await page.click(".lazy");
      assert.equal((await page.textContent(".lazy"))?.trim(), "later on");
      assert.deepEqual(errors, []);
    } finally {
      await suite.close();
    }
  },
});
