/**
 * Confidence ratings through the real quiz engine: read from the form,
 * stored with the answers, written into "answered" statements in the
 * submission's commit, counted by the evaluator's rollups, and never part of
 * the score. Wrong cases: a bad rating is refused and stores nothing;
 * confident and wrong is over-confident, unsure and right under-confident,
 * too few rated answers shows nothing.
 */
import assert from "node:assert/strict";
import { singleChoiceQuestions } from "./testing.ts";
import { EVAL_EXT } from "@/lib/evidence/eval_extensions.ts";
import { listLearnerStatements } from "@/lib/evidence/statement_store.ts";
import { cohortSummary, learnerEvaluation } from "@/lib/evaluation/summary.ts";
import { rebuildRollups } from "@/lib/evaluation/rebuild.ts";
import { ROLLUP_ROOT } from "@/lib/evidence/rollup.ts";
import {
  addMembership,
  createCohort,
} from "@/lib/identity/teams/cohort_store.ts";
import { createTeam } from "@/lib/identity/teams/team_store.ts";
import { nameUuid } from "@/lib/evidence/statement.ts";
import {
  ATTEMPT_EXT,
  getAttempt,
  type QuizSpec,
  saveAnswers,
  startOrResume,
  submitAttempt,
} from "./attempt_store.ts";
import {
  CONFIDENCE_VALUE,
  confidenceFromForm,
  ConfidenceInputError,
  type ConfidenceLevel,
} from "./confidence.ts";

const questions = singleChoiceQuestions(
  Array.from({ length: 10 }, (_, i) => i),
);

const NOW = new Date("2026-11-05T02:00:00Z");

const spec = (learnerId: string, count = 10): QuizSpec => ({
  learnerId,
  courseId: "onboarding",
  version: 1,
  moduleId: "basics",
  quiz: {
    bank: "basics",
    passPercent: 60,
    draw: [{ count }],
    confidence: true,
  },
  questions: questions.slice(0, count),
});

/**
 * Takes the quiz: `right` questions answered correctly (the others with the
 * first, wrong option), each rated `ratings[i]` (undefined: not rated).
 */
async function take(
  kv: Deno.Kv,
  learnerId: string,
  right: number,
  ratings: (ConfidenceLevel | undefined)[],
  confidence = true,
) {
  const s = spec(learnerId, ratings.length);
  const { attempt } = await startOrResume(kv, s, NOW);
  const qs = attempt.questionIds.map((id) =>
    s.questions.find((q) => q.id === id)!
  );
  const form = new URLSearchParams();
  qs.forEach((q, i) => {
    const r = ratings[i];
    if (r) form.set(`c.${q.id}`, r);
  });
  return await submitAttempt(kv, {
    learnerId,
    attemptId: attempt.id,
    idempotencyKey: crypto.randomUUID(),
    answers: Object.fromEntries(
      qs.map((q, i) => [q.id, {
        type: "single" as const,
        choice: i < right ? "b" : "a",
      }]),
    ),
    questions: qs,
    rubrics: [],
    moduleTitle: "基础",
    cohortId: "c1",
    confidence: confidence ? confidenceFromForm(form, qs) : undefined,
  }, new Date(NOW.getTime() + 60_000));
}

async function setup(kv: Deno.Kv) {
  await createTeam(kv, { id: "t1", name: "售前一组" }, NOW);
  await createCohort(
    kv,
    { id: "c1", name: "十一月", teamId: "t1", startDate: "2026-11-01" },
    NOW,
  );
  const op = kv.atomic();
  for (const u of ["over", "under", "fine", "few", "plain"]) {
    addMembership(op, {
      cohortId: "c1",
      teamId: "t1",
      userId: u,
      joinedAt: NOW,
    });
  }
  assert.ok((await op.commit()).ok);
}

const rep = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

