/**
 * Whether and when a learner may take a module quiz again: attempts left
 * under `maxAttempts`, the time `cooldownMinutes` opens the next one, and the
 * lessons that the latest attempt's missed skills point to. Pure; the intro
 * page and the result page both show it.
 */
import type { ModuleQuiz, Question } from "@/lib/content/schema.ts";
import type { AttemptResult } from "./attempt.ts";

/** The retake rule's answer for one learner and quiz. */
export interface RetakeStatus {
  /** Attempts still allowed; null when the quiz sets no limit. */
  left: number | null;
  /** When the next attempt may start, if that is still ahead; else null. */
  opensAt: Date | null;
  /** True when an attempt can start now. */
  canStart: boolean;
}

/** Applies the attempt limit and the cool-down to the submitted attempts. */
export function retakeStatus(
  quiz: Pick<ModuleQuiz, "maxAttempts" | "cooldownMinutes">,
  submitted: readonly { submittedAt?: Date }[],
  now: Date,
): RetakeStatus {
  const left = quiz.maxAttempts === undefined
    ? null
    : Math.max(0, quiz.maxAttempts - submitted.length);
  const last = submitted.reduce<Date | undefined>(
    (latest, a) =>
      a.submittedAt && (!latest || a.submittedAt > latest)
        ? a.submittedAt
        : latest,
    undefined,
  );
  const until = last && quiz.cooldownMinutes
    ? new Date(last.getTime() + quiz.cooldownMinutes * 60_000)
    : null;
  const opensAt = left !== 0 && until && until > now ? until : null;
  return { left, opensAt, canStart: left !== 0 && opensAt === null };
}

/** A lesson to review before retaking. */
export interface ReviewLesson {
  url: string;
  title: string;
}

/**
 * The lessons teaching the skills of the questions an attempt got wrong, in
 * course order, each once.
 */
export function lessonsToReview(
  result: Pick<AttemptResult, "questions">,
  questions: readonly Pick<Question, "id" | "skills">[],
  skills: Record<string, { lessons: ReviewLesson[] }>,
  courseOrder: readonly string[],
): ReviewLesson[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const urls = new Map<string, ReviewLesson>();
  for (const r of result.questions) {
    if (r.correct) continue;
    for (const s of byId.get(r.questionId)?.skills ?? []) {
      for (const l of skills[s]?.lessons ?? []) urls.set(l.url, l);
    }
  }
  const rank = (url: string) => {
    const i = courseOrder.indexOf(url);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...urls.values()].sort((a, b) => rank(a.url) - rank(b.url));
}
