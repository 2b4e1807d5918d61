/**
 * An exam attempt's verdict: the questions' score, whether it was submitted
 * within the time limit, and the exam's required scenarios counted only from
 * runs started after the attempt opened and finished before it closed. Pure.
 * Also the pre/post normalised gain for the evaluator.
 */
import type { Exam } from "@/lib/content/schema.ts";
import { DEADLINE_GRACE_SECONDS } from "@/lib/quiz/attempt.ts";

/** What the verdict reads of an attempt. */
export interface AttemptLike {
  startedAt: Date;
  deadline: Date | null;
  submittedAt?: Date;
  result?: { percent: number; passed: boolean; timeExpired: boolean };
}

/** What the verdict reads of a scenario run. */
export interface RunLike {
  scenarioId: string;
  startedAt: Date;
  finishedAt?: Date;
}

/** An exam attempt's verdict. */
export interface ExamOutcome {
  percent: number;
  questionsPassed: boolean;
  withinTime: boolean;
  scenariosDone: string[];
  scenariosMissing: string[];
  passed: boolean;
}

/**
 * The runs that count for an attempt: started at or after it opened and
 * finished by the moment it closed (its submission, or `now` while open),
 * never after the deadline and its grace.
 */
export function countedScenarios(
  exam: Pick<Exam, "scenarios">,
  attempt: AttemptLike,
  runs: readonly RunLike[],
  now: Date,
): { done: string[]; missing: string[] } {
  const end = Math.min(
    (attempt.submittedAt ?? now).getTime(),
    attempt.deadline
      ? attempt.deadline.getTime() + DEADLINE_GRACE_SECONDS * 1000
      : Infinity,
  );
  const required = exam.scenarios ?? [];
  const done = required.filter((id) =>
    runs.some((r) =>
      r.scenarioId === id && r.finishedAt !== undefined &&
      r.startedAt.getTime() >= attempt.startedAt.getTime() &&
      r.finishedAt.getTime() <= end
    )
  );
  return { done, missing: required.filter((id) => !done.includes(id)) };
}

/** The verdict of a submitted attempt (null while it is open). */
export function examOutcome(
  exam: Pick<Exam, "scenarios">,
  attempt: AttemptLike,
  runs: readonly RunLike[],
): ExamOutcome | null {
  if (!attempt.result || !attempt.submittedAt) return null;
  const { done, missing } = countedScenarios(
    exam,
    attempt,
    runs,
    attempt.submittedAt,
  );
  const withinTime = !attempt.result.timeExpired;
  return {
    percent: attempt.result.percent,
    questionsPassed: attempt.result.passed,
    withinTime,
    scenariosDone: done,
    scenariosMissing: missing,
    passed: attempt.result.passed && withinTime && missing.length === 0,
  };
}

/**
 * Hake's normalised gain (post - pre) / (100 - pre), rounded to 0.01; null
 * when the pre-test was already 100 (no room to gain).
 */
export function normalisedGain(pre: number, post: number): number | null {
  if (pre >= 100) return null;
  return Math.round(((post - pre) / (100 - pre)) * 100) / 100;
}
