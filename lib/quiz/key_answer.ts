/**
 * The key of a question as an answer: what a learner who knows it would
 * submit. Seeds demo attempts and lets tests build passing answers from the
 * question definitions instead of copying keys by hand.
 */
import type { InlineQuestion } from "@/lib/content/schema.ts";
import type { Answer } from "./score.ts";

/**
 * The answer that scores full credit on `question`; for a written question
 * its model answer, which the content check requires to pass its rubric.
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { keyAnswer } from "@/lib/quiz/key_answer.ts";
 * const q = { type: "truefalse" as const, prompt: "p", explanation: "e", answer: false };
 * assert.deepEqual(keyAnswer(q), { type: "truefalse", value: false });
 * ```
 */
export function keyAnswer(question: InlineQuestion): Answer {
  switch (question.type) {
    case "single": {
      const key = question.options.find((o) => o.correct);
      if (!key) {
        throw new Error(
          `Cannot build the key of "${
            question.id ?? question.prompt
          }": it has no correct option`,
        );
      }
      return { type: "single", choice: key.id };
    }
    case "multiple":
      return {
        type: "multiple",
        choices: question.options.filter((o) => o.correct).map((o) => o.id),
      };
    case "truefalse":
      return { type: "truefalse", value: question.answer };
    case "ordering":
      return { type: "ordering", order: [...question.answer] };
    case "matching":
      return { type: "matching", pairs: { ...question.answer } };
    case "fillin":
      return { type: "fillin", text: question.answers[0] };
    case "written":
      return { type: "written", text: question.modelAnswer };
  }
}
