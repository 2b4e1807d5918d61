import { UserStatus } from "@/components/admin/UserStatus.tsx";
import {
  formatDateTime,
  type Language,
  type Translate,
} from "@/lib/i18n/i18n.ts";
import { shownLogin } from "@/lib/identity/accounts/user_admin_form.ts";
import type { UserRow } from "@/lib/identity/accounts/user_list.ts";

/** Accounts with their login, role, state and last sign-in; each links to its page. */
export function UserTable(
  { rows, t, lang }: {
    rows: readonly UserRow[];
    t: Translate;
    lang: Language;
  },
) {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t("admin.users.col.name")}</th>
            <th scope="col">{t("admin.users.col.login")}</th>
            <th scope="col">{t("admin.users.col.role")}</th>
            <th scope="col">{t("admin.users.col.status")}</th>
            <th scope="col">{t("staff.users.col.last")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ user: u, lastSignIn }) => (
            <tr key={u.id}>
              <th scope="row">
                <a href={`/admin/users/${u.id}`}>
                  {u.anonymisedAt ? t("admin.users.anonymised_name") : u.name}
                </a>
              </th>
              <td class="user-login">{shownLogin(u) || "—"}</td>
              <td>{t(`role.${u.role}`)}</td>
              <td>
                <UserStatus user={u} t={t} />
              </td>
              <td>
                {lastSignIn
                  ? (
                    <time dateTime={lastSignIn.toISOString()}>
                      {formatDateTime(lang, lastSignIn)}
                    </time>
                  )
                  : <span class="meta">{t("staff.users.never")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