Deno.test("confidenceFromForm(): the three ratings, unrated left out, anything else refused naming the field", () => {
  const qs = questions.slice(0, 4);
  const form = new URLSearchParams(
    "c.q0=guess&c.q1=likely&c.q2=sure&c.q3=&q.q0=b",
  );
  assert.deepEqual(confidenceFromForm(form, qs), {
    q0: "guess",
    q1: "likely",
    q2: "sure",
  });
  for (
    const bad of ["c.q1=certain", "c.q1=1", "c.q1=sure&c.q1=guess", "c.q1=SURE"]
  ) {
    assert.throws(
      () => confidenceFromForm(new URLSearchParams(bad), qs),
      (e) =>
        e instanceof ConfidenceInputError && e.field === "c.q1" &&
        e.questionId === "q1",
      bad,
    );
  }
  // A rating of a question that is not in the attempt is not read.
  assert.deepEqual(
    confidenceFromForm(new URLSearchParams("c.q9=sure"), qs),
    {},
  );
});

Deno.test("submitting with ratings: answered statements carry them in the same commit; the score is the one without ratings", async () => {
  using kv = await Deno.openKv(":memory:");
  await setup(kv);
  const rated = await take(kv, "over", 5, rep(10, "sure"));
  const plain = await take(kv, "plain", 5, rep(10, undefined), false);
  assert.equal(rated.attempt.result!.percent, 50);
  assert.deepEqual(
    rated.attempt.result!.questions.map((q) => [q.points, q.correct]),
    plain.attempt.result!.questions.map((q) => [q.points, q.correct]),
    "the same answers score the same with or without ratings",
  );
  assert.equal(rated.attempt.result!.passed, plain.attempt.result!.passed);
  const stored = await getAttempt(kv, "over", rated.attempt.id);
  assert.equal(Object.keys(stored.confidence ?? {}).length, 10);
  assert.equal(plain.attempt.confidence, undefined);

  const statements = await listLearnerStatements(kv, "over", 100);
  const answered = statements.filter((s) => s.verb.id.endsWith("/answered"));
  assert.equal(answered.length, 10);
  for (const s of answered) {
    assert.equal(s.result?.extensions?.[EVAL_EXT.confidence], 0.9);
    assert.equal(s.result?.extensions?.[ATTEMPT_EXT], rated.attempt.id);
    assert.match(s.object.id, /\/courses\/onboarding\/questions\/q\d$/);
    const qid = s.object.id.split("/").at(-1)!;
    assert.equal(s.id, await nameUuid(`${rated.attempt.id}/${qid}`));
    const q = rated.attempt.result!.questions.find((r) =>
      r.questionId === qid
    )!;
    assert.equal(s.result?.success, q.correct);
  }
  // The quiz statement is still one, with the same score.
  const quiz = statements.filter((s) => !s.verb.id.endsWith("/answered"));
  assert.equal(quiz.length, 1);
  assert.equal(quiz[0].result?.score?.scaled, 0.5);
  // A quiz that does not ask writes no answered statements.
  const plainStatements = await listLearnerStatements(kv, "plain", 100);
  assert.equal(plainStatements.length, 1);
  // The learner's rollup counted all ten in the same commit.
  const e = await learnerEvaluation(kv, "over");
  assert.equal(e.confidence.n, 10);
  assert.equal(e.confidence.figure?.kind, "over");
});

