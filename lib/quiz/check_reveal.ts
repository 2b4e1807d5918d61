/**
 * When an inline check shows what: a wrong first answer gets a hint (what kind
 * of mistake, never the key); the full explanation comes with a right answer,
 * on the second try, or when the learner asks for it ("查看解析"). Option
 * references in the explanation get the labels of the order shown.
 */
import type { InlineQuestion } from "@/lib/content/schema.ts";
import type { CheckFeedback } from "./check_feedback.ts";
import { type CheckHint, checkHint } from "./check_hint.ts";
import { labelOptionRefs } from "./option_labels.ts";
import type { Answer } from "./score.ts";

/** The tries after which the explanation is shown whatever the answer. */
export const EXPLAIN_AFTER_TRIES = 2;

/** Feedback as the learner gets it for this try. */
export interface ShownFeedback extends Omit<CheckFeedback, "explanation"> {
  explanation?: string;
  hint?: CheckHint;
}

/** Option ids in the order the learner sees them (empty for other types). */
export function shownOptionIds(
  shown: { type: string; options?: { id: string }[] },
): string[] {
  return shown.options?.map((o) => o.id) ?? [];
}

/**
 * Applies the reveal rule to graded feedback. `tries` counts this answer
 * (1 for the first).
 */
export function revealFeedback(
  question: InlineQuestion,
  answer: Answer,
  graded: CheckFeedback,
  tries: number,
  shownIds: readonly string[],
): ShownFeedback {
  const { explanation, ...rest } = graded;
  const explain = graded.result === "correct" || tries >= EXPLAIN_AFTER_TRIES;
  return {
    ...rest,
    ...(graded.result === "correct"
      ? {}
      : { hint: checkHint(question, answer) }),
    ...(explain && explanation
      ? { explanation: labelOptionRefs(explanation, shownIds) }
      : {}),
  };
}

/** The explanation on request, labelled for the order shown. */
export function explanationOf(
  question: InlineQuestion,
  shownIds: readonly string[],
): string {
  return labelOptionRefs(question.explanation ?? "", shownIds);
}
