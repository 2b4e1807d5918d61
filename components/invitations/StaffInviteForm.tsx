import { ActionForm } from "@/components/ActionForm.tsx";
import { SelectField } from "@/components/SelectField.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";
import { STAFF_INVITE_ROLES } from "@/lib/identity/invitations/invitation_store.ts";
import type { FormState } from "./InviteForm.tsx";
import { InviteeFields } from "./InviteeFields.tsx";

/** The admin's form for staff accounts: every role an invitation can make besides learner. */
export function StaffInviteForm(
  { t, csrfToken, form }: { t: Translate; csrfToken: string; form: FormState },
) {
  return (
    <ActionForm
      action="invite-staff"
      class="stack staff-invite"
      headingId="staff-heading"
      heading={t("staff.invite.title")}
      csrfToken={csrfToken}
    >
      <p class="meta">{t("staff.invite.lead")}</p>
      <SelectField
        id="staff-role"
        name="role"
        label={t("invitations.role")}
        error={form.errors.role ? t(form.errors.role) : undefined}
      >
        {STAFF_INVITE_ROLES.map((r) => (
          <option key={r} value={r} selected={form.values.role === r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </SelectField>
      <InviteeFields t={t} prefix="staff" form={form} />
      <button type="submit">{t("staff.invite.submit")}</button>
    </ActionForm>
  );
}
