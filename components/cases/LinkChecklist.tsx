/**
 * A folded list of checkboxes, one per linkable item (a lesson, a
 * scenario), with the group's problem beside it: the case form's links.
 */
export function LinkChecklist(
  { id, name, legend, items, checked, error }: {
    id: string;
    name: string;
    /** Already translated; the summary and the fieldset's legend. */
    legend: string;
    items: readonly { id: string; title: string }[];
    checked: readonly string[];
    /** The group's translated problem, if any. */
    error?: string;
  },
) {
  return (
    <>
      <details>
        <summary>{legend}</summary>
        <fieldset
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <legend class="sr-only">{legend}</legend>
          {items.map((item) => (
            <label key={item.id} class="check">
              <input
                type="checkbox"
                name={name}
                value={item.id}
                checked={checked.includes(item.id)}
              />{" "}
              {item.title}
            </label>
          ))}
        </fieldset>
      </details>
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </>
  );
}
