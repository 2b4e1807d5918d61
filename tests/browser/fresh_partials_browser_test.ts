/**
 * A Fresh 1.7 app using `<Partial>`, `f-client-nav`, `<Head>` titles and
 * active links (tests/fixtures/fresh_app) behaves in a real browser as in
 * Fresh: a link inside `f-client-nav` swaps only the named area (islands
 * outside keep their state, islands inside hydrate), the address, title,
 * meta tags and active links follow, back and forward work, `f-partial`
 * fetches another URL for the same address (on a link) or updates areas
 * without changing it (on a button, or a form whose GET or POST answer
 * fills its area; `mode="append"` keeps what was there), `f-client-nav={false}` and
 * answers without areas or not HTML fall back to a full page load.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { assertAccessible } from "./axe.ts";
import { startSuite } from "./browser.ts";

/** A value set on `window`: gone after a full page load, kept by Partials. */
async function mark(page: Page) {
  await page.evaluate(() => {
    (globalThis as unknown as { marker: string }).marker = "kept";
  });
}
async function marked(page: Page): Promise<boolean> {
  return await page.evaluate(() =>
    (globalThis as unknown as { marker?: string }).marker === "kept"
  );
}

async function ariaCurrent(page: Page, name: string) {
  return await page.locator("nav a", { hasText: new RegExp(`^${name}$`) })
    .getAttribute("aria-current");
}

Deno.test({
  name:
    "browser: Partials navigate without a reload, keep islands outside, and get URL, title, links and back right",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const suite = await startSuite({
      entry: "tests/fixtures/fresh_app/main.ts",
    });
    const server = suite.server;
    try {
      const { page } = await suite.page({ width: 1280, height: 720 });
      // Uncaught errors only: the fixture answers some requests with errors
      // on purpose (fallbacks), which the console logs.
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.origin}/docs/one`);
      await page.waitForSelector('.counter.outside[data-ready="yes"]');
      await page.waitForSelector('.counter.inside-one[data-ready="yes"]');
      assert.equal(await page.title(), "Doc one · Fixture");
      await assertAccessible(page, "fixture doc one");
      await page.click(".counter.outside button");
      await page.click(".counter.outside button");
      assert.equal(await page.textContent(".counter.outside output"), "2");
      await mark(page);

      // Next: only the area changes.
      await page.click("main a.next");
      await page.waitForSelector("main h1:text('Doc two')");
      assert.equal(new URL(page.url()).pathname, "/docs/two");
      assert.equal(await page.title(), "Doc two · Fixture");
      assert.equal(
        await page.getAttribute('meta[name="description"]', "content"),
        "about Doc two",
      );
      assert.equal(await page.locator('meta[name="description"]').count(), 1);
      assert.ok(await marked(page), "no full page load");
      assert.equal(await page.textContent(".counter.outside output"), "2");
      assert.equal(await page.locator(".counter.inside-one").count(), 0);
      await page.waitForSelector('.counter.inside-two[data-ready="yes"]');
      assert.equal(await page.textContent(".counter.inside-two output"), "3");
      await page.click(".counter.inside-two button");
      assert.equal(await page.textContent(".counter.inside-two output"), "4");
      const mounts = await page.evaluate(() =>
        (globalThis as unknown as { mounts: string[] }).mounts
      );
      // (Islands of one page may mount in either order.)
      assert.deepEqual(
        mounts.toSorted(),
        ["inside-one", "inside-two", "outside"],
        "the island outside mounted once, each inside one once",
      );
      assert.equal(await ariaCurrent(page, "Two"), "page");
      assert.equal(await ariaCurrent(page, "One"), null);
      assert.equal(await ariaCurrent(page, "Docs"), "true");
      await assertAccessible(page, "fixture doc two after a partial swap");
      assert.equal(
        await page.locator("nav a", { hasText: /^Two$/ }).getAttribute(
          "data-current",
        ),
        "true",
      );

      // Back and forward.
      await page.goBack();
      await page.waitForSelector("main h1:text('Doc one')");
      assert.equal(new URL(page.url()).pathname, "/docs/one");
      assert.equal(await page.title(), "Doc one · Fixture");
      assert.equal(await ariaCurrent(page, "One"), "page");
      assert.ok(await marked(page));
      assert.equal(await page.textContent(".counter.outside output"), "2");
      await page.goForward();
      await page.waitForSelector("main h1:text('Doc two')");
      assert.equal(await page.title(), "Doc two · Fixture");

      // Keyboard: Enter on a focused link navigates the same way.
      await page.focus("nav a:text-is('One')");
      await page.keyboard.press("Enter");
      await page.waitForSelector("main h1:text('Doc one')");
      assert.ok(await marked(page));

      // f-partial: the area comes from another URL, the address is the href.
      await page.click("nav a:text-is('Three')");
      await page.waitForSelector("main p.via");
      assert.equal(new URL(page.url()).pathname, "/docs/three");
      assert.ok(await marked(page));

      // A button with f-partial: its areas update, the address stays; an
      // `append` area keeps what it had.
      await page.click("nav a:text-is('Docs')");
      await page.waitForSelector("main h1:text('Docs')");
      await page.click("main button:text-is('More')");
      await page.waitForSelector("ul.items li:text('item 2')");
      assert.deepEqual(
        await page.locator("ul.items li").allTextContents(),
        ["first", "item 2"],
      );
      assert.equal(new URL(page.url()).pathname, "/docs");
      assert.ok(await marked(page));

      // A form with f-partial: GET and POST answers update its area only.
      await page.goto(`${server.origin}/search`);
      await page.waitForSelector('.counter.outside[data-ready="yes"]');
      await mark(page);
      await page.fill("input[name=q]", "基础 & more");
      await page.click("button:text-is('Find')");
      await page.waitForSelector("p.results:text('GET: 基础 & more')");
      // (The answer's outermost area is the app's "main", form included.)
      await page.fill("input[name=q]", "基础 & more");
      await page.click("button:text-is('Find (post)')");
      await page.waitForSelector("p.results:text('POST: 基础 & more')");
      assert.equal(new URL(page.url()).pathname, "/search");
      assert.equal(new URL(page.url()).search, "");
      assert.ok(await marked(page));
      await page.click("nav a:text-is('Docs')");
      await page.waitForSelector("main h1:text('Docs')");

      // A page without the area: a full load.
      await page.click("nav a:text-is('Plain')");
      await page.waitForSelector("h1.plain");
      assert.equal(new URL(page.url()).pathname, "/plain");
      assert.equal(await marked(page), false);
      // Back goes to the page before, with its own content.
      await page.goBack();
      await page.waitForSelector("main h1:text('Docs')");
      assert.equal(new URL(page.url()).pathname, "/docs");

      // An answer that is not HTML: a full load.
      await page.goto(`${server.origin}/docs/one`);
      await page.waitForSelector('.counter.outside[data-ready="yes"]');
      await mark(page);
      await page.click("nav a:text-is('Broken')");
      await page.waitForURL((u) => u.pathname === "/broken");
      await page.waitForFunction(() => document.body.textContent === "broken");
      assert.equal(await marked(page), false);

      // f-client-nav={false}: a full load.
      await page.goto(`${server.origin}/docs/two`);
      await page.waitForSelector('.counter.outside[data-ready="yes"]');
      await mark(page);
      await page.click("nav a.opt-out");
      await page.waitForURL((u) => u.pathname === "/docs/one");
      await page.waitForSelector('.counter.outside[data-ready="yes"]');
      assert.equal(await marked(page), false);
      assert.deepEqual(errors, []);
    } finally {
      await suite.close();
    }
  },
});
