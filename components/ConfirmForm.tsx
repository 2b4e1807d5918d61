import type { ComponentChildren } from "preact";
import { CsrfField } from "@/components/CsrfField.tsx";

/**
 * A destructive action behind a disclosure: the summary opens it, the
 * question says what will happen, and only the danger button posts. Works
 * without JavaScript and by keyboard (details/summary). Visible fields the
 * action needs (a reason, a confirming checkbox) come as children.
 */
export function ConfirmForm(
  {
    summary,
    question,
    submit,
    fields,
    csrfToken,
    action,
    small,
    open,
    children,
  }: {
    /** All three already translated; no question when a field asks it. */
    summary: string;
    question?: string;
    submit: string;
    /** Hidden fields the handler needs (action, ids). */
    fields: Record<string, string>;
    csrfToken: string;
    /** Where to post, when not to this page. */
    action?: string;
    /** A small danger button, for a confirmation inside a list item. */
    small?: boolean;
    /** Open, to show a refused submission's messages. */
    open?: boolean;
    /** Visible fields, under the question. */
    children?: ComponentChildren;
  },
) {
  return (
    // Only an open one carries the attribute: the markup of a closed one
    // stays `<details class="confirm">`.
    <details class="confirm" {...(open ? { open } : {})}>
      <summary>{summary}</summary>
      <form method="post" action={action} class="stack">
        <CsrfField token={csrfToken} />
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {question && <p>{question}</p>}
        {children}
        <button type="submit" class={small ? "danger small" : "danger"}>
          {submit}
        </button>
      </form>
    </details>
  );
}
