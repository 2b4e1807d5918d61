import type { JSX } from "preact";
import { FieldError } from "@/components/FieldError.tsx";

/** What a TextField takes besides the input's own attributes. */
export interface TextFieldProps
  extends Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "label" | "id"> {
  id: string;
  name: string;
  /** Already translated. */
  label: string;
  /** None for a file input. */
  value?: string;
  /** The field's translated problem, if any. */
  error?: string;
  /** A translated hint under the label, read out with the field. */
  hint?: string;
  /** Default: the hint, if any, and the field's own error line. */
  describedBy?: string;
}

/**
 * A labelled input with its error line: aria-invalid and aria-describedby
 * tie the message to the input, as every form of the admin pages does.
 */
export function TextField(
  { id, name, label, value, error, hint, describedBy, ...attrs }:
    TextFieldProps,
) {
  return (
    <>
      <label for={id}>{label}</label>
      {hint && <p class="meta" id={`${id}-hint`}>{hint}</p>}
      <input
        id={id}
        name={name}
        value={value}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy ??
          (hint ? `${id}-hint ${id}-error` : `${id}-error`)}
        {...attrs}
      />
      <FieldError id={`${id}-error`} message={error} />
    </>
  );
}
