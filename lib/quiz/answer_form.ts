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
import { type Answer, ScoringInputError } from "./score.ts";

/** Longest free text accepted in a quiz answer. */
export const MAX_TEXT_ANSWER = 2000;

/** Reads answers for `questions` from form fields. */
export function answersFromForm(
  form: URLSearchParams | FormData,
  questions: readonly Question[],
): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  const get = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : null;
  };
  for (const q of questions) {
    const field = `q.${q.id}`;
    switch (q.type) {
      case "single": {
        const v = get(field);
        if (v) answers[q.id] = { type: "single", choice: v };
        break;
      }
      case "multiple": {
        const values = form.getAll(field).filter((v): v is string =>
          typeof v === "string" && v !== ""
        );
        if (values.length) {
          answers[q.id] = { type: "multiple", choices: values };
        }
        break;
      }
      case "truefalse": {
        const v = get(field);
        if (v === "true" || v === "false") {
          answers[q.id] = { type: "truefalse", value: v === "true" };
        } else if (v) {
          throw new ScoringInputError(`${field}: "${v}" is not true or false`, {
            field,
            value: v,
          });
        }
        break;
      }
      case "ordering": {
        const positions = q.items.map((item) =>
          [item.id, get(`${field}.${item.id}`)] as const
        );
        if (positions.every(([, p]) => !p)) break;
        const order: string[] = [];
        for (const [id, p] of positions) {
          const n = Number(p);
          if (!Number.isInteger(n) || n < 1 || n > q.items.length) {
            throw new ScoringInputError(
              `${field}.${id}: position "${
                p ?? ""
              }" must be 1 to ${q.items.length}`,
              { field: `${field}.${id}`, value: p ?? "" },
            );
          }
          if (order[n - 1]) {
            throw new ScoringInputError(
              `${field}.${id}: position ${n} is used twice`,
              { field: `${field}.${id}`, value: n },
            );
          }
          order[n - 1] = id;
        }
        answers[q.id] = { type: "ordering", order };
        break;
      }
      case "matching": {
        const pairs: Record<string, string> = {};
        for (const l of q.left) {
          const v = get(`${field}.${l.id}`);
          if (v) pairs[l.id] = v;
        }
        if (Object.keys(pairs).length) {
          answers[q.id] = { type: "matching", pairs };
        }
        break;
      }
      case "fillin":
      case "written": {
        const v = get(field)?.trim();
        if (!v) break;
        if (v.length > MAX_TEXT_ANSWER) {
          throw new ScoringInputError(
            `${field}: the answer is ${v.length} characters; at most ${MAX_TEXT_ANSWER} are accepted`,
            {
              field,
              code: "reply-too-long",
              params: { max: MAX_TEXT_ANSWER },
            },
          );
        }
        answers[q.id] = { type: q.type, text: v };
        break;
      }
    }
  }
  return answers;
}
