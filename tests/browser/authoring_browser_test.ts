/**
 * A trainer edits a lesson in the workspace: the preview updates as they
 * type, the draft saves (cursor and scroll kept), they publish with a change
 * note and a learner then reads the new text. An invalid scenario draft
 * shows its error at its line and cannot be published; the trainer
 * test-plays a scenario and rolls the course back. Every page opened passes
 * axe, at phone width, and the key steps are taken by keyboard.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  assertAccessible,
  checkPage,
  loadsNewPage,
  shot,
  startSuite,
} from "./browser.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const LESSON = "courses/onboarding/01-basics/01-service-value.md";
const LESSON_URL = "/courses/onboarding/basics/basics-service-value";
const SCENARIO = "assessments/scenarios/late-parcel.yaml";
const NEW_TEXT = "培训师在浏览器里补充的一句话：先听完再回答。";

const suite = await startSuite();
const server = suite.server;
// The trainer's page, signed in once and used by every test in turn.
const { page: trainer, errors: trainerErrors } = await suite.page({
  login: "trainer@demo.academy",
});

async function latestVersion(page: Page): Promise<number> {
  await page.goto(`${server.origin}/author/onboarding/versions`);
  const first = await page.locator("table.versions tbody tr td").first()
    .innerText();
  return Number(/v(\d+)/.exec(first)![1]);
}

Deno.test({
  ...opts,
  name:
    "authoring browser: the trainer reaches the workspace by keyboard; the demo's second version is there",
}, async () => {
  const page = trainer;
  await page.focus(".main-nav a[href='/author']");
  await Promise.all([
    page.waitForURL(/\/author$/),
    page.keyboard.press("Enter"),
  ]);
  await checkPage(page, "authoring home");
  await Promise.all([
    page.waitForURL(/\/author\/onboarding$/),
    page.click("a[href='/author/onboarding']"),
  ]);
  assert.match(await page.locator("main").innerText(), /课程结构/);
  await checkPage(page, "workspace");
  await shot(page, "authoring-workspace");
  await page.goto(`${server.origin}/author/onboarding/versions`);
  // The demo trainer's publish, made through the real publish function.
  assert.match(await page.locator("table.versions").innerText(), /三个时限/);
  await checkPage(page, "versions");
});

Deno.test({
  ...opts,
  name:
    "authoring browser: edit a lesson, the preview updates, save keeps the cursor, publish with a note; a learner sees it",
}, async () => {
  const page = trainer;
  const before = await latestVersion(page);
  await page.goto(`${server.origin}/author/onboarding`);
  await Promise.all([
    page.waitForURL(/\/edit\?path=/),
    page.click(
      `a[href='/author/onboarding/edit?path=${encodeURIComponent(LESSON)}']`,
    ),
  ]);
  await checkPage(page, "lesson editor");
  const area = page.locator("#editor-text");
  const text = await area.inputValue();
  const anchor = "## 先问你一个问题\n";
  assert.ok(text.includes(anchor));
  await area.fill(text.replace(anchor, `${anchor}\n${NEW_TEXT}\n`));
  // The preview is the learners' renderer's output, updated as typed.
  await page.locator(".preview-body", { hasText: NEW_TEXT }).waitFor();
  // Cursor and scroll where the trainer left them, across the save.
  const caret = text.indexOf(anchor) + 5;
  await area.evaluate((el: HTMLTextAreaElement, at: number) => {
    el.focus();
    el.setSelectionRange(at, at);
    el.scrollTop = 120;
  }, caret);
  await page.keyboard.press("Control+s");
  await page.locator(".autosave", { hasText: /保存草稿/ }).waitFor();
  const after = await area.evaluate((el: HTMLTextAreaElement) => ({
    start: el.selectionStart,
    scroll: el.scrollTop,
    focused: document.activeElement === el,
  }));
  assert.deepEqual(after, { start: caret, scroll: 120, focused: true });
  await assertAccessible(page, "lesson editor, saved");
  await shot(page, "authoring-lesson-editor");

  await page.goto(`${server.origin}/author/onboarding/publish`);
  assert.match(await page.locator("main").innerText(), /内容检查通过/);
  await checkPage(page, "publish");
  await page.fill("#note", "开篇补充一句提醒：先听完再回答。");
  await Promise.all([
    page.waitForURL(/\/versions\?published=/),
    page.click("form.stack-form button[type=submit]"),
  ]);
  assert.equal(
    new URL(page.url()).searchParams.get("published"),
    String(before + 1),
  );
  assert.match(
    await page.locator("table.versions").innerText(),
    /先听完再回答/,
  );
  await assertAccessible(page, "versions after publish");

  const { page: learner, errors: learnerErrors } = await suite.page({
    login: "learner@demo.academy",
  });
  await learner.goto(`${server.origin}${LESSON_URL}`);
  assert.match(await learner.locator("main").innerText(), /先听完再回答/);
  await assertAccessible(learner, "learner lesson, new version");
  assert.deepEqual(learnerErrors, []);
  await learner.context().close();
});

Deno.test({
  ...opts,
  name:
    "authoring browser: a scenario's graph and test-play; an invalid draft shows the error at its line and is not published",
}, async () => {
  const page = trainer;
  const before = await latestVersion(page);
  await page.goto(
    `${server.origin}/author/onboarding/edit?path=${
      encodeURIComponent(SCENARIO)
    }`,
  );
  // The graph, from the engine's walk and model path.
  assert.ok(await page.locator(".graph-wrap svg .gnode.best").count() > 2);
  await checkPage(page, "scenario editor");
  await shot(page, "authoring-scenario-editor", true);

  // Test-play from the start node with a low mood.
  await page.selectOption("select[name=node]", "open");
  await page.fill("input[name=mood]", "12");
  await Promise.all([
    page.waitForURL(/\/play\?/),
    page.click("#play-heading ~ form button[type=submit]"),
  ]);
  assert.match(await page.locator("main").innerText(), /顾客当前情绪值：12/);
  await checkPage(page, "test-play");
  await loadsNewPage(
    page,
    () => page.locator(".chat-choices button").first().click(),
  );
  assert.equal(await page.locator(".play-log li").count(), 1);
  await assertAccessible(page, "test-play, one move");

  await page.goto(
    `${server.origin}/author/onboarding/edit?path=${
      encodeURIComponent(SCENARIO)
    }`,
  );
  const area = page.locator("#editor-text");
  const text = await area.inputValue();
  const lines = text.split("\n");
  const bad = lines.findIndex((l) => l.trim() === "next: vent");
  lines[bad] = lines[bad].replace("next: vent", "next: nowhere-node");
  await area.fill(lines.join("\n"));
  const problem = page.locator(".problem-lines li", { hasText: "nowhere-node" })
    .first();
  await problem.waitFor();
  assert.match(await problem.innerText(), new RegExp(`第 ${bad + 1} 行`));
  // The line is marked in the gutter, and the problem button goes there.
  assert.equal(
    await page.locator(".editor-gutter .bad-line", { hasText: String(bad + 1) })
      .count() > 0,
    true,
  );
  await problem.locator("button").focus();
  await page.keyboard.press("Enter");
  const selected = await area.evaluate((el: HTMLTextAreaElement) =>
    el.value.slice(el.selectionStart, el.selectionEnd)
  );
  assert.match(selected, /nowhere-node/);
  await assertAccessible(page, "scenario editor with a problem");
  await page.focus(".editor-actions button[type=submit]");
  await page.keyboard.press("Enter");
  await page.locator(".autosave", { hasText: /保存草稿/ }).waitFor();

  await page.goto(`${server.origin}/author/onboarding/publish`);
  assert.match(await page.locator(".problems").innerText(), /nowhere-node/);
  await page.fill("#note", "这个草稿有错，不应发布");
  await page.click("form.stack-form button[type=submit]");
  await page.locator("[role=alert]", { hasText: "没有发布" }).waitFor();
  assert.match(
    await page.locator(".problems").innerText(),
    new RegExp(`late-parcel\\.yaml:${bad + 1}:`),
  );
  await assertAccessible(page, "publish refused");
  assert.equal(await latestVersion(page), before);
});

Deno.test({
  ...opts,
  name:
    "authoring browser: a new lesson is a draft in the tree; deleting it asks first",
}, async () => {
  const page = trainer;
  await page.goto(`${server.origin}/author/onboarding`);
  const create = page.locator("article.tree-module details.create").first();
  await create.locator("summary").click();
  await create.locator("input[name=title]").fill("开场白练习");
  await create.locator("input[name=slug]").fill("opening-lines");
  await Promise.all([
    page.waitForURL(/\?done=create-lesson/),
    create.locator("button[type=submit]").click(),
  ]);
  const row = page.locator("li.tree-file", { hasText: "开场白练习" });
  assert.match(await row.innerText(), /草稿/);
  await checkPage(page, "workspace with a new lesson");
  await Promise.all([
    page.waitForURL(/\/delete\?path=/),
    row.locator("a.danger-link").click(),
  ]);
  assert.match(await page.locator("main").innerText(), /opening-lines\.md/);
  await checkPage(page, "delete confirm");
  await page.focus("form button.danger");
  await Promise.all([
    page.waitForURL(/\?done=delete/),
    page.keyboard.press("Enter"),
  ]);
  assert.equal(
    await page.locator("li.tree-file", { hasText: "开场白练习" }).count(),
    0,
  );
});

Deno.test({
  ...opts,
  name:
    "authoring browser: the trainer rolls back; the learner reads the earlier text",
}, async () => {
  const page = trainer;
  const latest = await latestVersion(page);
  const target = latest - 1;
  await Promise.all([
    page.waitForURL(/\/rollback\?version=/),
    page.click(`a[href='/author/onboarding/rollback?version=${target}']`),
  ]);
  await checkPage(page, "rollback confirm");
  await Promise.all([
    page.waitForURL(/\/versions\?rolled_back=/),
    page.click("form.stack-form button.danger"),
  ]);
  assert.equal(
    new URL(page.url()).searchParams.get("rolled_back"),
    String(latest + 1),
  );
  assert.match(
    await page.locator("table.versions tbody tr").first().innerText(),
    new RegExp(`回滚（恢复 v${target}）`),
  );
  await assertAccessible(page, "versions after rollback");
  // The diff between the two versions shows the removed sentence.
  await page.goto(
    `${server.origin}/author/onboarding/versions?from=${latest}&to=${
      latest + 1
    }`,
  );
  assert.match(
    await page.locator(".diff-removed").first().innerText(),
    /先听完再回答/,
  );
  await checkPage(page, "version diff");

  const { page: learner } = await suite.page({
    login: "learner@demo.academy",
  });
  await learner.goto(`${server.origin}${LESSON_URL}`);
  assert.doesNotMatch(
    await learner.locator("main").innerText(),
    /先听完再回答/,
  );
  await checkPage(learner, "learner lesson, rolled back");
  await learner.context().close();
  // The refused publish answers 422, which the browser logs as a failed load.
  assert.deepEqual(
    trainerErrors.filter((e) => !/status of 422/.test(e)),
    [],
    trainerErrors.join("\n"),
  );
  assert.equal(trainerErrors.length, 1, trainerErrors.join("\n"));
});

Deno.test({ ...opts, name: "authoring browser: stop" }, async () => {
  await trainer.context().close();
  await suite.close();
});
