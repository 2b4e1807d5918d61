import { EmptyState } from "@/components/EmptyState.tsx";
import { standingCounts } from "@/components/team/StandingBadge.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { TeamSummary } from "@/lib/home/manager_home.ts";

/** The manager's home: their teams, each cohort's day and standing counts. */
export function ManagerHome(
  { teams, t }: { teams: TeamSummary[]; t: Translate },
) {
  return (
    <section aria-labelledby="manager-heading">
      <h1 id="manager-heading">{t("home.manager.title")}</h1>
      <p class="lead">{t("home.manager.lead")}</p>
      <p>
        <a href="/dashboard">{t("dash.link")}</a>
      </p>
      <p>
        <a class="button" href="/team">{t("home.manager.open_team")}</a>{" "}
        <a class="button secondary" href="/invitations">
          {t("nav.invitations")}
        </a>{" "}
        <a class="button secondary" href="/evaluation/kpi">
          {t("evaluator.nav.kpi")}
        </a>
      </p>
      {teams.length === 0 && (
        <EmptyState title={t("team.empty.title")}>
          {t("team.empty.body")}
        </EmptyState>
      )}
      {teams.map((team) => (
        <article key={team.id} class="cohort">
          <h2>{team.name}</h2>
          {team.cohorts.length === 0
            ? <p class="meta">{t("team.no_cohorts")}</p>
            : (
              <ul class="home-list">
                {team.cohorts.map((c) => (
                  <li key={c.id}>
                    <strong>{c.name}</strong>{" "}
                    <span class="meta">
                      {t("team.day", { day: c.day, total: c.planDays })} ·{" "}
                      {t("home.manager.members", { count: c.members })}
                    </span>
                    <br />
                    {standingCounts(t, c.counts)}
                  </li>
                ))}
              </ul>
            )}
        </article>
      ))}
    </section>
  );
}
