/**
 * Summative attempts, each pinned to the course version it was taken on:
 * module quizzes and exams through one engine, keyed by the assessment they
 * belong to (a module id for a quiz, `exam:<id>` for an exam, see
 * {@linkcode examAssessmentKey}); only a module quiz folds into the
 * progress rollup's quizzes.
 * Ids are ULIDs, so a prefix lists them in time order. A submission is one
 * atomic commit of the graded attempt, its idempotency record, its evidence
 * statement and the learner's progress rollup: all of it lands or none does.
 * The run keys, reads and the idempotent submission step are
 * lib/runs/keyed_run_store.ts's; only this module uses them for attempts,
 * and adds the open-attempt key:
 *
 * | key                                                               | value     |
 * | ----------------------------------------------------------------- | --------- |
 * | ["quiz_attempts", attemptId]                                      | Attempt   |
 * | ["quiz_attempts_by_learner", learnerId, courseId, moduleId, id]   | attemptId |
 * | ["quiz_open_attempts", learnerId, courseId, moduleId]             | attemptId |
 * | ["quiz_submissions", learnerId, idempotencyKey]                   | attemptId |
 */
import { CONFLICT_TRIES, conflictBackoff } from "@/lib/db/contention.ts";
import { getAll } from "@/lib/db/many.ts";
import { DomainError, NotFoundError } from "@/lib/errors.ts";
import type { ModuleQuiz, Question, Rubric } from "@/lib/content/schema.ts";
import {
  buildStatement,
  nameUuid,
  type Statement,
} from "@/lib/evidence/statement.ts";
import { EVAL_EXT } from "@/lib/evidence/eval_extensions.ts";
import { addStatement } from "@/lib/evidence/statement_store.ts";
import { foldScore } from "@/lib/evidence/progress_store.ts";
import {
  addFinishedStatement,
  keyedRunStore,
  newRunId,
} from "@/lib/runs/keyed_run_store.ts";
import {
  type Attempt,
  AttemptSchema,
  gradeAttempt,
  isExpired,
  validateAnswers,
} from "./attempt.ts";
import { drawQuestions, seededRandom } from "./draw.ts";
import {
  CONFIDENCE_VALUE,
  type ConfidenceMap,
  validateConfidence,
} from "./confidence.ts";
import type { Answer } from "./score.ts";

/** The result extension naming the attempt a statement comes from. */
export const ATTEMPT_EXT =
  "https://service-academy.example/xapi/extensions/attempt";

/** The assessment key of an exam's attempts (module quizzes use their module id). */
export function examAssessmentKey(examId: string): string {
  return `exam:${examId}`;
}

/** True for an exam's assessment key. */
export function isExamKey(key: string): boolean {
  return key.startsWith("exam:");
}

const openKey = (learnerId: string, courseId: string, moduleId: string) => [
  "quiz_open_attempts",
  learnerId,
  courseId,
  moduleId,
];
const submissionKey = (
  learnerId: string,
  key: string,
) => ["quiz_submissions", learnerId, key];

/** Why an attempt cannot start, with what the learner needs to know. */
export class AttemptBlockedError extends DomainError {
  constructor(readonly reason: "limit" | "cooldown", readonly until?: Date) {
    super(
      "attempt-blocked",
      reason === "limit"
        ? "No attempts left"
        : `Next attempt possible at ${until?.toISOString()}`,
    );
    this.name = "AttemptBlockedError";
  }
}

/** The attempt does not exist or belongs to someone else (the two look the same). */
export class AttemptNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(`Attempt "${id}" was not found`);
    this.name = "AttemptNotFoundError";
  }
}

/** The attempt's time ran out (deadline plus grace, on the server clock): answers are refused. */
export class AttemptExpiredError extends DomainError {
  constructor(id: string, readonly deadline: Date) {
    super(
      "attempt-expired",
      `Attempt "${id}" ran out of time at ${deadline.toISOString()}`,
    );
    this.name = "AttemptExpiredError";
  }
}

/** The attempt was already submitted (under another idempotency key), so it takes no more answers. */
export class AttemptClosedError extends DomainError {
  constructor(id: string) {
    super("attempt-closed", `Attempt "${id}" was already submitted`);
    this.name = "AttemptClosedError";
  }
}

