import { UserStatus } from "@/components/admin/UserStatus.tsx";
import { formatDate, type Language, type Translate } from "@/lib/i18n/i18n.ts";
import type { MembershipLine } from "@/lib/identity/user_admin/user_admin.ts";
import type { PublicUser } from "@/lib/identity/accounts/user_store.ts";

/** One account as the admin reads it: name, logins, role, state, cohorts. */
export function UserRecord(
  { user: u, memberships, t, lang }: {
    user: PublicUser;
    memberships: readonly MembershipLine[];
    t: Translate;
    lang: Language;
  },
) {
  return (
    <dl class="record">
      {!u.anonymisedAt && (
        <>
          <dt>{t("admin.user.name")}</dt>
          <dd>{u.name}</dd>
        </>
      )}
      {u.email && (
        <>
          <dt>{t("admin.user.email")}</dt>
          <dd class="user-login">{u.email}</dd>
        </>
      )}
      {u.phone && (
        <>
          <dt>{t("admin.user.phone")}</dt>
          <dd class="user-login">{u.phone}</dd>
        </>
      )}
      <dt>{t("admin.user.role")}</dt>
      <dd>{t(`role.${u.role}`)}</dd>
      <dt>{t("admin.user.status")}</dt>
      <dd>
        <UserStatus user={u} t={t} />
      </dd>
      <dt>{t("admin.user.since")}</dt>
      <dd>{formatDate(lang, u.createdAt)}</dd>
      <dt>{t("admin.user.id")}</dt>
      <dd>
        <code class="audit-id">{u.id}</code>
      </dd>
      <dt>{t("admin.user.cohorts")}</dt>
      <dd>
        {memberships.length === 0 ? t("admin.user.no_cohort") : (
          <ul>
            {memberships.map((m) => (
              <li key={m.cohortId}>
                {m.startDate
                  ? t("admin.user.cohort_line", {
                    name: m.name,
                    date: m.startDate,
                  })
                  : m.name}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
