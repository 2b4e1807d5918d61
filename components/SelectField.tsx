import type { ComponentChildren } from "preact";
import { FieldError } from "@/components/FieldError.tsx";

/**
 * A labelled select with its error line (the options are the children):
 * aria-invalid and aria-describedby tie the message to the select.
 */
export function SelectField(
  { id, name, label, error, describedBy, children }: {
    id: string;
    name: string;
    /** Already translated. */
    label: string;
    /** The field's translated problem, if any. */
    error?: string;
    /** Default: just the field's own error line. */
    describedBy?: string;
    children: ComponentChildren;
  },
) {
  return (
    <>
      <label for={id}>{label}</label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy ?? `${id}-error`}
      >
        {children}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </>
  );
}
