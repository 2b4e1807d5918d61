/**
 * Normalisation of typed answers, so that width, case, spacing and
 * punctuation never decide whether a fill-in answer is right.
 *
 * @module
 */

// Whitespace (including the ideographic space U+3000), every Unicode
// punctuation (ASCII `,.;:?!()`, CJK `,。、;:?!“”‘’()【】《》…—`) and symbol
// (`+`, `~`, `¥`, emoji) character, and invisible format characters such as
// the zero-width space a copy-paste brings along.
const NOISE = /[\s\p{P}\p{S}\p{Cf}]+/gu;

/**
 * Normalises a typed answer for comparison: NFKC (full-width letters, digits
 * and punctuation become half-width), lower case, then every whitespace,
 * punctuation and symbol character removed.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalizeAnswer } from "@/lib/question_types/fillin/normalize.ts";
 * assert.equal(normalizeAnswer(" ２４ 小时。"), "24小时");
 * assert.equal(normalizeAnswer("《ＦＢＡ》推荐法!"), "fba推荐法");
 * ```
 */
export function normalizeAnswer(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(NOISE, "");
}
