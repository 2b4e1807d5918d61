/**
 * What a new hire meets on a phone (issue 24): every lesson, module, quiz,
 * scenario and drill page of the bundled course, opened as a learner at 360,
 * 390 and 1280 px, is no wider than its viewport, shows no Markdown markup as
 * text, logs no console error and passes axe. Then the quiz's safety net: a
 * submission with unanswered questions asks first, and the result states the
 * attempts left.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  assertAccessible,
  assertFits,
  hydrated,
  type PageOptions,
  shot,
  startSuite,
  type TestPage,
} from "./browser.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const WIDTHS = [360, 390, 1280];

// One browser; a server on the bundled course and one on the fixture course.
const suite = await startSuite();
const fixture = await suite.serve({
  env: { SA_CONTENT_DIR: "tests/fixtures/content" },
});

/** A learner's page at `width` (a phone below 800 px), signed in. */
function learnerAt(
  width: number,
  login = "learner@demo.academy",
  on: { page(o?: PageOptions): Promise<TestPage> } = suite,
): Promise<TestPage> {
  return on.page({
    width,
    height: width < 800 ? 844 : 800,
    deviceScaleFactor: 1,
    login,
  });
}

/** Text a reader sees that still holds `**`, a `__` pair or a backtick (outside code). */
function leftoverMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_TEXT,
    );
    const found: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest("code, pre, script, style, textarea")) {
        continue;
      }
      const text = n.textContent ?? "";
      // Exactly two: a masked number (138****5678) is text, not markup.
      if (/(?<!\*)\*\*(?!\*)|(?<!_)__(?!_)|`/.test(text)) {
        found.push(text.trim());
      }
    }
    return found;
  });
}

/** The checks every learner page must pass at every width. */
async function assertPageFits(
  page: Page,
  errors: string[],
  url: string,
  width: number,
) {
  const what = `${url} at ${width} px`;
  const res = await page.goto(url);
  assert.equal(res?.status(), 200, `${what}: status`);
  await hydrated(page);
  await assertFits(page, what);
  assert.deepEqual(await leftoverMarkup(page), [], `${what}: markup as text`);
  // axe once per layout: 360 and 390 px share the phone layout and colours.
  if (width !== 360) await assertAccessible(page, what);
  assert.deepEqual(errors.splice(0), [], `${what}: console errors`);
}

/** Lesson, module and quiz URLs of the course, read from the course page. */
async function coursePages(page: Page, origin: string): Promise<string[]> {
  await page.goto(`${origin}/courses/onboarding`);
  const hrefs = await page.locator("main a").evaluateAll((as) =>
    as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? "")
  );
  return [
    ...new Set(hrefs.filter((h) => h.startsWith("/courses/onboarding/"))),
  ];
}

async function practicePages(page: Page, origin: string): Promise<string[]> {
  const urls: string[] = [];
  for (const list of ["scenarios", "drills"]) {
    await page.goto(`${origin}/courses/onboarding/${list}`);
    urls.push(`/courses/onboarding/${list}`);
    const hrefs = await page.locator("main a").evaluateAll((as) =>
      as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? "")
    );
    urls.push(
      ...hrefs.filter((h) => h.startsWith(`/courses/onboarding/${list}/`)),
    );
  }
  return [...new Set(urls)];
}

Deno.test({
  ...opts,
  name:
    "browser: every lesson, module, quiz, scenario and drill page fits 360, 390 and 1280 px, shows no Markdown markup, logs no error and passes axe",
  fn: async () => {
    const server = suite;
    const { page, errors } = await learnerAt(390);
    const pages = [
      "/",
      `/courses/onboarding`,
      ...await coursePages(page, server.origin),
      ...await practicePages(page, server.origin),
    ];
    const counts = (re: RegExp) => pages.filter((p) => re.test(p)).length;
    assert.equal(
      counts(/^\/courses\/onboarding\/[a-z-]+\/[a-z-]+$/) >= 25,
      true,
    );
    assert.equal(
      counts(/^\/courses\/onboarding\/(basics|core-skills|practice)$/),
      3,
    );
    assert.equal(counts(/\/quiz$/), 3);
    assert.ok(counts(/\/scenarios\/[a-z-]+$/) >= 12, "every scenario");
    assert.ok(counts(/\/drills\/[a-z-]+$/) >= 7, "every drill");

    // A started quiz attempt, scenario run and drill run are pages too.
    await page.goto(`${server.origin}/courses/onboarding/practice/quiz`);
    const start = page.locator("main form button[type=submit]");
    if (await start.count()) {
      await Promise.all([page.waitForURL(/\/quiz\/\w+$/), start.click()]);
      pages.push(new URL(page.url()).pathname);
    }
    for (
      const path of ["scenarios/late-parcel", "drills/drill-presale-greeting"]
    ) {
      await page.goto(`${server.origin}/courses/onboarding/${path}`);
      await Promise.all([
        page.waitForURL(/\/runs\/\w+$/),
        page.locator("main form button[type=submit]").first().click(),
      ]);
      pages.push(new URL(page.url()).pathname);
    }
    assert.deepEqual(errors.splice(0), [], "console errors while collecting");
    await page.context().close();

    // The three widths side by side: one browser, one context each.
    await Promise.all(WIDTHS.map(async (width) => {
      const { page, errors } = await learnerAt(width);
      for (const path of pages) {
        await assertPageFits(page, errors, server.origin + path, width);
      }
      await page.context().close();
    }));
  },
});

Deno.test({
  ...opts,
  name:
    "browser: a lesson's wide table scrolls in its own box and bold next to Chinese renders (390 px)",
  fn: async () => {
    const server = suite;
    const { page, errors } = await learnerAt(390);
    // The home card says how far the learner is and leads to the next lesson.
    await page.goto(`${server.origin}/`);
    const card = page.locator(".course-card a.button", {
      hasText: /^继续学习 · \d+\/\d+$/,
    });
    assert.equal(await card.count(), 1, "继续学习 · n/N on the course card");
    const [, done, total] = /(\d+)\/(\d+)/.exec(
      await card.textContent() ?? "",
    )!.map(Number);
    assert.ok(done > 0 && done < total, `${done}/${total}`);
    assert.match(
      await card.getAttribute("href") ?? "",
      /^\/courses\/onboarding\/[a-z-]+\/[a-z0-9-]+$/,
    );
    await page.goto(
      `${server.origin}/courses/onboarding/basics/basics-service-value`,
    );
    await hydrated(page);
    assert.ok(
      await page.locator(".lesson-body strong", { hasText: "85%" }).count() >=
        1,
      "**85%**的 renders as bold",
    );
    await page.goto(
      `${server.origin}/courses/onboarding/basics/basics-service-stages`,
    );
    await hydrated(page);
    const wrap = page.locator(".table-wrap").first();
    const box = await wrap.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      tabindex: el.getAttribute("tabindex"),
    }));
    assert.ok(box.client <= 390, `table box ${box.client} px`);
    assert.equal(box.tabindex, "0", "a keyboard user can scroll the table");
    // The breadcrumb leads to the module page.
    await Promise.all([
      page.waitForURL(/\/courses\/onboarding\/basics$/),
      page.locator(".breadcrumbs a", { hasText: "客服基础认知" }).click(),
    ]);
    assert.match(
      await page.locator("main h1").textContent() ?? "",
      /客服基础认知/,
    );
    assert.ok(
      await page.locator(".lesson-ticks li.done").count() >= 1,
      "finished lessons are ticked",
    );
    await page.goto(
      `${server.origin}/courses/onboarding/basics/basics-service-stages`,
    );
    await wrap.scrollIntoViewIfNeeded();
    await shot(page, "lesson-table-390");
    await shot(page, "lesson-table-390-full", true);
    assert.deepEqual(errors, []);
    await page.context().close();
  },
});

Deno.test({
  ...opts,
  name:
    "browser: 交卷 with unanswered questions asks first and names them; the result states attempts left and when the next opens",
  fn: async () => {
    const server = fixture;
    const { page, errors } = await learnerAt(
      390,
      "learner4@demo.academy",
      server,
    );
    await page.goto(`${server.origin}/courses/demo/basics/quiz`);
    await Promise.all([
      page.waitForURL(/\/quiz\/[0-9A-Z]+$/),
      page.getByRole("button", { name: "开始测验" }).click(),
    ]);
    await hydrated(page);
    const attemptUrl = page.url();
    // Time counts down from the server's deadline (15 minutes).
    const first = await page.locator(".countdown").textContent();
    assert.match(first ?? "", /^1[45]:\d\d$/);
    assert.equal(
      await page.locator(".answered-count").textContent(),
      "已答 0/4",
    );
    assert.equal(await page.locator(".quiz-nav a").count(), 4);
    // Answer the first question only.
    const firstQuestion = page.locator("fieldset.quiz-question").first();
    const radio = firstQuestion.locator("input[type=radio]").first();
    if (await radio.count()) await radio.check();
    else {
      for (
        const [i, s] of (await firstQuestion.locator("select").all())
          .entries()
      ) {
        const values = await s.locator("option").evaluateAll((os) =>
          os.map((o) => (o as HTMLOptionElement).value)
        );
        await s.selectOption(
          values.includes(String(i + 1)) ? String(i + 1) : values[1],
        );
      }
      const box = firstQuestion.locator("input[type=checkbox]").first();
      if (await box.count()) await box.check();
      const text = firstQuestion.locator("input[type=text], textarea");
      if (await text.count()) await text.fill("致歉");
    }
    await page.waitForFunction(() =>
      document.querySelector(".answered-count")?.textContent === "已答 1/4"
    );
    assert.equal(await page.locator(".quiz-nav a.answered").count(), 1);
    await page.waitForSelector('.autosave[data-status="saved"]');
    await shot(page, "quiz-attempt-390");

    // 交卷 asks first, naming the three unanswered questions, and submits nothing.
    await page.locator("form.quiz-form button[type=submit]").click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    assert.match(
      await dialog.textContent() ?? "",
      /第 2 题、第 3 题、第 4 题/,
    );
    await assertAccessible(page, "the confirmation");
    await shot(page, "quiz-confirm-390");
    await dialog.getByRole("button", { name: "回去作答" }).click();
    assert.equal(page.url(), attemptUrl);
    assert.equal(await page.locator("text=测验结果").count(), 0);
    // Still open on the server: reload shows the form, not a result.
    await page.reload();
    await hydrated(page);
    assert.equal(await page.locator("form.quiz-form").count(), 1);

    await page.locator("form.quiz-form button[type=submit]").click();
    await Promise.all([
      page.waitForSelector("text=测验结果"),
      page.getByRole("dialog").getByRole("button", { name: "仍然交卷" })
        .click(),
    ]);
    const result = await page.locator("main").textContent() ?? "";
    assert.match(result, /还剩 2 次机会。/);
    assert.match(result, /现在就可以再做一次。/);
    await assertAccessible(page, "the quiz result");
    await shot(page, "quiz-result-390", true);
    assert.deepEqual(errors, []);
    await page.context().close();
  },
});

Deno.test({
  ...opts,
  name: "browser: a drill round ends on its result at 390 px (screenshot)",
  fn: async () => {
    const server = suite;
    const { page, errors } = await learnerAt(
      390,
      "learner5@demo.academy",
      server,
    );
    await page.goto(
      `${server.origin}/courses/onboarding/drills/drill-presale-greeting`,
    );
    await Promise.all([
      page.waitForURL(/\/runs\/\w+$/),
      page.locator("main form button[type=submit]").first().click(),
    ]);
    await hydrated(page);
    const replies = [
      "您好，在的！很高兴为您服务，请问有什么可以帮您？",
      "您好！L 码目前有货，请问您平时穿什么尺码？",
    ];
    for (let i = 0; i < 20; i++) {
      const box = page.locator("form.drill-item textarea");
      if (!(await box.count())) break;
      await box.fill(replies[i % replies.length]);
      await page.locator("form.drill-item button[type=submit]").click();
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll(".drill-result").length >= n ||
          !!document.querySelector(".drill-done"),
        i + 1,
      );
    }
    await page.waitForSelector(".drill-done");
    await assertFits(page, "drill result");
    await shot(page, "drill-result-390", true);
    assert.deepEqual(errors, []);
    await page.context().close();
  },
});

Deno.test({
  ...opts,
  name:
    "browser: an inline check gives a hint after a wrong answer, the explanation on 查看解析 or the second try, and keeps its state over a reload",
  fn: async () => {
    const server = fixture;
    const { page, errors } = await learnerAt(
      390,
      "learner6@demo.academy",
      server,
    );
    await page.goto(`${server.origin}/courses/demo/basics/basics-stages`);
    await hydrated(page);
    const check = page.locator("form.check").first();
    // Options carry labels in the order shown.
    assert.deepEqual(
      await check.locator(".option-label").allTextContents(),
      ["A", "B", "C"],
    );
    await check.getByLabel("售中").check();
    await check.locator("button[type=submit]").click();
    await check.locator(".feedback .hint").waitFor();
    assert.equal(
      await check.locator(".feedback .explanation").count(),
      0,
      "no explanation after one wrong try",
    );
    assert.match(
      await check.locator(".feedback .hint").textContent() ?? "",
      /提示：这个选项不是最合适的/,
    );
    await shot(page, "check-hint-390");
    // The state survives a reload: the answer, the verdict and the hint.
    await page.reload();
    await hydrated(page);
    await check.locator(".feedback .hint").waitFor();
    assert.equal(await check.getByLabel("售中").isChecked(), true);
    // 查看解析 shows the explanation without another try.
    await check.getByRole("button", { name: "查看解析" }).click();
    await check.locator(".feedback .explanation").waitFor();
    assert.match(
      await check.locator(".feedback .explanation").textContent() ?? "",
      /购买决定之前/,
    );
    await page.reload();
    await hydrated(page);
    await check.locator(".feedback .explanation").waitFor();
    await assertAccessible(page, "the lesson with a revealed check");

    // A second wrong try also brings the explanation (fresh browser state).
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await hydrated(page);
    await check.getByLabel("售后").check();
    await check.locator("button[type=submit]").click();
    await check.locator(".feedback .hint").waitFor();
    await check.getByLabel("售中").check();
    await check.locator("button[type=submit]").click();
    await check.locator(".feedback .explanation").waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  },
});

Deno.test(
  { ...opts, name: "browser learner pages: stop" },
  () => suite.close(),
);
