import type { JSX } from "preact";
import { FieldError } from "@/components/FieldError.tsx";

/** What a TextAreaField takes besides the textarea's own attributes. */
export interface TextAreaFieldProps extends
  Omit<
    JSX.TextareaHTMLAttributes<HTMLTextAreaElement>,
    "label" | "id" | "value"
  > {
  id: string;
  name: string;
  /** Already translated. */
  label: string;
  value: string;
  /** The field's translated problem, if any. */
  error?: string;
  /** A translated hint under the label, read out with the field. */
  hint?: string;
}

/**
 * A labelled textarea with its hint and error line, tied to it with
 * aria-invalid and aria-describedby like TextField.
 */
export function TextAreaField(
  { id, name, label, value, error, hint, ...attrs }: TextAreaFieldProps,
) {
  return (
    <>
      <label for={id}>{label}</label>
      {hint && <p class="meta" id={`${id}-hint`}>{hint}</p>}
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={hint ? `${id}-hint ${id}-error` : `${id}-error`}
        {...attrs}
      >
        {value}
      </textarea>
      <FieldError id={`${id}-error`} message={error} />
    </>
  );
}
