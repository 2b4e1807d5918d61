import { AuditTable } from "@/components/admin/AuditTable.tsx";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";
import type { AdminHome as Data } from "@/lib/home/admin_home.ts";
import { ROLES } from "@/lib/identity/roles.ts";

/** The admin's home: users, teams, invitations and the latest audit entries. */
export function AdminHome(
  { data, t, lang }: { data: Data; t: Translate; lang: Language },
) {
  return (
    <section aria-labelledby="admin-heading">
      <h1 id="admin-heading">{t("home.admin.title")}</h1>
      <p class="lead">{t("home.admin.lead")}</p>
      <ul class="home-tiles">
        <li>
          <h2>
            <a href="/admin/users">{t("admin_nav.users")}</a>
          </h2>
          <p>
            {ROLES.map((r) => `${t(`role.${r}`)} ${data.users[r]}`).join(" · ")}
          </p>
          {data.disabled > 0 && (
            <p class="meta">
              {t("home.admin.disabled", { count: data.disabled })}
            </p>
          )}
        </li>
        <li>
          <h2>
            <a href="/admin/teams">{t("admin_nav.teams")}</a>
          </h2>
          <p>
            {t("home.admin.teams", {
              teams: data.teams,
              cohorts: data.cohorts,
            })}
          </p>
        </li>
        <li>
          <h2>
            <a href="/invitations">{t("nav.invitations")}</a>
          </h2>
          <p>
            {t("home.admin.pending", { count: data.pendingInvitations })}
          </p>
        </li>
        <li>
          <h2>
            <a href="/evaluation/kpi">{t("evaluator.nav.kpi")}</a>
          </h2>
          <p>
            <a href="/evaluation/settings">{t("evaluator.nav.loop")}</a>
          </p>
        </li>
      </ul>
      <h2>
        <a href="/admin/audit">{t("admin_nav.audit")}</a>
      </h2>
      {data.recent.length === 0
        ? <p class="meta">{t("admin.audit.empty.body")}</p>
        : (
          <AuditTable
            entries={data.recent}
            names={data.names}
            t={t}
            lang={lang}
          />
        )}
    </section>
  );
}
