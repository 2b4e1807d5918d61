import assert from "node:assert/strict";
import { loadContent } from "@/lib/content/loader.ts";
import type { Exam } from "@/lib/content/schema.ts";
import {
  AttemptBlockedError,
  AttemptExpiredError,
  examAssessmentKey,
  saveAnswers,
  startOrResume,
  submitAttempt,
} from "@/lib/quiz/attempt_store.ts";
import { keyAnswer } from "@/lib/quiz/key_answer.ts";
import type { Answer } from "@/lib/quiz/score.ts";
import {
  countedScenarios,
  examOutcome,
  normalisedGain,
} from "./exam_outcome.ts";

const { tree } = await loadContent();
const exam = tree.exams.find((e) => e.data.id === "certification")!.data;
const questions = tree.banks.filter((b) => exam.bank.includes(b.data.id))
  .flatMap((b) => b.data.questions);
const rubrics = tree.rubrics.map((r) => r.data);
const spec = {
  learnerId: "u1",
  courseId: "onboarding",
  version: 1,
  moduleId: examAssessmentKey(exam.id),
  quiz: {
    bank: exam.bank[0],
    draw: exam.draw,
    passPercent: exam.passPercent,
    timeLimitMinutes: exam.timeLimitMinutes,
    maxAttempts: exam.maxAttempts,
    cooldownMinutes: exam.cooldownHours! * 60,
  },
  questions,
};
const T0 = new Date("2026-12-07T02:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const byId = new Map(questions.map((q) => [q.id, q]));
const keyOf = (ids: string[]) =>
  Object.fromEntries(
    ids.map((id) => [id, keyAnswer(byId.get(id)! as never)]),
  ) as Record<string, Answer>;

async function submit(
  kv: Deno.Kv,
  attemptId: string,
  ids: string[],
  answers: Record<string, Answer>,
  now: Date,
) {
  return (await submitAttempt(kv, {
    learnerId: "u1",
    attemptId,
    idempotencyKey: crypto.randomUUID(),
    answers,
    questions: ids.map((id) => byId.get(id)!),
    rubrics,
    moduleTitle: exam.title,
  }, now)).attempt;
}

Deno.test("the exam content sets the limits the engine enforces", () => {
  assert.equal(exam.timeLimitMinutes, 90);
  assert.equal(exam.maxAttempts, 3);
  assert.equal(exam.cooldownHours, 24);
});

Deno.test("each attempt is drawn from the blueprint: 40 questions, per-module counts, drawn afresh", async () => {
  using kv = await Deno.openKv(":memory:");
  const a = (await startOrResume(kv, spec, T0)).attempt;
  assert.equal(a.questionIds.length, 40);
  for (const m of ["basics", "core-skills", "practice"]) {
    const want = exam.draw.filter((r) => r.module === m).reduce(
      (n, r) => n + r.count,
      0,
    );
    assert.equal(
      a.questionIds.filter((id) => byId.get(id)!.module === m).length,
      want,
    );
  }
  assert.equal(a.deadline!.getTime(), at(90).getTime());
  await submit(kv, a.id, a.questionIds, keyOf(a.questionIds), at(30));
  const b = (await startOrResume(kv, spec, at(30 + 24 * 60))).attempt;
  assert.notDeepEqual(b.questionIds, a.questionIds);
});

Deno.test("deadline on the server clock: answers sent after it are refused, the attempt closes on saved answers", async () => {
  using kv = await Deno.openKv(":memory:");
  const a = (await startOrResume(kv, spec, T0)).attempt;
  const ids = a.questionIds;
  const half = ids.slice(0, 20);
  // Saved in time: half the questions right.
  await saveAnswers(
    kv,
    "u1",
    a.id,
    keyOf(half),
    half.map((id) => byId.get(id)!),
    at(60),
  );
  // After 90 min + 30 s grace a save is refused and changes nothing...
  await assert.rejects(
    () =>
      saveAnswers(
        kv,
        "u1",
        a.id,
        keyOf(ids),
        ids.map((id) => byId.get(id)!),
        at(91),
      ),
    AttemptExpiredError,
  );
  // ...and a submission with every answer right is graded on the saved half only.
  const done = await submit(kv, a.id, ids, keyOf(ids), at(91));
  assert.equal(done.status, "submitted");
  assert.equal(done.result!.timeExpired, true);
  assert.equal(done.result!.percent, 50);
  const outcome = examOutcome(exam, done, [])!;
  assert.equal(outcome.withinTime, false);
  assert.equal(outcome.passed, false);
});

Deno.test("within the grace period a full, correct submission counts as in time", async () => {
  using kv = await Deno.openKv(":memory:");
  const a = (await startOrResume(kv, spec, T0)).attempt;
  const done = await submit(
    kv,
    a.id,
    a.questionIds,
    keyOf(a.questionIds),
    new Date(at(90).getTime() + 29_000),
  );
  assert.equal(done.result!.timeExpired, false);
  assert.equal(done.result!.percent, 100);
});

Deno.test("cool-down on the server clock: 24 h after a submission, then the attempt limit", async () => {
  using kv = await Deno.openKv(":memory:");
  let now = T0;
  for (let i = 0; i < 3; i++) {
    const a = (await startOrResume(kv, spec, now)).attempt;
    const submittedAt = new Date(now.getTime() + 10 * 60_000);
    await submit(kv, a.id, a.questionIds, {}, submittedAt);
    const early = new Date(submittedAt.getTime() + 24 * 3_600_000 - 60_000);
    await assert.rejects(
      () => startOrResume(kv, spec, early),
      (e: unknown) =>
        e instanceof AttemptBlockedError &&
        (i === 2 ? e.reason === "limit" : e.reason === "cooldown" &&
          e.until!.getTime() === submittedAt.getTime() + 24 * 3_600_000),
    );
    now = new Date(submittedAt.getTime() + 24 * 3_600_000);
  }
  await assert.rejects(
    () => startOrResume(kv, spec, at(10 * 24 * 60)),
    AttemptBlockedError,
  );
});

Deno.test("required scenarios count only from runs started after the exam opened and finished before it closed", () => {
  const e: Pick<Exam, "scenarios"> = {
    scenarios: ["late-parcel", "damaged-item", "compliance-trap"],
  };
  const attempt = {
    startedAt: at(0),
    deadline: at(90),
    submittedAt: at(80),
    result: { percent: 90, passed: true, timeExpired: false },
  };
  const runs = [
    { scenarioId: "late-parcel", startedAt: at(-60), finishedAt: at(-50) }, // before the exam
    { scenarioId: "late-parcel", startedAt: at(5), finishedAt: at(15) },
    { scenarioId: "damaged-item", startedAt: at(20), finishedAt: at(30) },
    { scenarioId: "compliance-trap", startedAt: at(-5), finishedAt: at(10) }, // started before
    { scenarioId: "compliance-trap", startedAt: at(70) }, // unfinished
  ];
  let o = examOutcome(e, attempt, runs)!;
  assert.deepEqual([o.scenariosDone, o.scenariosMissing, o.passed], [
    ["late-parcel", "damaged-item"],
    ["compliance-trap"],
    false,
  ]);
  o = examOutcome(e, attempt, [...runs, {
    scenarioId: "compliance-trap",
    startedAt: at(40),
    finishedAt: at(55),
  }])!;
  assert.equal(o.passed, true);
  // A run finished after the submission does not count.
  o = examOutcome(e, attempt, [...runs, {
    scenarioId: "compliance-trap",
    startedAt: at(40),
    finishedAt: at(85),
  }])!;
  assert.equal(o.passed, false);
  // While open, runs up to now count.
  assert.deepEqual(
    countedScenarios(
      e,
      { ...attempt, submittedAt: undefined, result: undefined },
      runs,
      at(16),
    ).done,
    ["late-parcel"],
  );
  // Questions failed: not passed whatever the scenarios.
  o = examOutcome(e, {
    ...attempt,
    result: { percent: 70, passed: false, timeExpired: false },
  }, [
    ...runs,
    { scenarioId: "compliance-trap", startedAt: at(40), finishedAt: at(55) },
  ])!;
  assert.equal(o.passed, false);
});

Deno.test("normalised gain (post - pre) / (100 - pre)", () => {
  assert.equal(normalisedGain(40, 70), 0.5);
  assert.equal(normalisedGain(60, 60), 0);
  assert.equal(normalisedGain(50, 40), -0.2);
  assert.equal(normalisedGain(100, 100), null);
});
