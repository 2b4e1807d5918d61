/**
 * Scoring of one question, server-side and pure: it depends only on the
 * published question and the answer, so the same function grades a live
 * attempt, an inline check, a replay and a rebuild. Every question is worth
 * one point; `points` is the fraction of it earned (0..1) and `correct`
 * means full credit.
 *
 * The scoring rules:
 *
 * - **single**: 1 for the correct option, else 0.
 * - **multiple**: each correct option chosen earns an equal share
 *   (1 / number of correct options); each wrong option chosen cancels one
 *   share; never below 0. Full credit only for exactly the correct set. An
 *   empty answer scores 0.
 * - **truefalse**: 1 when the value equals the key, else 0.
 * - **ordering**: by pairs in the right relative order: the fraction of the
 *   n(n-1)/2 item pairs whose order matches the key. The key order scores 1,
 *   the reversed order 0, one adjacent swap 1 - 1/(n(n-1)/2). The answer
 *   must place every item exactly once.
 * - **matching**: the fraction of left items matched to their key's right
 *   item. Left items left unmatched count as wrong; two left items may name
 *   the same right item.
 * - **fillin**: 1 when {@link normalizeAnswer} of the text (width, case,
 *   spaces, punctuation) equals that of any accepted answer, else 0. A text
 *   that normalises to nothing scores 0.
 * - **written**: graded by the question's rubric with
 *   {@link gradeReply}: points = rubric score / 100, correct = the rubric
 *   passed.
 *
 * Each type's rule lives in its folder under lib/question_types/; this
 * module checks the answer's type and shape and dispatches.
 *
 * An answer for another question type, of the wrong shape, naming an option
 * or item the question does not have, or naming one twice, throws
 * {@link ScoringInputError}; its message names the field and the bad value
 * (routes answer 422). A question that cannot be scored as authored (no
 * correct option, a key naming a missing item, a rubric not supplied) is a
 * content error and throws a plain `Error`.
 *
 * @module
 */
import type { InlineQuestion } from "@/lib/content/schema.ts";
import { typeOf } from "@/lib/question_types/registry.ts";
import { parseAnswer } from "@/lib/question_types/common/input.ts";
import type {
  QuestionScore,
  ScoreOptions,
} from "@/lib/question_types/common/types.ts";

// The answer shapes live with the question shapes (one file per type); the
// per-type schemas are read from there, not through here.
export { type Answer, AnswerSchema } from "@/lib/content/question_shapes.ts";
export { ScoringInputError } from "@/lib/question_types/common/input.ts";
export type {
  AnswerFor,
  QuestionScore,
  QuestionType,
  ScoreDetail,
  ScoreOptions,
} from "@/lib/question_types/common/types.ts";
import type { Answer } from "@/lib/content/question_shapes.ts";

/**
 * Scores `answer` against `question` by the rules in this module's
 * documentation. A written question needs its rubric in `options.rubrics`.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { scoreQuestion } from "@/lib/quiz/score.ts";
 * const question = {
 *   type: "ordering" as const,
 *   prompt: "投诉处理的顺序",
 *   explanation: "先情绪后事情",
 *   items: [{ id: "a", text: "道歉" }, { id: "b", text: "确认" }, { id: "c", text: "方案" }],
 *   answer: ["a", "b", "c"],
 * };
 * const score = scoreQuestion(question, { type: "ordering", order: ["b", "a", "c"] });
 * assert.equal(score.points, 2 / 3); // 2 of the 3 pairs in order
 * assert.equal(score.correct, false);
 * ```
 */
export function scoreQuestion(
  question: InlineQuestion,
  answer: Answer,
  options: ScoreOptions = {},
): QuestionScore {
  const def = typeOf(question);
  return def.score(question, parseAnswer(question, answer), options);
}
