/** Inputs of `single` (radio) and `multiple` (checkbox) questions. */
import type { FieldsProps } from "./fields_props.ts";
import type { PublicOf } from "./types.ts";
import { optionLabel } from "./option_label.ts";
import { promptParts } from "./prompt_parts.ts";

/** Radio buttons or checkboxes, labelled A, B, C… in the shown order. */
export function ChoiceFields(
  { question: q, name, answer, set, labels }: FieldsProps<
    PublicOf<"single" | "multiple">
  >,
) {
  const chosen = (answer.choices as string[] | undefined) ?? [];
  const options = q.options.map((o, i) => (
    <label class="option" key={o.id}>
      <input
        type={q.type === "single" ? "radio" : "checkbox"}
        name={name}
        value={o.id}
        checked={answer.choice === o.id || chosen.includes(o.id)}
        onChange={set &&
          ((e) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            if (q.type === "single") set({ choice: o.id });
            else {
              set({
                choices: on
                  ? [...chosen, o.id]
                  : chosen.filter((c) => c !== o.id),
              });
            }
          })}
      />
      <span class="option-label" aria-hidden="true">
        {optionLabel(i)}
      </span>
      <span>
        <span class="sr-only">{optionLabel(i)}.</span>
        {o.text}
      </span>
    </label>
  ));
  // The quiz page's fieldset already has the prompt as its legend.
  if (!set) return <>{options}</>;
  return (
    <fieldset>
      <legend class="sr-only">
        {promptParts(q.prompt).map((p) => p ?? labels.blank).join("")}
      </legend>
      {options}
    </fieldset>
  );
}
