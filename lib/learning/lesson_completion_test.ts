import assert from "node:assert/strict";
import { completeLesson } from "./lesson_completion.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";
import { listLearnerStatements } from "@/lib/evidence/statement_store.ts";

const lesson = {
  courseId: "onboarding",
  version: 2,
  moduleId: "basics",
  lessonId: "basics-stages",
  title: "三个阶段",
  url: "/courses/onboarding/basics/basics-stages",
};
const now = new Date("2026-11-23T09:00:00Z");

Deno.test("completeLesson() records once with one statement, even when clicked twice at once", async () => {
  const kv = await Deno.openKv(":memory:");
  const results = await Promise.all([
    completeLesson(kv, "u1", lesson, now),
    completeLesson(kv, "u1", lesson, now),
  ]);
  assert.deepEqual(results.toSorted(), [false, true]);
  const progress = await getProgress(kv, "u1", "onboarding", now);
  assert.deepEqual(Object.keys(progress.lessons), ["basics-stages"]);
  assert.equal(progress.last?.url, lesson.url);
  const statements = await listLearnerStatements(kv, "u1");
  assert.equal(statements.length, 1);
  assert.equal(statements[0].verb.display["en-US"], "completed");
  kv.close();
});
