import type { ComponentChildren } from "preact";
import { CsrfField } from "@/components/CsrfField.tsx";

/**
 * A POST form named by its own heading, carrying the CSRF token and the
 * `action` field its handler dispatches on. Checks are the server's
 * (novalidate), so every problem comes back as a translated message.
 */
export function ActionForm(
  {
    action,
    headingId,
    heading,
    csrfToken,
    class: className = "stack",
    enctype,
    children,
  }: {
    /** The `action` field's value; none for a form with one purpose. */
    action?: string;
    headingId: string;
    /** Already translated. */
    heading: string;
    csrfToken: string;
    class?: string;
    enctype?: "multipart/form-data";
    children: ComponentChildren;
  },
) {
  return (
    <form
      method="post"
      enctype={enctype}
      class={className}
      novalidate
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{heading}</h2>
      <CsrfField token={csrfToken} />
      {action && <input type="hidden" name="action" value={action} />}
      {children}
    </form>
  );
}
