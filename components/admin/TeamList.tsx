import { EmptyState } from "@/components/EmptyState.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { TeamEntry } from "@/lib/identity/teams/team_directory.ts";

/** Every team with its managers and its cohorts (day of plan, members, mentor). */
export function TeamList(
  { teams, t }: { teams: readonly TeamEntry[]; t: Translate },
) {
  if (teams.length === 0) {
    return (
      <EmptyState title={t("teams.empty.title")}>
        {t("teams.empty.body")}
      </EmptyState>
    );
  }
  return (
    <>
      {teams.map((team) => (
        <article key={team.id} class="cohort">
          <header class="cohort-head">
            <h2>{team.name}</h2>
            <span class="meta">{team.id}</span>
            <span class="meta">
              {t("teams.managers", {
                names: team.managers.join("、") || t("teams.none"),
              })}
            </span>
          </header>
          {team.cohorts.length === 0
            ? <p class="meta">{t("team.no_cohorts")}</p>
            : (
              <div class="table-wrap">
                <table class="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("teams.col.cohort")}</th>
                      <th scope="col">{t("teams.col.start")}</th>
                      <th scope="col">{t("teams.col.day")}</th>
                      <th scope="col">{t("teams.col.members")}</th>
                      <th scope="col">{t("teams.col.mentor")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {team.cohorts.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">
                          <a
                            href={`/admin/cohorts/${encodeURIComponent(c.id)}`}
                          >
                            {c.name}
                          </a>
                        </th>
                        <td>
                          {c.startDate} <span class="meta">{c.timeZone}</span>
                        </td>
                        <td>{c.day}</td>
                        <td>{c.members}</td>
                        <td>{c.mentor ?? t("teams.none")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
        </article>
      ))}
    </>
  );
}
