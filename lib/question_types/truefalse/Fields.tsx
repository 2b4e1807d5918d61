import type { FieldsProps } from "../common/fields_props.ts";
import type { PublicOf } from "../common/types.ts";

/** Inputs of a `truefalse` question: two radio buttons. */
export function TrueFalseFields(
  { name, answer, set, labels }: FieldsProps<PublicOf<"truefalse">>,
) {
  const options = [true, false].map((v) => (
    <label class="option" key={String(v)}>
      <input
        type="radio"
        name={name}
        value={set ? undefined : String(v)}
        checked={answer.value === v}
        onChange={set && (() =>
          set({ value: v }))}
      />
      <span>{v ? labels.true : labels.false}</span>
    </label>
  ));
  return set ? <fieldset>{options}</fieldset> : <>{options}</>;
}
