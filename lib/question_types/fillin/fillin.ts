/**
 * `fillin`: 1 when {@link normalizeAnswer} of the text (width, case, spaces,
 * punctuation) equals that of any accepted answer, else 0. A text that
 * normalises to nothing scores 0. Form field `q.<id>` = text.
 *
 * @module
 */
import type { QuestionTypeDef } from "../common/types.ts";
import { msg } from "@/lib/content/source.ts";
import { formString, ScoringInputError } from "../common/input.ts";
import { normalizeAnswer } from "./normalize.ts";

/** Longest free text accepted in a quiz answer. */
export const MAX_TEXT_ANSWER = 2000;

/** Reads a free-text answer field, trimmed and capped (fillin and written). */
export function textFromForm(
  form: { get(name: string): FormDataEntryValue | null },
  field: string,
): string | undefined {
  const v = formString(form, field)?.trim();
  if (!v) return undefined;
  if (v.length > MAX_TEXT_ANSWER) {
    throw new ScoringInputError(
      `${field}: the answer is ${v.length} characters; at most ${MAX_TEXT_ANSWER} are accepted`,
      { field, code: "reply-too-long", params: { max: MAX_TEXT_ANSWER } },
    );
  }
  return v;
}

/** The `fillin` question type. */
export const fillin: QuestionTypeDef<"fillin"> = {
  type: "fillin",
  toPublic: (q) => ({ type: "fillin", prompt: q.prompt }),
  fromForm(form, _q, field) {
    const text = textFromForm(form, field);
    return text === undefined ? undefined : { type: "fillin", text };
  },
  score(q, { text }) {
    const normalized = normalizeAnswer(text);
    const accepted = normalized === ""
      ? undefined
      : q.answers.find((a) => normalizeAnswer(a) === normalized);
    const ok = accepted !== undefined;
    return {
      points: ok ? 1 : 0,
      correct: ok,
      detail: { type: "fillin", normalized, ...(ok ? { accepted } : {}) },
    };
  },
  keyAnswer: (q) => ({ type: "fillin", text: q.answers[0] }),
  wrongAnswer: () => ({ type: "fillin", text: "不记得了" }),
  hint: () => ({ kind: "fillin" }),
  describeAnswer: (_q, a) => a.text,
  describeKey: (q) => q.answers.join(" / "),
  shownTexts: () => [],
  texts: (q) => [...q.answers],
  check(q, ctx) {
    const blanks = q.prompt.match(/_{4,}/g)?.length ?? 0;
    if (blanks !== 1) {
      ctx.add(
        ["prompt"],
        msg("problem.question.fillin_blanks", { found: blanks }),
      );
    }
  },
  analysisOptions: () => [],
  picks: () => [],
};
