/**
 * What the exam pages show: the intro (rules, attempts, cool-down, the
 * required scenarios) and an attempt (its questions, time left, the
 * scenarios counted so far). An open attempt past its deadline is closed and
 * scored on its saved answers as soon as anyone looks at it.
 */
import type { Question } from "@/lib/content/schema.ts";
import type { Attempt } from "@/lib/quiz/attempt.ts";
import { isExpired } from "@/lib/quiz/attempt.ts";
import { listAttempts, submitAttempt } from "@/lib/quiz/attempt_store.ts";
import type { Paper } from "@/lib/quiz/paper_submit.ts";
import { listRuns, type Run } from "@/lib/scenario/run_store.ts";
import {
  countedScenarios,
  type ExamOutcome,
  examOutcome,
} from "./exam_outcome.ts";
import type { ExamView } from "./exam_view.ts";

/** The attempt's questions in its order. */
export function examQuestions(view: ExamView, attempt: Attempt): Question[] {
  const byId = new Map(view.questions.map((q) => [q.id, q]));
  return attempt.questionIds.map((id) => {
    const q = byId.get(id);
    if (!q) {
      throw new Error(
        `Cannot show exam attempt "${attempt.id}": question "${id}" is missing`,
      );
    }
    return q;
  });
}

/** Runs of the exam's required scenarios, newest first. */
export async function requiredRuns(
  kv: Deno.Kv,
  view: ExamView,
  learnerId: string,
): Promise<Run[]> {
  const lists = await Promise.all(
    (view.exam.scenarios ?? []).map((id) =>
      listRuns(kv, learnerId, view.courseId, id, 20)
    ),
  );
  return lists.flat();
}

/** Closes an open attempt whose time is up, scoring what was saved in time. */
export async function closeIfExpired(
  kv: Deno.Kv,
  view: ExamView,
  attempt: Attempt,
  now: Date,
): Promise<Attempt> {
  if (attempt.status !== "open" || !isExpired(attempt, now)) return attempt;
  return (await submitAttempt(kv, {
    learnerId: attempt.learnerId,
    attemptId: attempt.id,
    idempotencyKey: `deadline-${attempt.id}`,
    answers: {},
    questions: examQuestions(view, attempt),
    rubrics: view.rubrics,
    moduleTitle: view.exam.title,
  }, now)).attempt;
}

/** The exam intro page's data. */
export interface ExamIntro {
  view: ExamView;
  attempts: { attempt: Attempt; outcome: ExamOutcome | null }[];
  open: Attempt | null;
  blocked: { reason: "limit" } | { reason: "cooldown"; until: Date } | null;
  count: number;
}

/** Reads the learner's attempts and applies the limit and cool-down. */
export async function examIntro(
  kv: Deno.Kv,
  view: ExamView,
  learnerId: string,
  now: Date,
): Promise<ExamIntro> {
  let attempts = await listAttempts(kv, learnerId, view.courseId, view.key, 50);
  const openOne = attempts.find((a) => a.status === "open");
  if (openOne && isExpired(openOne, now)) {
    await closeIfExpired(kv, view, openOne, now);
    attempts = await listAttempts(kv, learnerId, view.courseId, view.key, 50);
  }
  const runs = await requiredRuns(kv, view, learnerId);
  const open = attempts.find((a) => a.status === "open") ?? null;
  const submitted = attempts.filter((a) => a.status === "submitted");
  let blocked: ExamIntro["blocked"] = null;
  if (
    !open && view.quiz.maxAttempts !== undefined &&
    submitted.length >= view.quiz.maxAttempts
  ) blocked = { reason: "limit" };
  const last = submitted[0]?.submittedAt;
  if (!open && !blocked && last && view.quiz.cooldownMinutes) {
    const until = new Date(last.getTime() + view.quiz.cooldownMinutes * 60_000);
    if (until > now) blocked = { reason: "cooldown", until };
  }
  return {
    view,
    attempts: attempts.map((attempt) => ({
      attempt,
      outcome: examOutcome(view.exam, attempt, runs),
    })),
    open,
    blocked,
    count: view.exam.draw.reduce((n, r) => n + r.count, 0),
  };
}

/** The required scenarios and whether each is counted for `attempt` so far. */
export function scenarioChecklist(
  view: ExamView,
  attempt: Attempt,
  runs: readonly Run[],
  now: Date,
): { id: string; title: string; done: boolean }[] {
  const { done } = countedScenarios(view.exam, attempt, runs, now);
  return (view.exam.scenarios ?? []).map((id) => ({
    id,
    title: view.scenarioTitles[id] ?? id,
    done: done.includes(id),
  }));
}

/** An exam's open attempt as a paper to submit. */
export function examPaper(view: ExamView, attempt: Attempt): Paper {
  return {
    attempt,
    questions: examQuestions(view, attempt),
    rubrics: view.rubrics,
    title: view.exam.title,
    asksConfidence: view.quiz.confidence === true,
  };
}
