import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { importContent } from "@/lib/authoring/course_import.ts";
import { forgetCourseHeads } from "@/lib/content/course_view.ts";
import { startOrResume, submitAttempt } from "./attempt_store.ts";
import { quizIntro } from "./quiz_intro.ts";
import { attemptQuestions, findModuleQuiz } from "./quiz_page.ts";

const FIXTURE = fileURLToPath(
  new URL("../../tests/fixtures/content", import.meta.url),
);
const NOW = new Date("2026-11-23T09:00:00Z");
const MINUTE = 60_000;

Deno.test("quizIntro() blocks a retry past the attempt limit and lists the lessons behind the wrong answers", async () => {
  const kv = await Deno.openKv(":memory:");
  forgetCourseHeads();
  await importContent(kv, NOW, FIXTURE);
  const found = (await findModuleQuiz(kv, "demo", "basics"))!;
  assert.equal(found.quiz.maxAttempts, 3);
  for (let n = 0; n < 3; n++) {
    const at = new Date(NOW.getTime() + n * 30 * MINUTE);
    const { attempt } = await startOrResume(kv, {
      learnerId: "u1",
      courseId: "demo",
      version: found.version,
      moduleId: "basics",
      quiz: found.quiz,
      questions: found.questions,
    }, at);
    // Nothing answered: every question is wrong.
    await submitAttempt(kv, {
      learnerId: "u1",
      attemptId: attempt.id,
      idempotencyKey: `k-${attempt.id}`,
      answers: {},
      questions: attemptQuestions(found, attempt),
      rubrics: found.rubrics,
      moduleTitle: found.moduleTitle,
    }, new Date(at.getTime() + MINUTE));
    const intro = await quizIntro(
      kv,
      found,
      "u1",
      new Date(at.getTime() + 2 * MINUTE),
    );
    assert.equal(intro.blocked?.reason ?? null, n === 2 ? "limit" : null);
    assert.ok(intro.review.length >= 1, "lessons to review");
    assert.ok(
      intro.review.every((l) => l.url.startsWith("/courses/demo/basics/")),
      JSON.stringify(intro.review),
    );
  }
  // Another learner has nothing to review.
  assert.deepEqual((await quizIntro(kv, found, "u2", NOW)).review, []);
  kv.close();
});
