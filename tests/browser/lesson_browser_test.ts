/**
 * Lessons in a real browser on the fixture course: trainer Markdown with
 * script payloads renders inert, an inline check answers from the server,
 * and the home page fits a phone and switches language. One server and one
 * browser for the file (each test signs in its own page).
 */
import assert from "node:assert/strict";
import { checkPage, shot, startSuite, switchLanguage } from "./browser.ts";

const suite = await startSuite({
  env: { SA_CONTENT_DIR: "tests/fixtures/content" },
});
const { origin } = suite;

const opts = { sanitizeResources: false, sanitizeOps: false };

Deno.test({
  ...opts,
  name:
    "browser: trainer Markdown with script, iframe, onerror and javascript: payloads renders inert",
  fn: async () => {
    // A laptop-sized page: the payloads lesson holds trainer images with no
    // alt text on purpose (axe rightly reports them), so no axe here; the
    // other lesson pages are checked in this file and in learner_pages.
    const { page } = await suite.page({
      width: 1280,
      height: 720,
      login: "learner@demo.academy",
    });
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(`${origin}/courses/demo/basics/basics-payloads`);
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
    await page.context().close();
  },
});

Deno.test({
  ...opts,
  name:
    "browser: a learner answers an inline check and gets feedback from the server (phone size)",
  fn: async () => {
    const { page, errors } = await suite.page({
      login: "learner@demo.academy",
    });
    await page.goto(`${origin}/courses/demo/basics/basics-stages`);
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
    await checkPage(page, "lesson with an answered check");
    await shot(page, "lesson-phone", true);
    assert.deepEqual(errors, []);
    await page.context().close();
  },
});

Deno.test({
  ...opts,
  name:
    "browser: the home page lists courses, fits a 360 px phone and switches language",
  fn: async () => {
    const { page, errors } = await suite.page();
    await page.goto(origin + "/courses/demo/basics/basics-stages");
    assert.equal(
      new URL(page.url()).pathname,
      "/login",
      "redirected to sign in",
    );
    await page.goto(origin + "/");
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
    await checkPage(page, "home page");
    await shot(page, "home-phone", true);
    assert.equal(
      await page.getByRole("link", { name: "English" }).getAttribute(
        "hreflang",
      ),
      "en",
    );
    await switchLanguage(page, "en");
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
    await checkPage(page, "home page in English");
    assert.deepEqual(errors, []);
    await page.context().close();
  },
});

Deno.test({ ...opts, name: "browser lessons: stop" }, () => suite.close());
