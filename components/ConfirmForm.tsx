import { CsrfField } from "@/components/CsrfField.tsx";

/**
 * A destructive action behind a disclosure: the summary opens it, the
 * question says what will happen, and only the danger button posts. Works
 * without JavaScript and by keyboard (details/summary).
 */
export function ConfirmForm(
  { summary, question, submit, fields, csrfToken }: {
    /** All three already translated. */
    summary: string;
    question: string;
    submit: string;
    /** Hidden fields the handler needs (action, ids). */
    fields: Record<string, string>;
    csrfToken: string;
  },
) {
  return (
    <details class="confirm">
      <summary>{summary}</summary>
      <form method="post" class="stack">
        <CsrfField token={csrfToken} />
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <p>{question}</p>
        <button type="submit" class="danger">{submit}</button>
      </form>
    </details>
  );
}
