/**
 * Normalises a typed answer for comparison: full-width forms to half-width
 * (NFKC), lower case, and no whitespace or punctuation (ASCII or CJK).
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalizeAnswer } from "@/lib/quiz/normalize.ts";
 * assert.equal(normalizeAnswer(" ２４ 小时。"), "24小时");
 * ```
 */
export function normalizeAnswer(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
}
