/**
 * The attempt rules, on an injected server clock: attempt limit, cooldown,
 * time limit and deadline, a closed attempt refusing answers, and two
 * submissions of one attempt at once.
 */
import assert from "node:assert/strict";
import { withKv } from "@/lib/db/testing.ts";
import { singleChoiceQuestions } from "./testing.ts";
import { DEADLINE_GRACE_SECONDS } from "./attempt.ts";
import {
  AttemptBlockedError,
  AttemptClosedError,
  AttemptExpiredError,
  getAttempt,
  type QuizSpec,
  saveAnswers,
  startOrResume,
  submitAttempt,
} from "./attempt_store.ts";

const questions = singleChoiceQuestions([1, 2, 3, 4]);

const spec = (quiz: Partial<QuizSpec["quiz"]> = {}): QuizSpec => ({
  learnerId: "learner-1",
  courseId: "demo",
  version: 1,
  moduleId: "basics",
  quiz: {
    bank: "basics",
    passPercent: 75,
    draw: [{ count: 4 }],
    ...quiz,
  } as QuizSpec["quiz"],
  questions,
});

const at = (minutes: number) =>
  new Date(Date.UTC(2026, 11, 7, 9, 0, 0) + minutes * 60_000);

async function submit(
  kv: Deno.Kv,
  attemptId: string,
  now: Date,
  key: string = crypto.randomUUID(),
  choice = "b",
) {
  return await submitAttempt(kv, {
    learnerId: "learner-1",
    attemptId,
    idempotencyKey: key,
    answers: Object.fromEntries(
      questions.map((q) => [q.id, { type: "single" as const, choice }]),
    ),
    questions,
    rubrics: [],
    moduleTitle: "基础",
  }, now);
}

/** Saves learner-1's `choice` for one question of an open attempt. */
function answer(
  kv: Deno.Kv,
  attemptId: string,
  questionId: string,
  choice: string,
  now: Date,
) {
  return saveAnswers(
    kv,
    "learner-1",
    attemptId,
    { [questionId]: { type: "single", choice } },
    questions,
    now,
  );
}

Deno.test("attempt limit: after maxAttempts submitted attempts no new one starts", () =>
  withKv(async (kv) => {
    const s = spec({ maxAttempts: 2 });
    for (let i = 0; i < 2; i++) {
      const { attempt } = await startOrResume(kv, s, at(i * 10));
      await submit(kv, attempt.id, at(i * 10 + 1), undefined, "a");
    }
    await assert.rejects(
      () => startOrResume(kv, s, at(60)),
      (e) => e instanceof AttemptBlockedError && e.reason === "limit",
    );
  }));

Deno.test("cooldown: the next attempt opens cooldownMinutes after the last submission, on the server clock", () =>
  withKv(async (kv) => {
    const s = spec({ cooldownMinutes: 30 });
    const { attempt } = await startOrResume(kv, s, at(0));
    await submit(kv, attempt.id, at(5), undefined, "a");
    await assert.rejects(
      () => startOrResume(kv, s, at(34)),
      (e) =>
        e instanceof AttemptBlockedError && e.reason === "cooldown" &&
        e.until!.getTime() === at(35).getTime(),
    );
    const next = await startOrResume(kv, s, at(35));
    assert.equal(next.resumed, false);
    assert.notEqual(next.attempt.id, attempt.id);
  }));

Deno.test("an open attempt resumes instead of starting a second one", () =>
  withKv(async (kv) => {
    const first = await startOrResume(kv, spec({ maxAttempts: 1 }), at(0));
    const again = await startOrResume(kv, spec({ maxAttempts: 1 }), at(1));
    assert.equal(again.resumed, true);
    assert.equal(again.attempt.id, first.attempt.id);
  }));

Deno.test("time limit: the deadline is the server's start time plus the limit; late answers are refused and not graded", () =>
  withKv(async (kv) => {
    const { attempt } = await startOrResume(
      kv,
      spec({ timeLimitMinutes: 10 }),
      at(0),
    );
    assert.equal(attempt.deadline!.getTime(), at(10).getTime());
    // In time: one right answer is saved.
    await answer(kv, attempt.id, "q1", "b", at(9));
    // Within the grace period the server still takes answers.
    const grace = new Date(at(10).getTime() + DEADLINE_GRACE_SECONDS * 1000);
    await answer(kv, attempt.id, "q2", "b", grace);
    // After it, answers are refused and nothing changes.
    const late = new Date(grace.getTime() + 1000);
    await assert.rejects(
      () => answer(kv, attempt.id, "q3", "b", late),
      AttemptExpiredError,
    );
    assert.deepEqual(
      Object.keys((await getAttempt(kv, "learner-1", attempt.id)).answers),
      ["q1", "q2"],
    );
    // A late submission grades only what was saved in time, whatever it sends.
    const { attempt: done } = await submit(kv, attempt.id, late);
    assert.equal(done.result!.timeExpired, true);
    assert.equal(done.result!.points, 2);
    assert.equal(done.result!.passed, false);
    // The same answers submitted in time pass.
    const { attempt: other } = await startOrResume(
      kv,
      spec({ timeLimitMinutes: 10 }),
      at(100),
    );
    const { attempt: ok } = await submit(kv, other.id, at(105));
    assert.equal(ok.result!.timeExpired, false);
    assert.equal(ok.result!.percent, 100);
  }));

Deno.test("a closed attempt refuses answers and a second submission", () =>
  withKv(async (kv) => {
    const { attempt } = await startOrResume(kv, spec(), at(0));
    const { attempt: done } = await submit(
      kv,
      attempt.id,
      at(1),
      "key-one-1234",
    );
    assert.equal(done.status, "submitted");
    await assert.rejects(
      () => answer(kv, attempt.id, "q1", "a", at(2)),
      AttemptClosedError,
    );
    await assert.rejects(
      () => submit(kv, attempt.id, at(2), "key-two-1234", "a"),
      AttemptClosedError,
    );
    const stored = await getAttempt(kv, "learner-1", attempt.id);
    assert.equal(stored.result!.percent, 100);
    assert.equal(
      stored.answers.q1.type === "single" && stored.answers.q1.choice,
      "b",
    );
  }));

Deno.test("two submissions of one attempt at once: one wins, the other is a conflict", () =>
  withKv(async (kv) => {
    const { attempt } = await startOrResume(kv, spec(), at(0));
    const results = await Promise.allSettled([
      submit(kv, attempt.id, at(1), "key-right-123", "b"),
      submit(kv, attempt.id, at(1), "key-wrong-123", "a"),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    assert.equal(won.length, 1);
    assert.equal(lost.length, 1);
    assert.ok(
      (lost[0] as PromiseRejectedResult).reason instanceof AttemptClosedError,
    );
    const stored = await getAttempt(kv, "learner-1", attempt.id);
    const winner = (won[0] as PromiseFulfilledResult<{
      attempt: { idempotencyKey?: string; result?: { percent: number } };
    }>).value.attempt;
    assert.equal(stored.idempotencyKey, winner.idempotencyKey);
    assert.equal(stored.result!.percent, winner.result!.percent);
  }));
