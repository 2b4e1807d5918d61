import { CsrfField } from "@/components/CsrfField.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { TextField } from "@/components/TextField.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { InviteField } from "@/lib/identity/invitations/invitation_form.ts";
import { STAFF_INVITE_ROLES } from "@/lib/identity/invitations/invitation_store.ts";
import type { FormState } from "./InviteForm.tsx";

/** The admin's form for staff accounts: every role an invitation can make besides learner. */
export function StaffInviteForm(
  { t, csrfToken, form: { values, errors } }: {
    t: Translate;
    csrfToken: string;
    form: FormState;
  },
) {
  const err = (f: InviteField) => errors[f] ? t(errors[f]!) : undefined;
  const field = (
    name: "name" | "email" | "phone",
    attrs: Record<string, unknown>,
  ) => (
    <TextField
      id={`staff-${name}`}
      name={name}
      label={t(`invitations.${name}`)}
      value={values[name] ?? ""}
      error={err(name)}
      describedBy={`staff-${name}-error staff-contact-error`}
      autocomplete="off"
      {...attrs}
    />
  );
  return (
    <form
      method="post"
      class="stack staff-invite"
      novalidate
      aria-labelledby="staff-heading"
    >
      <h2 id="staff-heading">{t("staff.invite.title")}</h2>
      <p class="meta">{t("staff.invite.lead")}</p>
      <CsrfField token={csrfToken} />
      <input type="hidden" name="action" value="invite-staff" />
      <label for="staff-role">{t("invitations.role")}</label>
      <select
        id="staff-role"
        name="role"
        aria-invalid={err("role") ? "true" : undefined}
        aria-describedby="staff-role-error"
      >
        {STAFF_INVITE_ROLES.map((r) => (
          <option key={r} value={r} selected={values.role === r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      <FieldError id="staff-role-error" message={err("role")} />
      {field("name", { maxLength: 50, required: true })}
      {field("email", { type: "email", maxLength: 254 })}
      {field("phone", { type: "tel", maxLength: 20 })}
      <FieldError id="staff-contact-error" message={err("contact")} />
      <button type="submit">{t("staff.invite.submit")}</button>
    </form>
  );
}
