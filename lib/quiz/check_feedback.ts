/**
 * Grades an inline (formative) knowledge check: unlimited tries, nothing is
 * stored, and the feedback carries the explanation once an answer is in.
 */
import type { InlineQuestion, Rubric } from "@/lib/content/schema.ts";
import { gradeReply, verdictLines } from "@/lib/rubric/rubric.ts";
import { verdictView } from "@/lib/rubric/verdict_view.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import { type Answer, scoreQuestion, ScoringInputError } from "./score.ts";

/** What the learner sees after answering. */
export interface CheckFeedback {
  result: "correct" | "partial" | "wrong";
  explanation?: string;
  /** Rubric criteria, for written replies. */
  criteria?: { label: string; passed: boolean; reason: string }[];
}

/**
 * Grades `answer` against `question`; throws ScoringInputError for a
 * malformed answer. Rubric lines come translated with `t`.
 */
export function gradeInlineCheck(
  question: InlineQuestion,
  answer: Answer,
  rubrics: readonly Rubric[],
  t: Translate,
): CheckFeedback {
  if (answer.type !== question.type) {
    throw new ScoringInputError(
      `answer.type: expected "${question.type}", got "${answer.type}"`,
      { field: "answer.type", value: answer.type },
    );
  }
  if (question.type === "written") {
    const rubric = rubrics.find((r) => r.id === question.rubric);
    if (!rubric) {
      throw new Error(
        `Cannot grade question: rubric "${question.rubric}" is not in this course version`,
      );
    }
    const graded = gradeReply(rubric, (answer as { text: string }).text);
    return {
      result: graded.passed
        ? "correct"
        : graded.score > 0
        ? "partial"
        : "wrong",
      explanation: question.explanation,
      criteria: verdictView(verdictLines(graded), t).map((c) => ({
        label: c.title,
        passed: c.passed,
        reason: c.reason,
      })),
    };
  }
  const score = scoreQuestion(question, answer);
  return {
    result: score.correct ? "correct" : score.points > 0 ? "partial" : "wrong",
    explanation: question.explanation,
  };
}
