/**
 * Quiz answers travel as ordinary form fields, so the quiz works without
 * JavaScript and the autosave island can post the same fields:
 *
 * | type       | field(s)                          | value                   |
 * | ---------- | --------------------------------- | ----------------------- |
 * | single     | `q.<id>`                          | option id               |
 * | multiple   | `q.<id>` (repeated)               | option ids              |
 * | truefalse  | `q.<id>`                          | `true` / `false`        |
 * | ordering   | `q.<id>.<itemId>`                 | position 1..n           |
 * | matching   | `q.<id>.<leftId>`                 | right id                |
 * | fillin     | `q.<id>`                          | text                    |
 * | written    | `q.<id>`                          | text                    |
 *
 * Unanswered questions are left out. Malformed values raise
 * ScoringInputError naming the field.
 */
import type { Question } from "@/lib/content/schema.ts";
import { typeOf } from "@/lib/question_types/registry.ts";
import type { Answer } from "./score.ts";

export { MAX_TEXT_ANSWER } from "@/lib/question_types/fillin/fillin.ts";

/** Reads answers for `questions` from form fields (each type's `fromForm`). */
export function answersFromForm(
  form: URLSearchParams | FormData,
  questions: readonly Question[],
): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const q of questions) {
    const answer = typeOf(q).fromForm(form, q, `q.${q.id}`);
    if (answer) answers[q.id] = answer;
  }
  return answers;
}
