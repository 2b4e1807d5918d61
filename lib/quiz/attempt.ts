/**
 * A summative quiz attempt and its grading. Grading is a pure function of
 * the published questions and the answers, so live submissions, replays and
 * rebuilds agree.
 */
import { z } from "zod";
import type { Question, Rubric } from "@/lib/content/schema.ts";
import { gradeReply } from "@/lib/rubric/rubric.ts";
import {
  type Answer,
  AnswerSchema,
  scoreQuestion,
  ScoringInputError,
} from "./score.ts";
import { ConfidenceMapSchema } from "./confidence.ts";

/** Seconds after the deadline in which a submission still counts (network slack). */
export const DEADLINE_GRACE_SECONDS = 30;

/** One question's outcome in a graded attempt. */
export const QuestionResultSchema = z.object({
  questionId: z.string(),
  points: z.number().min(0).max(1),
  correct: z.boolean(),
  answered: z.boolean(),
});
export type QuestionResult = z.infer<typeof QuestionResultSchema>;

/** The graded outcome of an attempt. */
export const AttemptResultSchema = z.object({
  points: z.number().min(0),
  max: z.number().int().min(1),
  percent: z.number().min(0).max(100),
  passed: z.boolean(),
  timeExpired: z.boolean(),
  questions: z.array(QuestionResultSchema),
});
export type AttemptResult = z.infer<typeof AttemptResultSchema>;

/** A module quiz attempt as stored. */
export const AttemptSchema = z.object({
  id: z.string().min(1),
  learnerId: z.string().min(1),
  courseId: z.string().min(1),
  version: z.number().int().min(1),
  moduleId: z.string().min(1),
  questionIds: z.array(z.string()).min(1),
  /** Seeds the option shuffles, so a resumed attempt looks the same. */
  seed: z.string(),
  passPercent: z.number().min(0).max(100),
  status: z.enum(["open", "submitted"]),
  startedAt: z.date(),
  deadline: z.date().nullable(),
  answers: z.record(z.string(), AnswerSchema),
  /**
   * Confidence ratings (question id -> rating), only when the quiz or exam
   * asks for them; never part of the score.
   */
  confidence: ConfidenceMapSchema.optional(),
  submittedAt: z.date().optional(),
  idempotencyKey: z.string().optional(),
  result: AttemptResultSchema.optional(),
});
export type Attempt = z.infer<typeof AttemptSchema>;

/** True when `now` is past the deadline and its grace period. */
export function isExpired(
  attempt: Pick<Attempt, "deadline">,
  now: Date,
): boolean {
  return attempt.deadline !== null &&
    now.getTime() > attempt.deadline.getTime() + DEADLINE_GRACE_SECONDS * 1000;
}

/**
 * Checks answers against the attempt's questions: each key must be one of
 * its questions and each answer of that question's type. Throws
 * ScoringInputError naming the field.
 */
export function validateAnswers(
  questions: readonly Question[],
  answers: Record<string, Answer>,
): void {
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [id, answer] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) {
      throw new ScoringInputError(
        `answers.${id}: "${id}" is not a question of this attempt`,
        { field: `answers.${id}`, value: id },
      );
    }
    if (answer.type !== q.type) {
      throw new ScoringInputError(
        `answers.${id}.type: expected "${q.type}", got "${answer.type}"`,
        { field: `answers.${id}.type`, value: answer.type },
      );
    }
  }
}

/**
 * Grades answers (missing answers score 0). Each question is worth one
 * point; written answers earn their rubric score as a fraction.
 */
export function gradeAttempt(
  questions: readonly Question[],
  answers: Record<string, Answer>,
  rubrics: readonly Rubric[],
  passPercent: number,
  timeExpired: boolean,
): AttemptResult {
  validateAnswers(questions, answers);
  const results = questions.map((q): QuestionResult => {
    const answer = answers[q.id];
    if (!answer) {
      return { questionId: q.id, points: 0, correct: false, answered: false };
    }
    if (q.type === "written") {
      const rubric = rubrics.find((r) => r.id === q.rubric);
      if (!rubric) {
        throw new Error(
          `Cannot grade "${q.id}": rubric "${q.rubric}" is missing`,
        );
      }
      const graded = gradeReply(rubric, (answer as { text: string }).text);
      return {
        questionId: q.id,
        points: graded.score / 100,
        correct: graded.passed,
        answered: true,
      };
    }
    const s = scoreQuestion(q, answer);
    return {
      questionId: q.id,
      points: s.points,
      correct: s.correct,
      answered: true,
    };
  });
  const points = Math.round(results.reduce((n, r) => n + r.points, 0) * 100) /
    100;
  const percent = Math.round((100 * points) / questions.length);
  return {
    points,
    max: questions.length,
    percent,
    passed: percent >= passPercent,
    timeExpired,
    questions: results,
  };
}
