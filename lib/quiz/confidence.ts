/**
 * Confidence ratings: a quiz or exam whose YAML says `confidence: true` asks
 * the learner, beside each question, how sure they are. The rating is stored
 * with the answer, never changes the score, and goes into the question's
 * "answered" statement so the evaluator can compare confidence with
 * correctness (docs/evaluation.md, "Confidence versus correctness").
 *
 * Form fields (beside the answers of lib/quiz/answer_form.ts):
 *
 * | field      | value                           |
 * | ---------- | ------------------------------- |
 * | `c.<id>`   | `guess` / `likely` / `sure`     |
 *
 * A question left unrated is simply not rated; any other value is refused
 * with a {@link ConfidenceInputError} naming the field, and nothing is
 * stored.
 *
 * @module
 */
import { z } from "zod";
import type { Question } from "@/lib/content/schema.ts";
import { ScoringInputError } from "@/lib/question_types/common/input.ts";

/** The ratings a learner may give, least sure first. */
export const CONFIDENCE_LEVELS = ["guess", "likely", "sure"] as const;

/** One rating. */
export const ConfidenceLevelSchema = z.enum(CONFIDENCE_LEVELS);
export type ConfidenceLevel = z.infer<typeof ConfidenceLevelSchema>;

/** Ratings of an attempt, question id -> rating. */
export const ConfidenceMapSchema = z.record(z.string(), ConfidenceLevelSchema);
export type ConfidenceMap = z.infer<typeof ConfidenceMapSchema>;

/**
 * Each rating read as the chance the learner gives themselves of being
 * right: 猜的 is the chance level of a four-option question, 很有把握 about
 * nine in ten. The evaluator compares the mean of these with the share
 * actually correct.
 */
export const CONFIDENCE_VALUE: Readonly<Record<ConfidenceLevel, number>> = {
  guess: 0.25,
  likely: 0.6,
  sure: 0.9,
};

/** The form field of a question's rating. */
export function confidenceField(questionId: string): string {
  return `c.${questionId}`;
}

/**
 * A rating that is not one of {@link CONFIDENCE_LEVELS}, or a rating of a
 * question not in the attempt. `field` is `c.<questionId>`.
 */
export class ConfidenceInputError extends ScoringInputError {
  constructor(readonly questionId: string, value: unknown) {
    super(
      `${confidenceField(questionId)}: ${
        JSON.stringify(value)
      } is not a confidence rating`,
      { field: confidenceField(questionId), value, code: "answer-value" },
    );
    this.name = "ConfidenceInputError";
  }
}

/** Reads the ratings of `questions` from form fields; unrated ones are left out. */
export function confidenceFromForm(
  form: URLSearchParams | FormData,
  questions: readonly Pick<Question, "id">[],
): ConfidenceMap {
  const out: ConfidenceMap = {};
  for (const q of questions) {
    const values = form.getAll(confidenceField(q.id));
    if (values.length === 0 || (values.length === 1 && values[0] === "")) {
      continue;
    }
    const parsed = ConfidenceLevelSchema.safeParse(
      values.length === 1 ? values[0] : values,
    );
    if (!parsed.success) {
      throw new ConfidenceInputError(q.id, values.map(String).join(","));
    }
    out[q.id] = parsed.data;
  }
  return out;
}

/** Checks that every rating is of a question of the attempt and valid. */
export function validateConfidence(
  questions: readonly Pick<Question, "id">[],
  ratings: Record<string, unknown>,
): ConfidenceMap {
  const ids = new Set(questions.map((q) => q.id));
  for (const [id, value] of Object.entries(ratings)) {
    if (!ids.has(id) || !ConfidenceLevelSchema.safeParse(value).success) {
      throw new ConfidenceInputError(id, value);
    }
  }
  return ratings as ConfidenceMap;
}
