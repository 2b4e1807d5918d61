import type { ComponentChildren } from "preact";
import { ActionForm } from "@/components/ActionForm.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { CohortOption } from "@/lib/identity/invitations/invitation_view.ts";
import { CohortSelect } from "./CohortSelect.tsx";

/**
 * A form that brings people into a cohort (invite one, import a class):
 * its heading, the cohort picker first, then the form's own fields, and
 * beside it the aside that explains or links onward.
 */
export function CohortForm(
  {
    t,
    csrfToken,
    action,
    enctype,
    id,
    heading,
    cohorts,
    cohortId,
    cohortError,
    aside,
    children,
  }: {
    t: Translate;
    csrfToken: string;
    /** The `action` field's value, if the page has several forms. */
    action?: string;
    enctype?: "multipart/form-data";
    /** Prefix of the form's ids: `${id}-heading`, `${id}-cohortId`. */
    id: string;
    /** Already translated. */
    heading: string;
    cohorts: readonly CohortOption[];
    cohortId: string | undefined;
    /** The cohort's translated problem, if any. */
    cohortError?: string;
    aside: ComponentChildren;
    children: ComponentChildren;
  },
) {
  return (
    <div class="admin-forms invitation-forms">
      <ActionForm
        action={action}
        enctype={enctype}
        headingId={`${id}-heading`}
        heading={heading}
        csrfToken={csrfToken}
      >
        <CohortSelect
          t={t}
          id={`${id}-cohortId`}
          cohorts={cohorts}
          selected={cohortId}
          error={cohortError}
        />
        {children}
      </ActionForm>
      {aside}
    </div>
  );
}