Deno.test("a bad rating is refused and nothing is stored; an unanswered question's rating is not counted", async () => {
  using kv = await Deno.openKv(":memory:");
  await setup(kv);
  const s = spec("few", 4);
  const { attempt } = await startOrResume(kv, s, NOW);
  const submit = (confidence: Record<string, string>) =>
    submitAttempt(kv, {
      learnerId: "few",
      attemptId: attempt.id,
      idempotencyKey: crypto.randomUUID(),
      answers: { q0: { type: "single", choice: "b" } },
      questions: s.questions,
      rubrics: [],
      moduleTitle: "基础",
      cohortId: "c1",
      confidence: confidence as Record<string, ConfidenceLevel>,
    }, NOW);
  await assert.rejects(
    () => submit({ q0: "certain" }),
    (e) => e instanceof ConfidenceInputError && e.field === "c.q0",
  );
  await assert.rejects(
    () => submit({ elsewhere: "sure" }),
    (e) => e instanceof ConfidenceInputError && e.field === "c.elsewhere",
  );
  await assert.rejects(
    () =>
      saveAnswers(kv, "few", attempt.id, {}, s.questions, NOW, {
        q1: "maybe",
      } as unknown as Record<string, ConfidenceLevel>),
    ConfidenceInputError,
  );
  const after = await getAttempt(kv, "few", attempt.id);
  assert.equal(after.status, "open");
  assert.equal(after.confidence, undefined);
  assert.deepEqual(await listLearnerStatements(kv, "few"), []);
  assert.equal(
    (await Array.fromAsync(kv.list({ prefix: [ROLLUP_ROOT] }))).length,
    0,
  );
  // Saved ratings (autosave) count at submission; q1 is rated but left
  // unanswered, so only q0 was answered and rated.
  await saveAnswers(kv, "few", attempt.id, {}, s.questions, NOW, {
    q0: "guess",
    q1: "sure",
  });
  const done = await submit({});
  assert.deepEqual(done.attempt.confidence, { q0: "guess", q1: "sure" });
  const e = await learnerEvaluation(kv, "few");
  assert.equal(e.confidence.n, 1);
  assert.equal(e.confidence.figure, null);
});

Deno.test("cohortSummary(): confident and wrong is over-confident, unsure and right under-confident, too few shows nothing; rebuilt rollups agree", async () => {
  using kv = await Deno.openKv(":memory:");
  await setup(kv);
  // The worked examples of docs/evaluation.md, through the quiz engine.
  await take(
    kv,
    "over",
    5,
    [...rep(7, "sure"), ...rep(3, "likely")] as ConfidenceLevel[],
  );
  await take(
    kv,
    "under",
    8,
    [...rep(6, "guess"), ...rep(4, "likely")] as ConfidenceLevel[],
  );
  await take(
    kv,
    "fine",
    7,
    [...rep(5, "sure"), ...rep(5, "likely")] as ConfidenceLevel[],
  );
  await take(kv, "few", 0, rep(4, "sure") as ConfidenceLevel[]);
  await take(kv, "plain", 2, rep(10, undefined), false);

  const check = async () => {
    const s = (await cohortSummary(kv, "c1"))!;
    assert.deepEqual(s.level2.overconfident, ["over"]);
    assert.deepEqual(s.level2.underconfident, ["under"]);
    const by = new Map(s.learners.map((l) => [l.learnerId, l]));
    const over = by.get("over")!.calibration!;
    assert.ok(Math.abs(over.meanConfidence - 0.81) < 1e-9);
    assert.ok(Math.abs(over.gap - 0.31) < 1e-9);
    assert.ok(Math.abs(by.get("under")!.calibration!.gap + 0.41) < 1e-9);
    assert.equal(by.get("fine")!.calibration!.kind, "calibrated");
    assert.equal(by.get("few")!.calibration, null, "4 rated answers");
    assert.equal(by.get("few")!.rated, 4);
    assert.equal(by.get("plain")!.calibration, null, "no rated answers");
    assert.equal(by.get("plain")!.rated, 0);
    // The cohort pools 34 rated answers: 19.5 + 3.6 confidence, 20 right.
    assert.equal(s.level2.confidence.n, 34);
    assert.equal(s.level2.confidence.learners, 4);
    assert.equal(s.level2.confidence.classed, 3);
    const c = s.level2.confidence.figure!;
    assert.ok(
      Math.abs(c.meanConfidence - (19.5 + 4 * CONFIDENCE_VALUE.sure) / 34) <
        1e-9,
    );
    assert.ok(Math.abs(c.accuracy - 20 / 34) < 1e-9);
  };
  await check();
  await rebuildRollups(kv);
  await check();
});
