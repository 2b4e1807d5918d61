/** The label of the option shown at `index` (0 → "A"). */
export function optionLabel(index: number): string {
  return String.fromCharCode(65 + index);
}

/** The text of the item with `id` (the id itself when it is not there). */
export const itemText = (items: { id: string; text: string }[], id: string) =>
  items.find((i) => i.id === id)?.text ?? id;

/** An option as the learner saw it: its shown label, then its text. */
export function labelledItem(
  items: { id: string; text: string }[],
  id: string,
  shownIds: readonly string[],
): string {
  const i = shownIds.indexOf(id);
  return i < 0
    ? itemText(items, id)
    : `${optionLabel(i)}. ${itemText(items, id)}`;
}