const attempts = keyedRunStore<Attempt>({
  runs: "quiz_attempts",
  byLearner: "quiz_attempts_by_learner",
  // Per learner, not per attempt: a key names one submission for good.
  stepKey: (attempt, key) => submissionKey(attempt.learnerId, key),
  schema: AttemptSchema,
  activityOf: (attempt) => attempt.moduleId,
  notFound: (id) => new AttemptNotFoundError(id),
});

/** Reads an attempt of this learner, or throws AttemptNotFoundError. */
export async function getAttempt(
  kv: Deno.Kv,
  learnerId: string,
  attemptId: string,
): Promise<Attempt> {
  return await attempts.get(kv, learnerId, attemptId);
}

/** A learner's attempts at one module quiz, newest first. */
export async function listAttempts(
  kv: Deno.Kv,
  learnerId: string,
  courseId: string,
  moduleId: string,
  limit = 20,
): Promise<Attempt[]> {
  return await attempts.list(kv, learnerId, courseId, moduleId, limit);
}

/**
 * Every submitted attempt at one module quiz or exam (`assessmentKey`), of
 * every learner, oldest first: the input of item analysis. Reads the
 * by-learner index, so it costs one scan of attempt ids.
 */
export async function listSubmittedAttempts(
  kv: Deno.Kv,
  courseId: string,
  assessmentKey: string,
): Promise<Attempt[]> {
  const ids: string[] = [];
  for await (
    const e of kv.list<string>({ prefix: ["quiz_attempts_by_learner"] })
  ) {
    if (e.key[2] === courseId && e.key[3] === assessmentKey) ids.push(e.value);
  }
  const entries = await getAll(kv, ids.map(attempts.runKey));
  return entries.filter((e) => e.versionstamp !== null)
    .map((e) => attempts.decode(e.key, e.value))
    .filter((a) => a.status === "submitted" && a.result)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** What starting an attempt needs from the published course. */
export interface QuizSpec {
  learnerId: string;
  courseId: string;
  version: number;
  moduleId: string;
  quiz: ModuleQuiz;
  questions: readonly Question[];
}

/**
 * Resumes the learner's open attempt of this quiz, or starts one after
 * checking the attempt limit and cool-down. Safe against double clicks: only
 * one open attempt per learner and quiz can exist.
 */
export async function startOrResume(
  kv: Deno.Kv,
  spec: QuizSpec,
  now: Date,
): Promise<{ attempt: Attempt; resumed: boolean }> {
  for (let tries = 0; tries < CONFLICT_TRIES; tries++) {
    await conflictBackoff(tries);
    const open = await kv.get<string>(
      openKey(spec.learnerId, spec.courseId, spec.moduleId),
    );
    if (open.versionstamp !== null) {
      return {
        attempt: await getAttempt(kv, spec.learnerId, open.value!),
        resumed: true,
      };
    }
    const past = (await listAttempts(
      kv,
      spec.learnerId,
      spec.courseId,
      spec.moduleId,
      100,
    )).filter((a) => a.status === "submitted");
    if (
      spec.quiz.maxAttempts !== undefined &&
      past.length >= spec.quiz.maxAttempts
    ) throw new AttemptBlockedError("limit");
    const last = past[0]?.submittedAt;
    if (last && spec.quiz.cooldownMinutes) {
      const until = new Date(
        last.getTime() + spec.quiz.cooldownMinutes * 60_000,
      );
      if (until > now) throw new AttemptBlockedError("cooldown", until);
    }
    const id = newRunId(now);
    const seed = `${id}:${crypto.randomUUID()}`;
    const questionIds = drawQuestions(
      spec.questions,
      spec.quiz.draw,
      seededRandom(seed),
    );
    const attempt = AttemptSchema.parse(
      {
        id,
        learnerId: spec.learnerId,
        courseId: spec.courseId,
        version: spec.version,
        moduleId: spec.moduleId,
        questionIds,
        seed,
        passPercent: spec.quiz.passPercent,
        status: "open",
        startedAt: now,
        deadline: spec.quiz.timeLimitMinutes
          ? new Date(now.getTime() + spec.quiz.timeLimitMinutes * 60_000)
          : null,
        answers: {},
      } satisfies Attempt,
    );
    const res = await attempts.insert(kv.atomic(), attempt)
      .check({
        key: openKey(spec.learnerId, spec.courseId, spec.moduleId),
        versionstamp: null,
      })
      .set(openKey(spec.learnerId, spec.courseId, spec.moduleId), id)
      .commit();
    if (res.ok) return { attempt, resumed: false };
  }
  throw new Error(
    `Cannot start quiz "${spec.moduleId}" for "${spec.learnerId}": too much contention`,
  );
}

/**
 * Saves answers of an open attempt (so it resumes after a reload or on
 * another device). A submitted attempt refuses them (AttemptClosedError), and
 * so does one past its deadline and grace on `now`, the server clock
 * (AttemptExpiredError); nothing is stored then. `confidence` (only for a
 * quiz or exam that asks it) is saved the same way.
 */
export async function saveAnswers(
  kv: Deno.Kv,
  learnerId: string,
  attemptId: string,
  answers: Record<string, Answer>,
  questions: readonly Question[],
  now: Date,
  confidence?: ConfidenceMap,
): Promise<Attempt> {
  validateAnswers(questions, answers);
  if (confidence) validateConfidence(questions, confidence);
  for (let tries = 0; tries < CONFLICT_TRIES; tries++) {
    await conflictBackoff(tries);
    const { entry, run: attempt } = await attempts.entry(kv, attemptId);
    if (attempt.learnerId !== learnerId) {
      throw new AttemptNotFoundError(attemptId);
    }
    if (attempt.status !== "open") throw new AttemptClosedError(attempt.id);
    if (isExpired(attempt, now)) {
      throw new AttemptExpiredError(attempt.id, attempt.deadline!);
    }
    const next = AttemptSchema.parse({
      ...attempt,
      answers: { ...attempt.answers, ...answers },
      ...(confidence
        ? { confidence: { ...attempt.confidence, ...confidence } }
        : {}),
    });
    const res = await kv.atomic().check(entry).set(entry.key, next).commit();
    if (res.ok) return next;
  }
  throw new Error(`Cannot save answers of "${attemptId}": too much contention`);
}

/** What the learner sees after submitting: the stored attempt and whether this call stored it. */
export interface SubmitOutcome {
  attempt: Attempt;
  /** False when an earlier request with the same idempotency key already stored it. */
  stored: boolean;
}

/**
 * Submits an attempt exactly once. A retry with the same idempotency key
 * returns the stored result; a different key on a submitted attempt is an
 * AttemptClosedError. After the deadline (plus grace) only the answers saved
 * in time are graded.
 *
 * `confidence` is given when the quiz or exam asks for ratings (even none):
 * the ratings join the saved ones on the attempt, and each answered
 * question gets an "answered" statement in the same commit, carrying its
 * rating (0-1, {@link CONFIDENCE_VALUE}) when it has one. Ratings never
 * change the score.
 */
export async function submitAttempt(
  kv: Deno.Kv,
  input: {
    learnerId: string;
    attemptId: string;
    idempotencyKey: string;
    answers: Record<string, Answer>;
    questions: readonly Question[];
    rubrics: readonly Rubric[];
    moduleTitle: string;
    cohortId?: string;
    confidence?: ConfidenceMap;
  },
  now: Date,
): Promise<SubmitOutcome> {
  if (input.confidence) validateConfidence(input.questions, input.confidence);
  // Statement ids derive from the attempt and question (the xAPI export
  // gives the same ids), computed here as the commit step is synchronous.
  const answeredIds = new Map<string, string>();
  if (input.confidence) {
    for (const q of input.questions) {
      answeredIds.set(q.id, await nameUuid(`${input.attemptId}/${q.id}`));
    }
  }
  // A key names one submission of this learner for good: if it stored
  // another attempt, that attempt is the answer.
  const prior = await kv.get<string>(
    submissionKey(input.learnerId, input.idempotencyKey),
  );
  if (prior.versionstamp !== null) {
    return {
      attempt: await getAttempt(kv, input.learnerId, prior.value!),
      stored: false,
    };
  }
  const { run, stored } = await attempts.step(
    kv,
    {
      learnerId: input.learnerId,
      runId: input.attemptId,
      idempotencyKey: input.idempotencyKey,
      now,
    },
    (attempt, op, progress) => {
      if (attempt.status === "submitted") {
        // The same key stored it: return it as it is (the key's record
        // usually answers before this).
        if (attempt.idempotencyKey === input.idempotencyKey) return null;
        throw new AttemptClosedError(attempt.id);
      }
      const expired = isExpired(attempt, now);
      const answers = expired
        ? attempt.answers
        : { ...attempt.answers, ...input.answers };
      const confidence = input.confidence
        ? expired
          ? attempt.confidence ?? {}
          : { ...attempt.confidence, ...input.confidence }
        : attempt.confidence;
      const result = gradeAttempt(
        input.questions,
        answers,
        input.rubrics,
        attempt.passPercent,
        expired,
      );
      const submitted = AttemptSchema.parse({
        ...attempt,
        answers,
        status: "submitted",
        ...(confidence ? { confidence } : {}),
        submittedAt: now,
        idempotencyKey: input.idempotencyKey,
        result,
      });
      op.delete(openKey(attempt.learnerId, attempt.courseId, attempt.moduleId));
      addFinishedStatement(op, attempt, {
        passed: result.passed,
        activity: {
          kind: "assessment",
          path: isExamKey(attempt.moduleId)
            ? `exams/${attempt.moduleId.slice(5)}`
            : `modules/${attempt.moduleId}/quiz`,
          name: input.moduleTitle,
        },
        moduleId: attempt.moduleId,
        cohortId: input.cohortId,
        score: { raw: result.points, max: result.max },
        extensions: { [ATTEMPT_EXT]: attempt.id },
      }, now);
      if (input.confidence) {
        for (
          const s of answeredStatements(
            submitted,
            input.questions,
            answeredIds,
            input.cohortId,
            now,
          )
        ) addStatement(op, s, now);
      }
      // An exam's verdict needs more than its score (required scenarios), so
      // it is read from its attempts (lib/exam/exam_outcome.ts), not rolled up.
      if (!isExamKey(attempt.moduleId)) {
        progress.quizzes[attempt.moduleId] = foldScore(
          progress.quizzes[attempt.moduleId],
          result.percent,
          result.passed,
          now,
        );
      }
      // The rollup is written for exams too (unchanged): its commit drops
      // the learner's cached pages.
      return { run: submitted, progress, stepValue: attempt.id };
    },
  );
  return { attempt: run, stored };
}

/**
 * One "answered" statement per answered question of a graded attempt: the
 * question as an interaction, its points, whether it was right, and the
 * learner's confidence rating (0-1) when given. Unanswered questions have
 * none (nothing was answered), and a rating of one is ignored.
 */
export function answeredStatements(
  attempt: Attempt,
  questions: readonly Question[],
  ids: ReadonlyMap<string, string>,
  cohortId: string | undefined,
  at: Date,
): Statement[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return (attempt.result?.questions ?? []).flatMap((r) => {
    if (!r.answered) return [];
    const rating = attempt.confidence?.[r.questionId];
    const q = byId.get(r.questionId);
    return [buildStatement({
      id: ids.get(r.questionId),
      learnerId: attempt.learnerId,
      verb: "answered",
      activity: {
        kind: "interaction",
        path: `questions/${r.questionId}`,
        name: q ? [...q.prompt].slice(0, 60).join("") : r.questionId,
      },
      courseId: attempt.courseId,
      moduleId: attempt.moduleId,
      contentVersion: attempt.version,
      cohortId,
      score: { raw: r.points, max: 1 },
      success: r.correct,
      completion: true,
      extensions: {
        [ATTEMPT_EXT]: attempt.id,
        ...(rating ? { [EVAL_EXT.confidence]: CONFIDENCE_VALUE[rating] } : {}),
      },
      at,
    })];
  });
}
