import type { FieldsProps } from "../common/fields_props.ts";
import type { PublicOf } from "../common/types.ts";

/** Input of a `written` question: a reply box. */
export function WrittenFields(
  { name, answer, set, labels }: FieldsProps<PublicOf<"written">>,
) {
  const value = (answer.text as string | undefined) ?? "";
  if (!set) {
    return (
      <textarea
        name={name}
        rows={4}
        maxLength={2000}
        aria-label={labels.placeholder}
      >
        {value}
      </textarea>
    );
  }
  return (
    <p>
      <textarea
        rows={4}
        maxLength={2000}
        aria-label={labels.placeholder}
        placeholder={labels.placeholder}
        value={value}
        onInput={(e) =>
          set({ text: (e.currentTarget as HTMLTextAreaElement).value })}
      />
    </p>
  );
}
