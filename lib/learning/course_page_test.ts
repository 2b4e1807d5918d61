import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { importContent } from "@/lib/authoring/course_import.ts";
import { forgetCourseHeads } from "@/lib/content/course_view.ts";
import { coursePage } from "./course_page.ts";
import { completeLesson } from "./lesson_completion.ts";

const FIXTURE = fileURLToPath(
  new URL("../../tests/fixtures/content", import.meta.url),
);
const NOW = new Date("2026-11-23T09:00:00Z");

Deno.test("coursePage() ticks the learner's lessons, resumes at the first open one and lists the module's quiz and practice", async () => {
  const kv = await Deno.openKv(":memory:");
  forgetCourseHeads();
  await importContent(kv, NOW, FIXTURE);
  const before = await coursePage(kv, "demo", "u1", NOW);
  assert.ok(before);
  assert.equal(before.done, 0);
  const [m] = before.modules;
  assert.equal(m.url, "/courses/demo/basics");
  assert.equal(m.quiz?.url, "/courses/demo/basics/quiz");
  assert.equal(m.quiz?.best, null);
  assert.deepEqual(m.scenarios.map((s) => s.url), [
    "/courses/demo/scenarios/late-parcel",
  ]);
  assert.deepEqual(m.drills.map((d) => d.url), [
    "/courses/demo/drills/drill-greeting",
  ]);
  assert.equal(before.resume?.url, m.lessons[0].url);

  const first = m.lessons[0];
  await completeLesson(kv, "u1", {
    courseId: "demo",
    version: before.version,
    moduleId: m.id,
    lessonId: first.id,
    title: first.title,
    url: first.url,
  }, NOW);
  const after = (await coursePage(kv, "demo", "u1", NOW))!;
  assert.deepEqual(after.modules[0].lessons.map((l) => l.done), [true, false]);
  assert.equal(after.done, 1);
  assert.equal(after.total, 2);
  assert.equal(
    after.resume?.url,
    m.lessons[1].url,
    "resumes at the next lesson",
  );
  // Another learner and a trainer (no learner) see no ticks.
  assert.equal((await coursePage(kv, "demo", "u2", NOW))!.done, 0);
  assert.equal((await coursePage(kv, "demo", null, NOW))!.done, 0);
  assert.equal(await coursePage(kv, "nope", "u1", NOW), null);
  kv.close();
});
