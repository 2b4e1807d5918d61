/** The module quiz's intro page: rules, history and whether an attempt can start. */
import type { Attempt } from "./attempt.ts";
import { listAttempts } from "./attempt_store.ts";
import type { ModuleQuizView } from "./quiz_page.ts";
import { lessonsToReview, type ReviewLesson } from "./retake.ts";

/** What the intro shows. */
export interface QuizIntro {
  found: ModuleQuizView;
  count: number;
  attempts: Pick<
    Attempt,
    "id" | "status" | "startedAt" | "submittedAt" | "result"
  >[];
  open: string | null;
  blocked: { reason: "limit" } | { reason: "cooldown"; until: Date } | null;
  /** The lessons behind the latest attempt's wrong answers. */
  review: ReviewLesson[];
}

/** Reads the learner's attempts and applies the attempt limit and cool-down. */
export async function quizIntro(
  kv: Deno.Kv,
  found: ModuleQuizView,
  learnerId: string,
  now: Date,
): Promise<QuizIntro> {
  const attempts = await listAttempts(
    kv,
    learnerId,
    found.courseId,
    found.moduleId,
    50,
  );
  const open = attempts.find((a) => a.status === "open")?.id ?? null;
  const submitted = attempts.filter((a) => a.status === "submitted");
  let blocked: QuizIntro["blocked"] = null;
  if (
    !open && found.quiz.maxAttempts !== undefined &&
    submitted.length >= found.quiz.maxAttempts
  ) blocked = { reason: "limit" };
  const last = submitted[0]?.submittedAt;
  if (!open && !blocked && last && found.quiz.cooldownMinutes) {
    const until = new Date(
      last.getTime() + found.quiz.cooldownMinutes * 60_000,
    );
    if (until > now) blocked = { reason: "cooldown", until };
  }
  return {
    found,
    count: found.quiz.draw.reduce((n, r) => n + r.count, 0),
    attempts: attempts.map((
      { id, status, startedAt, submittedAt, result },
    ) => ({ id, status, startedAt, submittedAt, result })),
    open,
    blocked,
    review: submitted[0]?.result
      ? lessonsToReview(
        submitted[0].result,
        found.questions,
        found.skills,
        found.lessonOrder,
      )
      : [],
  };
}
