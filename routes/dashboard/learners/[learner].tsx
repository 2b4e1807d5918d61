import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { LearnerLevelCard } from "@/components/certification/LearnerLevelCard.tsx";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { ChartFigure } from "@/components/dashboard/ChartFigure.tsx";
import { DashboardStyles } from "@/components/dashboard/DashboardStyles.tsx";
import { StandingBadge } from "@/components/team/StandingBadge.tsx";
import type { ChartSpec } from "@/lib/dashboard/chart_spec.ts";
import {
  type LearnerDrilldown,
  learnerDrilldown,
  TIMELINE_LENGTH,
} from "@/lib/dashboard/learner_drilldown.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { RedLine } from "@/lib/content/schema.ts";
import {
  formatDateTime,
  type MessageKey,
  type Translate,
} from "@/lib/i18n/i18n.ts";

export const handler: Handlers<LearnerDrilldown, SignedInState> = {
  async GET(_req, ctx) {
    const { id, role } = ctx.state.user;
    // Another team's learner, or one who is not a mentee, is "not found".
    return ctx.render(
      await learnerDrilldown(
        ctx.state.kv,
        { id, role },
        ctx.params.learner,
        new Date(),
      ),
    );
  },
};

const VERBS = new Set([
  "completed",
  "passed",
  "failed",
  "answered",
  "responded",
]);
const RED_LINES = new Set<string>(RedLine.options);

/** A red line by its catalog name; an unknown category (older runs) as it is. */
function redLine(t: Translate, category: string): string {
  return RED_LINES.has(category)
    ? t(`grading.redline.${category}` as MessageKey)
    : category;
}

