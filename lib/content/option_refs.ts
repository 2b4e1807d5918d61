/**
 * How content names an option: by id as `[[b]]`, never by letter. The label
 * (A, B, C…) depends on the order the learner sees, which can be shuffled per
 * attempt, so it is written only when shown (lib/quiz/option_labels.ts).
 * content:check uses {@linkcode letterReferences} and {@linkcode optionRefs}.
 *
 * @module
 */

/** `[[id]]`: an option named by its id in an explanation. */
export const OPTION_REF = /\[\[\s*([A-Za-z0-9_-]+)\s*\]\]/g;

/** The ids named as `[[id]]` in `text`, in order. */
export function optionRefs(text: string): string[] {
  return [...text.matchAll(OPTION_REF)].map((m) => m[1]);
}

// A capital A-F standing alone and followed by a space, an enumeration comma
// or a bracket, the way an explanation names an option ("A 和 D", "A、B"):
const LETTER_REF = /(?<![A-Za-z0-9])([A-F])(?=[\s、，,。；;）)]|$)/g;
// A letter or an acronym used as a word in the prompt or an option ("B", "FBA").
const SUBJECT = /(?<![A-Za-z0-9])([A-Z]{1,5})(?![A-Za-z0-9])/g;

/**
 * Letters in `explanation` that name an option by its position ("A 和 D 讲
 * 的是…"): wrong as soon as options are shuffled. A letter that the prompt or
 * an option itself uses as a word or inside an acronym (F, B, A in a question
 * about FBA) is the subject matter, not a label, and is not reported.
 */
export function letterReferences(
  explanation: string,
  prompt: string,
  optionTexts: readonly string[],
): string[] {
  const words = new Set(
    [prompt, ...optionTexts].flatMap((t) =>
      [...t.matchAll(SUBJECT)].flatMap((m) => [...m[1]])
    ),
  );
  const found = [...explanation.matchAll(LETTER_REF)].map((m) => m[1])
    .filter((l) => l.charCodeAt(0) - 65 < optionTexts.length && !words.has(l));
  return [...new Set(found)];
}
