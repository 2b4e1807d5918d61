/**
 * `truefalse`: 1 when the value equals the key, else 0. Form field `q.<id>`
 * = `true` / `false`.
 *
 * @module
 */
import type { QuestionTypeDef } from "../common/types.ts";
import { formString, ScoringInputError } from "../common/input.ts";

/** The `truefalse` question type. */
export const truefalse: QuestionTypeDef<"truefalse"> = {
  type: "truefalse",
  toPublic: (q) => ({ type: "truefalse", prompt: q.prompt }),
  fromForm(form, _q, field) {
    const v = formString(form, field);
    if (v === "true" || v === "false") {
      return { type: "truefalse", value: v === "true" };
    }
    if (v) {
      throw new ScoringInputError(`${field}: "${v}" is not true or false`, {
        field,
        value: v,
      });
    }
    return undefined;
  },
  score(q, { value }) {
    const ok = value === q.answer;
    return {
      points: ok ? 1 : 0,
      correct: ok,
      detail: { type: "truefalse", key: q.answer },
    };
  },
  keyAnswer: (q) => ({ type: "truefalse", value: q.answer }),
  wrongAnswer: (q) => ({ type: "truefalse", value: !q.answer }),
  hint: () => ({ kind: "truefalse" }),
  describeAnswer: (_q, a, words) => a.value ? words.true : words.false,
  describeKey: (q, words) => q.answer ? words.true : words.false,
  shownTexts: () => [],
  texts: () => [],
  check() {},
  analysisOptions: (q) => [
    { id: "true", text: "true", correct: q.answer },
    { id: "false", text: "false", correct: !q.answer },
  ],
  picks: (_q, a) => [String(a.value)],
};
