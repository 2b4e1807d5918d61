import assert from "node:assert/strict";
import {
  collectPageErrors,
  launchBrowser,
  phonePage,
  SCREENSHOTS,
  signInPage,
} from "./browser.ts";
import { startServer, type TestServer } from "../server.ts";
import type { Browser } from "playwright-core";

const FIXTURE = "tests/fixtures/content";

async function withApp(
  fn: (server: TestServer, browser: Browser) => Promise<void>,
) {
  const server = await startServer({ env: { SA_CONTENT_DIR: FIXTURE } });
  const browser = await launchBrowser();
  try {
    await fn(server, browser);
  } finally {
    await browser.close();
    await server.stop();
  }
}

const opts = { sanitizeResources: false, sanitizeOps: false };

Deno.test({
  ...opts,
  name:
    "browser: trainer Markdown with script, iframe, onerror and javascript: payloads renders inert",
  fn: () =>
    withApp(async (server, browser) => {
      const page = await browser.newPage();
      await signInPage(page, server.origin, "learner@demo.academy");
      const dialogs: string[] = [];
      page.on("dialog", async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      await page.goto(`${server.origin}/courses/demo/basics/basics-payloads`);
      await page.waitForSelector("frsh-island[data-hydrated='true']");
      // Click everything a learner could click in the lesson body.
      for (
        const link of await page.locator(
          ".lesson-part a, .lesson-part button, .lesson-part div",
        ).all()
      ) {
        await link.click({ timeout: 1000, noWaitAfter: true }).catch(() => {});
      }
      await page.waitForTimeout(300);
      assert.deepEqual(dialogs, [], "no dialog opened");
      // Only the trainer's HTML: the inline check island is a real form.
      const trainerHtml = page.locator(".lesson-part");
      assert.equal(
        await trainerHtml.locator(
          "script, iframe, style, form, button, svg, object, embed",
        ).count(),
        0,
      );
      const dangerous = await page.evaluate(() =>
        [...document.querySelectorAll(".lesson-part *")].flatMap((el) =>
          [...el.attributes]
            .filter((a) =>
              a.name.startsWith("on") || a.name === "style" ||
              /^\s*(javascript|data|vbscript):/i.test(a.value)
            )
            .map((a) => `${el.tagName}.${a.name}`)
        )
      );
      assert.deepEqual(dangerous, []);
      assert.match(
        await page.textContent(".lesson-body") ?? "",
        /样式注入/,
        "text content is kept",
      );
    }),
});

Deno.test({
  ...opts,
  name:
    "browser: a learner answers an inline check and gets feedback from the server (phone size)",
  fn: () =>
    withApp(async (server, browser) => {
      const page = await phonePage(browser);
      const errors = collectPageErrors(page);
      await signInPage(page, server.origin, "learner@demo.academy");
      await page.goto(`${server.origin}/courses/demo/basics/basics-stages`);
      await page.waitForSelector("frsh-island[data-hydrated='true']");
      const check = page.locator("form.check").first();
      await check.getByLabel("售中").check();
      await check.locator("button[type=submit]").click();
      await page.waitForSelector(".feedback.wrong");
      await check.getByLabel("售前").check();
      await check.locator("button[type=submit]").click();
      await page.waitForSelector(".feedback.correct");
      assert.match(
        await check.locator(".feedback").textContent() ?? "",
        /购买决定之前/,
      );
      const overflow = await page.evaluate(() =>
        document.documentElement.scrollWidth - globalThis.innerWidth
      );
      assert.ok(
        overflow <= 0,
        `no horizontal scroll on a phone (overflow ${overflow}px)`,
      );
      await page.screenshot({
        path: new URL("lesson-phone.png", SCREENSHOTS).pathname,
        fullPage: true,
      });
      assert.deepEqual(errors, []);
    }),
});

Deno.test({
  ...opts,
  name:
    "browser: the home page lists courses, fits a 360 px phone and switches language",
  fn: () =>
    withApp(async (server, browser) => {
      const page = await phonePage(browser);
      const errors = collectPageErrors(page);
      await page.goto(server.origin + "/courses/demo/basics/basics-stages");
      assert.equal(
        new URL(page.url()).pathname,
        "/login",
        "redirected to sign in",
      );
      await page.goto(server.origin + "/");
      assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
      assert.equal(
        await page.locator("main h1").textContent(),
        "欢迎来到客服学院",
      );
      assert.equal(await page.locator(".course-card").count(), 1);
      assert.equal(
        await page.locator("script").count(),
        0,
        "the home page ships no JavaScript",
      );
      const overflow = await page.evaluate(() =>
        document.documentElement.scrollWidth - globalThis.innerWidth
      );
      assert.ok(overflow <= 0, `no horizontal scroll (overflow ${overflow}px)`);
      await Deno.mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({
        path: new URL("home-phone.png", SCREENSHOTS).pathname,
        fullPage: true,
      });
      // The switch redirects back to "/", where the page already is: wait
      // for the new document's language, not the address.
      await page.getByRole("link", { name: "English" }).click();
      await page.locator('html[lang="en"]').waitFor({ state: "attached" });
      await page.waitForLoadState("load");
      assert.equal(new URL(page.url()).pathname, "/");
      assert.equal(
        await page.locator("main h1").textContent(),
        "Welcome to Service Academy",
      );
      // Keyboard: the skip link is the first stop and moves focus to main.
      await page.keyboard.press("Tab");
      assert.equal(
        await page.evaluate(() => document.activeElement?.className),
        "skip-link",
      );
      assert.deepEqual(errors, []);
    }),
});