export default function LearnerDrilldownPage(
  { data, state: { t, lang, user } }: PageProps<
    LearnerDrilldown,
    SignedInState
  >,
) {
  const scores: ChartSpec = {
    id: "chart-scores",
    kind: "bar",
    horizontal: true,
    labels: data.scores.map((s) => `${t(`plan.kind.${s.kind}`)} ${s.title}`),
    series: [
      {
        label: t("dash.learner.scores.best"),
        data: data.scores.map((s) => s.best),
      },
      {
        label: t("dash.learner.scores.latest"),
        data: data.scores.map((s) => s.latest),
      },
    ],
    max: 100,
    lang,
    title: t("dash.learner.scores"),
  };
  const mastery: ChartSpec = {
    id: "chart-mastery",
    kind: "bar",
    horizontal: true,
    labels: data.mastery.map((m) => m.title),
    series: [{
      label: t("dash.learner.mastery.col"),
      data: data.mastery.map((m) => m.percent),
    }],
    max: 100,
    lang,
    title: t("dash.learner.mastery"),
  };
  const home = user.role === "manager" || user.role === "admin"
    ? "/dashboard"
    : user.role === "trainer"
    ? "/dashboard/trainer"
    : "/mentor";
  return (
    <section>
      <Head>
        <title>
          {`${t("dash.learner.title", { name: data.name })} · ${t("app.name")}`}
        </title>
      </Head>
      <OnboardingStyles />
      <DashboardStyles />
      <p>
        <a href={home}>← {t("dash.learner.back")}</a>
      </p>
      <h1>{t("dash.learner.title", { name: data.name })}</h1>
      <p class="lead">
        {data.cohort
          ? t("dash.learner.cohort", {
            team: data.cohort.teamName,
            cohort: data.cohort.name,
            day: data.cohort.day,
          })
          : t("dash.learner.no_cohort")}
        {data.disabled && <span class="meta">({t("team.disabled")})</span>}
      </p>
      {data.standing && (
        <p>
          <StandingBadge standing={data.standing.standing} t={t} />{" "}
          {t("dash.learner.standing", {
            done: data.standing.done,
            due: data.standing.dueByToday,
            overdue: data.standing.overdue,
          })}
          {(user.role === "manager" || user.role === "admin") && (
            <>
              {" · "}
              <a href={`/team/learners/${data.id}`}>
                {t("dash.learner.plan_link")}
              </a>
            </>
          )}
        </p>
      )}

      <ChartFigure
        spec={scores}
        caption={t("dash.learner.scores")}
        labelHeader={t("dash.learner.activity")}
        empty={t("dash.learner.scores.empty")}
      />
      <ChartFigure
        spec={mastery}
        caption={t("dash.learner.mastery")}
        labelHeader={t("dash.learner.skill")}
        empty={t("dash.learner.mastery.empty")}
      />

      <h2 id="scenarios">{t("dash.learner.scenarios")}</h2>
      {data.scenarios.length === 0
        ? <p class="meta">{t("dash.learner.scenarios.empty")}</p>
        : (
          <div
            class="table-wrap"
            tabIndex={0}
            role="region"
            aria-labelledby="scenarios"
          >
            <table class="data-table" id="scenario-table">
              <thead>
                <tr>
                  <th scope="col">{t("dash.learner.col.scenario")}</th>
                  <th scope="col">{t("dash.learner.col.score")}</th>
                  <th scope="col">{t("dash.learner.col.outcome")}</th>
                  <th scope="col">{t("dash.learner.col.breaches")}</th>
                  <th scope="col">{t("dash.learner.col.when")}</th>
                </tr>
              </thead>
              <tbody>
                {data.scenarios.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.title}</th>
                    <td>{s.percent}</td>
                    <td>
                      {s.outcome ? t(`dash.learner.outcome.${s.outcome}`) : "—"}
                    </td>
                    <td class={s.breaches.length ? "breach" : ""}>
                      {s.breaches.length === 0
                        ? t("dash.learner.no_breach")
                        : s.breaches.map((b) => redLine(t, b.category)).join(
                          t("onboarding.list_sep"),
                        )}
                    </td>
                    <td>{formatDateTime(lang, s.finishedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

      <h2 id="qa">{t("dash.learner.qa")}</h2>
      {data.qa.length === 0
        ? <p class="meta">{t("dash.learner.qa.empty")}</p>
        : (
          <ul class="practice-list" id="qa-list">
            {data.qa.map((q) => (
              <li key={q.observationId}>
                {q.title}
                {t("onboarding.colon")}
                {t("dash.learner.qa.row", {
                  percent: q.percent,
                  when: formatDateTime(lang, q.at),
                })}
                {" · "}
                {q.passed
                  ? t("dash.learner.qa.passed")
                  : t("dash.learner.qa.failed")}
                {q.breached.length > 0 && (
                  <span class="breach">
                    {" · "}
                    {t("dash.learner.qa.critical", {
                      count: q.breached.length,
                    })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}

      <h2>{t("dash.learner.certification")}</h2>
      {data.levels.length === 0 && (
        <p class="meta">{t("dash.learner.certification.none")}</p>
      )}
      {data.levels.map((l) => (
        <LearnerLevelCard key={l.level.id} level={l} lang={lang} t={t} />
      ))}

      <h2>{t("dash.learner.timeline", { count: TIMELINE_LENGTH })}</h2>
      {data.timeline.length === 0
        ? <p class="meta">{t("dash.learner.timeline.empty")}</p>
        : (
          <ol class="timeline" id="timeline">
            {data.timeline.map((e, i) => (
              <li key={i}>
                <span class="meta">{formatDateTime(lang, e.at)}</span> {t(
                  VERBS.has(e.verb)
                    ? `dash.verb.${e.verb}` as MessageKey
                    : "dash.verb.other",
                )} {e.name}
                {e.percent !== null && (
                  <>
                    {" · "}
                    {t("dash.learner.timeline.score", { percent: e.percent })}
                  </>
                )}
                {e.breaches.length > 0 && (
                  <span class="breach">
                    {" · "}
                    {e.breaches.map((b) => redLine(t, b)).join(
                      t("onboarding.list_sep"),
                    )}
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
      <p class="meta">{t("dash.learner.survey_note")}</p>
    </section>
  );
}
