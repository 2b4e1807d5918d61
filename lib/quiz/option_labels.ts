/**
 * Option labels (A, B, C…) follow the order the learner sees, which can be a
 * per-attempt shuffle. An explanation names an option as `[[id]]`
 * (lib/content/option_refs.ts) and the label is written here, from the shown
 * order.
 *
 * @module
 */
import { OPTION_REF } from "@/lib/content/option_refs.ts";
import { optionLabel } from "@/lib/question_types/common/option_label.ts";

export { optionLabel };

/**
 * Writes the shown label for every `[[id]]` in `text`, given the option ids in
 * the order the learner saw them. An id that is not shown stays as written
 * (content:check reports it before publishing).
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { labelOptionRefs } from "@/lib/quiz/option_labels.ts";
 * assert.equal(labelOptionRefs("[[c]] 贬低其他商品", ["c", "a", "b"]), "A 贬低其他商品");
 * ```
 */
export function labelOptionRefs(
  text: string,
  shownIds: readonly string[],
): string {
  if (!text.includes("[[")) return text;
  return text.replace(OPTION_REF, (whole, id: string) => {
    const i = shownIds.indexOf(id);
    return i < 0 ? whole : optionLabel(i);
  });
}
