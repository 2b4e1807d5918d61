import { ActionForm } from "@/components/ActionForm.tsx";
import { ConfirmForm } from "@/components/ConfirmForm.tsx";
import { CsrfField } from "@/components/CsrfField.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { SelectField } from "@/components/SelectField.tsx";
import type { FieldErrors } from "@/lib/forms/form.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { MembershipLine } from "@/lib/identity/user_admin/user_admin.ts";
import type { UserActionField } from "@/lib/identity/accounts/user_admin_form.ts";
import type { PublicUser } from "@/lib/identity/accounts/user_store.ts";
import { type Role, ROLES } from "@/lib/identity/roles.ts";

/**
 * What an admin can do to another account: change its role (confirming
 * that a learner leaves their cohorts), disable or enable it (disabling
 * asks first), and the way to the deletion of its personal data.
 */
export function UserActions(
  { user: u, memberships, selectedRole, errors, t, csrfToken }: {
    user: PublicUser;
    memberships: readonly MembershipLine[];
    /** The role to show selected (the one asked for, after a refusal). */
    selectedRole: Role;
    errors: FieldErrors<UserActionField | "form">;
    t: Translate;
    csrfToken: string;
  },
) {
  const error = (f: UserActionField) => errors[f] ? t(errors[f]!) : undefined;
  return (
    <div class="admin-forms user-actions">
      <ActionForm
        action="role"
        headingId="role-form"
        heading={t("admin.user.role_form")}
        csrfToken={csrfToken}
      >
        <SelectField
          id="role"
          name="role"
          label={t("admin.user.role_label")}
          error={error("role")}
          describedBy="role-error role-hint"
        >
          {ROLES.map((r) => (
            <option key={r} value={r} selected={selectedRole === r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </SelectField>
        <p id="role-hint" class="meta">{t("admin.user.role_hint")}</p>
        {u.role === "learner" && memberships.length > 0 && (
          <>
            <label class="check-option">
              <input
                type="checkbox"
                name="endMemberships"
                value="yes"
                aria-invalid={errors.endMemberships ? "true" : undefined}
                aria-describedby="endMemberships-error"
              />{" "}
              {t("staff.role.end_memberships", {
                cohorts: memberships.map((m) => m.name).join("、"),
              })}
            </label>
            <FieldError
              id="endMemberships-error"
              message={error("endMemberships")}
            />
          </>
        )}
        <button type="submit">{t("admin.user.role_submit")}</button>
      </ActionForm>

      <div class="stack">
        <h2>
          {u.disabled
            ? t("admin.user.enable_form")
            : t("admin.user.disable_form")}
        </h2>
        <FieldError id="action-error" message={error("action")} />
        {u.disabled
          ? (
            <form method="post" class="stack">
              <CsrfField token={csrfToken} />
              <input type="hidden" name="action" value="enable" />
              <p class="meta">{t("admin.user.enable_hint")}</p>
              <button type="submit">{t("admin.user.enable_submit")}</button>
            </form>
          )
          : (
            <>
              <p class="meta">{t("admin.user.disable_hint")}</p>
              <ConfirmForm
                summary={t("admin.user.disable_form")}
                question={t("admin.user.disable_confirm", { name: u.name })}
                submit={t("admin.user.disable_submit")}
                fields={{ action: "disable" }}
                csrfToken={csrfToken}
              />
            </>
          )}
        <h2>{t("admin.user.delete_form")}</h2>
        <p class="meta">{t("admin.user.delete_hint")}</p>
        <p>
          <a class="button secondary" href={`/admin/users/${u.id}/delete`}>
            {t("admin.user.delete_link")}
          </a>
        </p>
      </div>
    </div>
  );
}
