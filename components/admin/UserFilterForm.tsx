import { FieldError } from "@/components/FieldError.tsx";
import type { FieldErrors } from "@/lib/forms/form.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { UserListField } from "@/lib/identity/accounts/user_list.ts";
import { type Role, ROLES } from "@/lib/identity/roles.ts";

/**
 * The user list's search and role filter, on one wrapping row (each error
 * line takes a row of its own below what it is about).
 */
export function UserFilterForm(
  { q, role, errors, t }: {
    q?: string;
    role?: Role;
    errors: FieldErrors<UserListField>;
    t: Translate;
  },
) {
  return (
    <form method="get" class="user-filter" novalidate>
      <label for="q">{t("staff.users.search")}</label>
      <input
        id="q"
        name="q"
        type="search"
        value={q ?? ""}
        maxLength={100}
        aria-invalid={errors.q ? "true" : undefined}
        aria-describedby="q-error q-hint"
      />
      <p id="q-hint" class="meta">{t("staff.users.search_hint")}</p>
      <FieldError id="q-error" message={errors.q ? t(errors.q) : undefined} />
      <label for="role">{t("admin.users.filter")}</label>
      <select
        id="role"
        name="role"
        aria-invalid={errors.role ? "true" : undefined}
        aria-describedby="role-error"
      >
        <option value="">{t("admin.users.filter_all")}</option>
        {ROLES.map((r) => (
          <option key={r} value={r} selected={role === r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary">
        {t("admin.users.filter_submit")}
      </button>
      <FieldError
        id="role-error"
        message={errors.role ? t(errors.role) : undefined}
      />
    </form>
  );
}
