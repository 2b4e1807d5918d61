/**
 * Lesson to lesson with Partials (components/LessonNav.tsx, the lesson
 * route's `<Partial name="lesson">`): the next lesson arrives without a
 * full page load, with the right address, title and heading; the header
 * stays; the new lesson's inline checks hydrate and its form still works;
 * back and forward restore the lessons.
 */
import assert from "node:assert/strict";
import { assertAccessible, signInPage, startSuite } from "./browser.ts";

Deno.test({
  name:
    "browser: next/previous lesson swaps only the lesson (no reload), URL, title and back right",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const suite = await startSuite({
      env: { SA_CONTENT_DIR: "tests/fixtures/content" },
    });
    const server = suite.server;
    try {
      const { page } = await suite.page();
      // The payloads lesson has trainer images pointing nowhere (404s the
      // browser logs); what matters here is scripts and our own requests.
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "warning" || m.type() === "error") {
          if (!m.text().startsWith("Failed to load resource")) {
            errors.push(m.text());
          }
        }
      });
      const partialRequests: string[] = [];
      page.on("response", (r) => {
        if (r.url().includes("fresh-partial")) {
          partialRequests.push(`${r.status()} ${new URL(r.url()).pathname}`);
        }
      });
      await signInPage(page, server.origin, "learner@demo.academy");
      const first = `${server.origin}/courses/demo/basics/basics-stages`;
      await page.goto(first);
      await assertAccessible(page, "first lesson");
      const firstTitle = await page.title();
      const firstH1 = await page.textContent("h1");
      await page.evaluate(() => {
        (globalThis as unknown as { marker: string }).marker = "kept";
      });
      const marked = () =>
        page.evaluate(() =>
          (globalThis as unknown as { marker?: string }).marker === "kept"
        );
      // Active-link state of every link outside the lesson, as loaded.
      const linkMarks = () =>
        page.evaluate(() =>
          [...document.querySelectorAll("header a, footer a")].map((a) =>
            [
              a.getAttribute("href"),
              a.getAttribute("aria-current"),
              a.getAttribute("data-current"),
              a.getAttribute("data-ancestor"),
            ].join(" ")
          )
        );
      const marksLoaded = await linkMarks();
      const headerBefore = await page.evaluateHandle(() =>
        document.querySelector("header")
      );

      // Keyboard: Enter on the "next" link.
      await page.focus(".lesson-nav a[rel=next]");
      const nextTitle = (await page.textContent(
        ".lesson-nav a[rel=next] strong",
      ))!.trim();
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.pathname.endsWith("/basics-payloads"));
      await page.waitForFunction(
        (t) => document.querySelector("h1")?.textContent === t,
        nextTitle,
      );
      assert.ok(await marked(), "no full page load");
      assert.ok(
        await page.evaluate(
          (h) => h === document.querySelector("header"),
          headerBefore,
        ),
        "the header element is the same one",
      );
      assert.match(await page.title(), new RegExp(`^${nextTitle} · `));
      // Header and footer links look as on a loaded page (the app caches
      // them, so the server does not mark them, and navigation does not).
      assert.deepEqual(await linkMarks(), marksLoaded);
      assert.notEqual(await page.title(), firstTitle);
      assert.equal(await page.locator("title").count(), 1);
      assert.equal(await page.locator("h1").count(), 1);
      // Focus did not fall to the body: it is on the main area.
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        "main",
      );
      // The new lesson's inline check hydrated.
      await page.waitForSelector(
        ".lesson-body frsh-island[data-hydrated='true']",
      );

      // Back and forward.
      await page.goBack();
      await page.waitForFunction(
        (t) => document.querySelector("h1")?.textContent === t,
        firstH1,
      );
      assert.equal(page.url(), first);
      assert.equal(await page.title(), firstTitle);
      // (Checked on this lesson: the payloads lesson holds trainer images
      // with no alt text on purpose, which axe rightly reports on any load.)
      await assertAccessible(page, "first lesson after a partial swap back");
      assert.ok(await marked());
      await page.goForward();
      await page.waitForFunction(
        (t) => document.querySelector("h1")?.textContent === t,
        nextTitle,
      );
      assert.ok(await marked());

      // The lesson's own form still works after the swap (CSRF and all).
      await Promise.all([
        page.waitForNavigation(),
        page.click(".lesson-complete button[type=submit]"),
      ]);
      await page.waitForSelector(".lesson-complete .done");
      assert.ok(page.url().endsWith("/basics-payloads"));
      assert.deepEqual(errors, []);
      assert.deepEqual(partialRequests, [
        "200 /courses/demo/basics/basics-payloads",
        "200 /courses/demo/basics/basics-stages",
        "200 /courses/demo/basics/basics-payloads",
      ]);
    } finally {
      await suite.close();
    }
  },
});
