import { SelectField } from "@/components/SelectField.tsx";
import type { FieldErrors } from "@/lib/forms/form.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { InviteField } from "@/lib/identity/invitations/invitation_form.ts";
import type { CohortOption } from "@/lib/identity/invitations/invitation_view.ts";
import type { Role } from "@/lib/identity/roles.ts";
import { CohortForm } from "./CohortForm.tsx";
import { InviteeFields } from "./InviteeFields.tsx";

/** Values and problems of one form after a refused submit. */
export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors<InviteField>;
}

/**
 * The form that invites one new hire into a cohort, and beside it the way
 * to import a whole class from a CSV file.
 */
export function InviteForm(
  { t, csrfToken, role, cohorts, form }: {
    t: Translate;
    csrfToken: string;
    /** The inviter's role, for the hint on who else can be invited. */
    role: Role;
    cohorts: readonly CohortOption[];
    form: FormState;
  },
) {
  const error = (f: InviteField) =>
    form.errors[f] ? t(form.errors[f]!) : undefined;
  return (
    <CohortForm
      t={t}
      csrfToken={csrfToken}
      action="invite"
      id="invite"
      heading={t("invitations.invite.title")}
      cohorts={cohorts}
      cohortId={form.values.cohortId}
      cohortError={error("cohortId")}
      aside={
        <aside class="notice">
          <h2>{t("invitations.import.cta_title")}</h2>
          <p>{t("invitations.import.cta_body")}</p>
          <p>
            <a class="button secondary" href="/invitations/import">
              {t("invitations.import.cta")}
            </a>
          </p>
          <p class="meta">{t("invitations.no_email")}</p>
        </aside>
      }
    >
      <InviteeFields
        t={t}
        prefix="invite"
        form={form}
        nameHint={t("invitations.name_hint")}
      />
      <p class="meta">{t("invitations.contact_hint")}</p>
      <SelectField
        id="invite-role"
        name="role"
        label={t("invitations.role")}
        error={error("role")}
        describedBy="invite-role-error invite-role-hint"
      >
        <option value="learner">{t("role.learner")}</option>
      </SelectField>
      <p id="invite-role-hint" class="meta">
        {t(
          role === "admin"
            ? "staff.invite.learner_hint_admin"
            : "staff.invite.learner_hint_manager",
        )}
      </p>
      <button type="submit">{t("invitations.invite.submit")}</button>
    </CohortForm>
  );
}
