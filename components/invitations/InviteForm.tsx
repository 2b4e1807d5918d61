import { CsrfField } from "@/components/CsrfField.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { TextField } from "@/components/TextField.tsx";
import type { FieldErrors } from "@/lib/forms/form.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { InviteField } from "@/lib/identity/invitations/invitation_form.ts";
import type { CohortOption } from "@/lib/identity/invitations/invitation_view.ts";
import type { Role } from "@/lib/identity/roles.ts";
import { CohortSelect } from "./CohortSelect.tsx";

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
  { t, csrfToken, role, cohorts, form: { values, errors } }: {
    t: Translate;
    csrfToken: string;
    /** The inviter's role, for the hint on who else can be invited. */
    role: Role;
    cohorts: readonly CohortOption[];
    form: FormState;
  },
) {
  const error = (f: InviteField) => errors[f] ? t(errors[f]!) : undefined;
  const field = (
    name: "name" | "email" | "phone",
    attrs: Record<string, unknown>,
    describedBy?: string,
  ) => (
    <TextField
      id={`invite-${name}`}
      name={name}
      label={t(`invitations.${name}`)}
      value={values[name] ?? ""}
      error={error(name)}
      describedBy={describedBy}
      {...attrs}
    />
  );
  return (
    <div class="admin-forms invitation-forms">
      <form
        method="post"
        class="stack"
        novalidate
        aria-labelledby="invite-heading"
      >
        <h2 id="invite-heading">{t("invitations.invite.title")}</h2>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="action" value="invite" />
        <CohortSelect
          t={t}
          id="invite-cohortId"
          cohorts={cohorts}
          selected={values.cohortId}
          error={error("cohortId")}
        />
        {field("name", { maxLength: 50, required: true, autocomplete: "off" })}
        <p class="meta">{t("invitations.name_hint")}</p>
        {field(
          "email",
          { type: "email", maxLength: 254, autocomplete: "off" },
          "invite-email-error invite-contact-error",
        )}
        {field(
          "phone",
          { type: "tel", maxLength: 20, autocomplete: "off" },
          "invite-phone-error invite-contact-error",
        )}
        <FieldError id="invite-contact-error" message={error("contact")} />
        <p class="meta">{t("invitations.contact_hint")}</p>
        <label for="invite-role">{t("invitations.role")}</label>
        <select
          id="invite-role"
          name="role"
          aria-invalid={error("role") ? "true" : undefined}
          aria-describedby="invite-role-error invite-role-hint"
        >
          <option value="learner">{t("role.learner")}</option>
        </select>
        <FieldError id="invite-role-error" message={error("role")} />
        <p id="invite-role-hint" class="meta">
          {t(
            role === "admin"
              ? "staff.invite.learner_hint_admin"
              : "staff.invite.learner_hint_manager",
          )}
        </p>
        <button type="submit">{t("invitations.invite.submit")}</button>
      </form>
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
    </div>
  );
}
