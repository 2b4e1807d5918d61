import type { FieldsProps } from "../common/fields_props.ts";
import type { PublicOf } from "../common/types.ts";

/** Input of a `fillin` question: one text box. */
export function FillinFields(
  { name, answer, set, labels }: FieldsProps<PublicOf<"fillin">>,
) {
  const value = (answer.text as string | undefined) ?? "";
  if (!set) {
    return (
      <input
        type="text"
        name={name}
        maxLength={200}
        aria-label={labels.fill}
        value={value}
      />
    );
  }
  return (
    <p>
      <input
        type="text"
        aria-label={labels.fill}
        maxLength={200}
        value={value}
        onInput={(e) =>
          set({ text: (e.currentTarget as HTMLInputElement).value })}
      />
    </p>
  );
}
