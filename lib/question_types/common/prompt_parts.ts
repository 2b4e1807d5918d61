/**
 * A question prompt cut at its fill-in blanks (`____`, three or more
 * underscores): text parts, and `null` where a blank is drawn, so pages show
 * a blank line instead of underscores.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { promptParts } from "@/lib/question_types/common/prompt_parts.ts";
 * assert.deepEqual(promptParts("是老顾客的____倍。"), ["是老顾客的", null, "倍。"]);
 * ```
 */
export function promptParts(prompt: string): (string | null)[] {
  const parts: (string | null)[] = [];
  for (const [i, piece] of prompt.split(/_{3,}/).entries()) {
    if (i > 0) parts.push(null);
    if (piece) parts.push(piece);
  }
  return parts;
}
