import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { EmptyState } from "@/components/EmptyState.tsx";
import {
  StandingBadge,
  standingCounts,
} from "@/components/team/StandingBadge.tsx";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDate, formatDateTime } from "@/lib/i18n/i18n.ts";
import {
  type CohortProgress,
  type TeamProgress,
  teamProgress,
} from "@/lib/learning/team_progress.ts";

export const handler: Handlers<TeamProgress[], SignedInState> = {
  async GET(_req, ctx) {
    const { id, role } = ctx.state.user;
    return ctx.render(
      await teamProgress(ctx.state.kv, { id, role }, new Date()),
    );
  },
};

function dayLabel(c: CohortProgress, state: SignedInState): string {
  const { t, lang } = state;
  if (c.day < 1) {
    return t("team.before_start", {
      date: formatDate(lang, new Date(`${c.startDate}T00:00:00+08:00`)),
    });
  }
  if (c.day > c.planDays) return t("team.after_plan");
  return t("team.day", { day: c.day, total: c.planDays });
}

export default function TeamPage(
  { data, state }: PageProps<TeamProgress[], SignedInState>,
) {
  const { t, lang } = state;
  return (
    <section>
      <Head>
        <title>{`${t("team.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1>{t("team.title")}</h1>
      <p class="lead">{t("team.lead")}</p>
      <p>
        <a href="/dashboard">{t("dash.link")}</a>
      </p>
      {data.length === 0 && (
        <EmptyState title={t("team.empty.title")}>
          {t("team.empty.body")}
        </EmptyState>
      )}
      {data.map((team) => (
        <section key={team.id} class="team" aria-labelledby={`team-${team.id}`}>
          <h2 id={`team-${team.id}`}>{team.name}</h2>
          {team.cohorts.length === 0 && (
            <p class="meta">{t("team.no_cohorts")}</p>
          )}
          {team.cohorts.map((c) => (
            <article
              key={c.id}
              class="cohort"
              aria-labelledby={`cohort-${c.id}`}
            >
              <header class="cohort-head">
                <h3 id={`cohort-${c.id}`}>{c.name}</h3>
                <span class="cohort-day">{dayLabel(c, state)}</span>
                <span class="meta">
                  {standingCounts(t, c.counts)}
                </span>
              </header>
              {c.members.length === 0
                ? <p class="meta">{t("team.no_members")}</p>
                : (
                  <div class="table-wrap">
                    <table class="data-table">
                      <thead>
                        <tr>
                          <th scope="col">{t("team.col.name")}</th>
                          <th scope="col">{t("team.col.standing")}</th>
                          <th scope="col">{t("team.col.plan")}</th>
                          <th scope="col">{t("team.col.lessons")}</th>
                          <th scope="col">{t("team.col.quizzes")}</th>
                          <th scope="col">{t("team.col.last")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {c.members.map((m) => (
                          <tr key={m.id}>
                            <th scope="row">
                              <a href={`/team/learners/${m.id}`}>
                                {m.name || m.id}
                              </a>
                              {m.disabled && (
                                <span class="meta">({t("team.disabled")})</span>
                              )}
                            </th>
                            <td>
                              <StandingBadge
                                standing={m.standing.standing}
                                t={t}
                              />
                            </td>
                            <td>
                              {t("team.plan_cell", {
                                done: m.standing.done,
                                due: m.standing.dueByToday,
                                overdue: m.standing.overdue,
                              })}
                            </td>
                            <td>{m.lessonsDone} / {m.lessonsTotal}</td>
                            <td>{m.quizzesPassed} / {m.quizzesTotal}</td>
                            <td>
                              {m.lastActiveAt
                                ? formatDateTime(lang, m.lastActiveAt)
                                : t("team.never")}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
            </article>
          ))}
        </section>
      ))}
      {data.length > 0 && <p class="meta">{t("team.standing_rule")}</p>}
    </section>
  );
}
