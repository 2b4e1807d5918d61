import assert from "node:assert/strict";
import { importContent } from "@/lib/authoring/course_import.ts";
import { VALID_CONTENT as CONTENT } from "@/lib/authoring/testing.ts";
import {
  makeUser,
  minutesLater,
  NOW,
} from "@/lib/identity/accounts/testing.ts";
import { gradeAttempt } from "@/lib/quiz/attempt.ts";
import { keyAnswer } from "@/lib/quiz/key_answer.ts";
import { attemptQuestions } from "@/lib/quiz/quiz_page.ts";
import type { Answer } from "@/lib/quiz/score.ts";
import {
  findAssessment,
  scorePreview,
  startPreview,
} from "./assessment_preview.ts";
import { getPreview, listPreviews } from "./preview_store.ts";

/** Every top-level key prefix in the store, with how many keys each has. */
async function prefixes(kv: Deno.Kv): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for await (const e of kv.list({ prefix: [] })) {
    const p = String(e.key[0]);
    out.set(p, (out.get(p) ?? 0) + 1);
  }
  return out;
}

/** How many questions an assessment's draw rules ask for. */
const drawCount = (a: { quiz: { draw: { count: number }[] } }) =>
  a.quiz.draw.reduce((n, r) => n + r.count, 0);

/** A wrong answer of the same type: another option, order or text. */
function wrong(a: Answer): Answer {
  switch (a.type) {
    case "single":
      return { type: "single", choice: a.choice === "a" ? "c" : "a" };
    case "multiple":
      return { type: "multiple", choices: ["c"] };
    case "truefalse":
      return { type: "truefalse", value: !a.value };
    case "ordering":
      return { type: "ordering", order: [...a.order].reverse() };
    case "matching":
      return {
        type: "matching",
        pairs: Object.fromEntries(
          Object.keys(a.pairs).map((k) => [k, "mid"]),
        ),
      };
    case "fillin":
      return { type: "fillin", text: "不知道" };
    case "written":
      // A reply that breaks the rubric: cold, no apology, no plan.
      return { type: "written", text: "不知道，自己去查。" };
  }
}

Deno.test("a trainer's quiz preview is drawn and scored as a learner's, and leaves no evidence", async () => {
  using kv = await Deno.openKv(":memory:");
  assert.deepEqual((await importContent(kv, NOW, CONTENT)).heldBack, []);
  const trainer = await makeUser(kv, "trainer", "t@x.cn");
  const found = await findAssessment(kv, "quiz", "demo", "basics");
  assert.ok(found);
  const before = await prefixes(kv);

  const preview = await startPreview(
    kv,
    trainer.id,
    "quiz",
    "basics",
    found,
    NOW,
  );
  // Drawn by the learner's rules: as many questions as the draw asks for.
  assert.equal(preview.attempt.questionIds.length, drawCount(found));
  const questions = attemptQuestions(found, preview.attempt);
  const keys = Object.fromEntries(
    questions.map((q) => [q.id, keyAnswer(q)]),
  );
  const right = await scorePreview(kv, trainer.id, preview.id, keys, NOW);
  assert.equal(right.preview.attempt.result?.percent, 100);
  assert.equal(right.preview.attempt.result?.passed, true);
  // The same grading function a learner's submission goes through.
  assert.deepEqual(
    right.preview.attempt.result,
    gradeAttempt(questions, keys, found.rubrics, found.quiz.passPercent, false),
  );

  // Wrong answers score as wrong: every question answered with another option.
  const wrongs = Object.fromEntries(
    Object.entries(keys).map(([id, a]) => [id, wrong(a)]),
  );
  const second = await startPreview(
    kv,
    trainer.id,
    "quiz",
    "basics",
    found,
    minutesLater(1),
  );
  const secondQs = attemptQuestions(found, second.attempt);
  const secondWrong = Object.fromEntries(
    secondQs.map((q) => [q.id, wrong(keyAnswer(q))]),
  );
  const bad = await scorePreview(
    kv,
    trainer.id,
    second.id,
    secondWrong,
    minutesLater(2),
  );
  assert.equal(bad.preview.attempt.result?.passed, false);
  assert.ok((bad.preview.attempt.result?.percent ?? 100) < 50);
  assert.ok(Object.keys(wrongs).length > 0);

  // No evidence: only preview records were added; no attempt, statement,
  // progress or rollup key exists for anyone.
  const after = await prefixes(kv);
  const added = [...after].filter(([p, n]) => (before.get(p) ?? 0) !== n);
  assert.deepEqual(added, [["previews", 2]]);
  assert.equal((await listPreviews(kv, trainer.id)).length, 2);
  // Someone else's preview is not found.
  const other = await makeUser(kv, "trainer", "o@x.cn");
  await assert.rejects(() => getPreview(kv, other.id, preview.id));
});

Deno.test("an exam previews through the same path, drawn from its blueprint; unknown ones are not found", async () => {
  using kv = await Deno.openKv(":memory:");
  await importContent(kv, NOW, CONTENT);
  const exam = await findAssessment(kv, "exam", "demo", "certification");
  assert.ok(exam);
  assert.equal(exam.moduleId, "certification");
  const trainer = await makeUser(kv, "trainer", "t@x.cn");
  const p = await startPreview(
    kv,
    trainer.id,
    "exam",
    "certification",
    exam,
    NOW,
  );
  assert.equal(p.attempt.questionIds.length, drawCount(exam));
  assert.equal(await findAssessment(kv, "exam", "demo", "no-such-exam"), null);
  assert.equal(
    await findAssessment(kv, "quiz", "demo", "no-such-module"),
    null,
  );
});
