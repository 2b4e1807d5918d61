/** A field's error message, tied to the input with aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return (
    <p id={id} class="field-error" role={message ? "alert" : undefined}>
      {message ?? ""}
    </p>
  );
}
