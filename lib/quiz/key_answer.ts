/**
 * The key of a question as an answer: what a learner who knows it would
 * submit. Seeds demo attempts and lets tests build passing answers from the
 * question definitions instead of copying keys by hand.
 */
import type { InlineQuestion } from "@/lib/content/schema.ts";
import { typeOf } from "@/lib/question_types/registry.ts";
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
  return typeOf(question).keyAnswer(question);
}

/** An answer that earns no credit: what a learner who mixed it up would give. */
export function wrongAnswer(question: InlineQuestion): Answer {
  return typeOf(question).wrongAnswer(question);
}
