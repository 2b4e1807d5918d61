/**
 * Questions the quiz engine's tests draw from. Test-only: no module of the
 * app imports it.
 *
 * @module
 */
import { type Question, QuestionSchema } from "@/lib/content/schema.ts";

/**
 * Single-choice questions `q<n>` of module "basics" (skill "empathy"), one
 * for each `n`: options a "甲", b "乙" (the right one), c "丙".
 */
export function singleChoiceQuestions(numbers: readonly number[]): Question[] {
  return numbers.map((n) =>
    QuestionSchema.parse({
      id: `q${n}`,
      type: "single",
      module: "basics",
      skills: ["empathy"],
      difficulty: 1,
      prompt: `第 ${n} 题`,
      explanation: "乙是对的。",
      options: [
        { id: "a", text: "甲" },
        { id: "b", text: "乙", correct: true },
        { id: "c", text: "丙" },
      ],
    })
  );
}
