import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { LearnerLevelCard } from "@/components/certification/LearnerLevelCard.tsx";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { ChartFigure } from "@/components/dashboard/ChartFigure.tsx";
import { DashboardStyles } from "@/components/dashboard/DashboardStyles.tsx";
import { DataTable } from "@/components/dashboard/DataTable.tsx";
import {
  learnerCharts,
  learnerTables,
  redLineName,
} from "@/components/dashboard/learner_tables.ts";
import { StandingBadge } from "@/components/team/StandingBadge.tsx";
import {
  type LearnerDrilldown,
  learnerDrilldown,
  TIMELINE_LENGTH,
} from "@/lib/dashboard/learner_drilldown.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDateTime, type MessageKey } from "@/lib/i18n/i18n.ts";

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

/** Verb names with words in the catalogs; any other reads "recorded". */
const VERBS: Record<string, MessageKey> = {
  completed: "dash.verb.completed",
  passed: "dash.verb.passed",
  failed: "dash.verb.failed",
  answered: "dash.verb.answered",
  responded: "dash.verb.responded",
  scored: "dd.verb.scored",
  attended: "dd.verb.attended",
  issued: "dd.verb.issued",
  expired: "dd.verb.expired",
  revoked: "dd.verb.revoked",
};

/**
 * One learner for their manager, mentor (or a trainer mentoring the cohort)
 * or an admin: plan standing, scores, skill mastery, conversations with red
 * lines, QA at day 30/60/90 with the criteria and the QA loop, KPI before
 * and after training, certification rules explained, and the timeline.
 * Every table downloads as CSV.
 */
export default function LearnerDrilldownPage(
  { data, state: { t, lang, user } }: PageProps<
    LearnerDrilldown,
    SignedInState
  >,
) {
  const charts = learnerCharts(data, t, lang);
  const tables = learnerTables(data, t, lang);
  const csv = (table: string) =>
    `/dashboard/learners/${data.id}/export/${table}`;
  const csvLabel = t("dd.csv");
  const manager = user.role === "manager" || user.role === "admin";
  const home = manager
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
          {manager && (
            <>
              {" · "}
              <a href={`/team/learners/${data.id}`}>
                {t("dash.learner.plan_link")}
              </a>
            </>
          )}
        </p>
      )}
      <nav aria-label={t("dd.sections")} class="dd-sections">
        <a href="#learning">{t("dd.section.learning")}</a>
        <a href="#behaviour">{t("dd.section.behaviour")}</a>
        <a href="#results">{t("dd.section.results")}</a>
        <a href="#certification">{t("dd.section.certification")}</a>
        <a href="#record">{t("dd.section.record")}</a>
      </nav>

      <h2 id="learning">{t("dd.section.learning")}</h2>
      <ChartFigure
        spec={charts.scores}
        caption={t("dd.scores")}
        labelHeader={t("dd.col.test")}
        empty={t("dd.scores.empty")}
        csvHref={csv("scores")}
        csvLabel={csvLabel}
      />
      <ChartFigure
        spec={charts.mastery}
        caption={t("dd.mastery")}
        labelHeader={t("dash.learner.skill")}
        empty={t("dd.mastery.empty")}
        csvHref={csv("mastery")}
        csvLabel={csvLabel}
      />
      <h3 id="drills">{t("dd.drills")}</h3>
      <DataTable
        table={tables.drills}
        lang={lang}
        empty={t("dd.drills.empty")}
        csvHref={csv("drills")}
        csvLabel={csvLabel}
      />
      <h3 id="scenarios">{t("dash.learner.scenarios")}</h3>
      <DataTable
        table={tables.scenarios}
        lang={lang}
        empty={t("dd.scenarios.empty")}
        csvHref={csv("scenarios")}
        csvLabel={csvLabel}
      />

      <h2 id="behaviour">{t("dd.section.behaviour")}</h2>
      <ChartFigure
        spec={charts.qa}
        caption={t("dd.qa")}
        labelHeader={t("evaluator.col.checkpoint")}
        empty={t("dd.qa.empty")}
        csvHref={csv("qa")}
        csvLabel={csvLabel}
      />
      <h3 id="criteria">{t("dd.criteria")}</h3>
      <DataTable
        table={tables.criteria}
        lang={lang}
        empty={data.criteria.length > 0
          ? t("dd.criteria.all_met", { count: data.criteria.length })
          : t("dd.criteria.empty")}
        csvHref={csv("criteria")}
        csvLabel={csvLabel}
      />
      <h3 id="loop">{t("evaluator.loop.title")}</h3>
      <DataTable
        table={tables.loop}
        lang={lang}
        empty={t("dd.loop.empty", { n: data.loopN })}
        csvHref={csv("loop")}
        csvLabel={csvLabel}
      />
      {user.role !== "trainer" && (
        <p>
          <a href={`/evaluation/learners/${data.id}`}>{t("dd.agent_link")}</a>
        </p>
      )}

      <h2 id="results">{t("dd.section.results")}</h2>
      <p class="meta">
        {data.kpi
          ? t("dd.kpi.lead", {
            before: data.kpi.window.before,
            after: data.kpi.window.after,
          })
          : t("dd.kpi.no_cohort")}
      </p>
      <DataTable
        table={tables.kpi}
        lang={lang}
        empty={data.kpi && data.kpi.months > 0
          ? t("dd.kpi.empty_window", { months: data.kpi.months })
          : t("dd.kpi.empty")}
        csvHref={csv("kpi")}
        csvLabel={csvLabel}
      />

      <h2 id="certification">{t("dash.learner.certification")}</h2>
      {data.levels.length === 0 && (
        <p class="meta">{t("dash.learner.certification.none")}</p>
      )}
      {data.levels.map((l) => (
        <LearnerLevelCard key={l.level.id} level={l} lang={lang} t={t} />
      ))}

      <h2 id="record">
        {t("dash.learner.timeline", { count: TIMELINE_LENGTH })}
      </h2>
      {data.timeline.length === 0
        ? <p class="meta">{t("dash.learner.timeline.empty")}</p>
        : (
          <ol class="timeline" id="timeline">
            {data.timeline.map((e, i) => (
              <li key={i}>
                <span class="meta">{formatDateTime(lang, e.at)}</span>{" "}
                {t(VERBS[e.verb] ?? "dash.verb.other")} {e.name}
                {e.percent !== null && (
                  <>
                    {" · "}
                    {t("dash.learner.timeline.score", { percent: e.percent })}
                  </>
                )}
                {e.breaches.length > 0 && (
                  <span class="breach">
                    {" · "}
                    {e.breaches.map((b) => redLineName(t, b)).join(
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
