import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { ChartFigure } from "@/components/dashboard/ChartFigure.tsx";
import { DashboardStyles } from "@/components/dashboard/DashboardStyles.tsx";
import { DataTable } from "@/components/dashboard/DataTable.tsx";
import { FilterForm } from "@/components/dashboard/FilterForm.tsx";
import {
  surveyLabel,
  trainerCharts,
  trainerTables,
} from "@/components/dashboard/trainer_tables.ts";
import {
  type DashboardFilters,
  type FilterProblem,
  filterQuery,
} from "@/lib/dashboard/filters.ts";
import {
  parseTrainerQuery,
  type TrainerView,
  trainerView,
} from "@/lib/dashboard/trainer_view.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

interface Data {
  view: TrainerView;
  filters: DashboardFilters;
  problems: FilterProblem[];
  /** The scenario in the URL was no scenario id (ignored). */
  badScenario: boolean;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(req, ctx) {
    const { filters, scenario, problems, badScenario } = parseTrainerQuery(
      new URL(req.url).searchParams,
    );
    const view = await trainerView(ctx.state.kv, filters, scenario);
    return ctx.render({ view, filters, problems, badScenario });
  },
};

/** Nothing published yet: what to do, and where (course authoring). */
function NextStep({ text, t }: { text: string; t: Translate }) {
  return (
    <p class="meta">
      {text} <a href="/author">{t("authoring.title")}</a>
    </p>
  );
}

/**
 * The trainer's analytics, aggregates only: reaction per module survey and
 * item with comments (nothing below the minimum n), where learners leave
 * the good path of a scenario, node by node, and the skills where each
 * cohort is weakest. Every table downloads as CSV under the same filters.
 */
export default function TrainerPage(
  { data, state: { t, lang } }: PageProps<Data, SignedInState>,
) {
  const { view, filters } = data;
  const charts = trainerCharts(view, t, lang);
  const tables = trainerTables(view, t, lang);
  const scenario = view.scenario;
  const query = (table: string) =>
    `/dashboard/trainer/export/${table}${
      filterQuery(filters, scenario ? { scenario: scenario.id } : {})
    }`;
  const csvLabel = t("dd.csv");
  const paths = scenario?.paths;
  return (
    <section>
      <Head>
        <title>{`${t("dash.trainer.title")} · ${t("app.name")}`}</title>
      </Head>
      <DashboardStyles />
      <h1>{t("dash.trainer.title")}</h1>
      <p class="lead">{t("dash.trainer.lead")}</p>
      <FilterForm
        action="/dashboard/trainer"
        filters={filters}
        problems={data.problems}
        options={{
          teams: view.options.teams,
          cohorts: view.options.cohorts,
          levels: [],
        }}
        lang={lang}
        t={t}
        fields={["team", "cohort", "from", "to"]}
      />

      <h2 id="reaction">{t("dash.trainer.reaction")}</h2>
      {view.reaction.length === 0
        ? <NextStep text={t("dash.trainer.reaction.none")} t={t} />
        : (
          <>
            <ChartFigure
              spec={charts.reaction}
              caption={t("dash.trainer.reaction.chart")}
              labelHeader={t("dash.trainer.reaction.survey")}
              empty={t("dash.trainer.reaction.empty")}
              csvHref={query("reaction")}
              csvLabel={csvLabel}
            />
            <div class="dash-grid">
              {view.reaction.map((r) => (
                <section
                  class="card"
                  key={r.surveyId}
                  aria-labelledby={`s-${r.surveyId}`}
                >
                  <h3 id={`s-${r.surveyId}`}>{surveyLabel(r)}</h3>
                  <p class="meta">
                    {t("tr.reaction.n", {
                      responses: r.respondents,
                      minN: r.minN,
                    })}
                    {r.responseRate !== null &&
                      t("tr.reaction.rate", {
                        rate: Math.round(r.responseRate * 100),
                      })}
                  </p>
                  {!r.shown
                    ? (
                      <p class="meta">
                        {t("dash.trainer.reaction.hidden", { minN: r.minN })}
                      </p>
                    )
                    : (
                      <>
                        <DataTable
                          table={tables[`reaction-${r.surveyId}`]}
                          lang={lang}
                          empty={t("dash.trainer.reaction.empty")}
                          csvHref={query(`reaction-${r.surveyId}`)}
                          csvLabel={csvLabel}
                        />
                        <details>
                          <summary>
                            {t("dash.trainer.comments", {
                              count: r.comments.length,
                            })}
                          </summary>
                          {r.comments.length === 0
                            ? (
                              <p class="meta">
                                {t("dash.trainer.no_comments")}
                              </p>
                            )
                            : (
                              Object.entries(
                                Object.groupBy(r.comments, (c) => c.questionId),
                              ).map(([questionId, comments]) => (
                                <div key={questionId}>
                                  <p class="meta">
                                    {r.prompts[questionId] ?? questionId}
                                  </p>
                                  <ul class="comments">
                                    {(comments ?? []).map((c, i) => (
                                      <li key={i}>{c.text}</li>
                                    ))}
                                  </ul>
                                </div>
                              ))
                            )}
                        </details>
                      </>
                    )}
                </section>
              ))}
            </div>
          </>
        )}

      <h2 id="paths">
        {t("dash.trainer.paths", { title: scenario?.title ?? "" })}
      </h2>
      {!scenario || !paths
        ? <NextStep text={t("dash.trainer.paths.none")} t={t} />
        : (
          <>
            <form method="get" action="/dashboard/trainer" class="dash-filters">
              {filters.team && (
                <input type="hidden" name="team" value={filters.team} />
              )}
              {filters.cohort && (
                <input type="hidden" name="cohort" value={filters.cohort} />
              )}
              {filters.from && (
                <input type="hidden" name="from" value={filters.from} />
              )}
              {filters.to && (
                <input type="hidden" name="to" value={filters.to} />
              )}
              <label>
                {t("dash.trainer.scenario")}
                <select name="scenario" id="filter-scenario">
                  {view.options.scenarios.map((s) => (
                    <option
                      key={s.id}
                      value={s.id}
                      selected={s.id === scenario.id}
                    >
                      {s.title}
                    </option>
                  ))}
                </select>
              </label>
              <div class="actions">
                <button type="submit">{t("dash.trainer.apply")}</button>
              </div>
            </form>
            {data.badScenario && (
              <p class="dash-problems" role="alert">
                {t("dash.filter.invalid", {
                  field: t("dash.trainer.scenario"),
                })}
              </p>
            )}
            <p class="meta">{t("dash.trainer.paths.lead")}</p>
            <p>
              {t("dash.trainer.paths.summary", {
                runs: paths.runs,
                finished: paths.finished,
                stayed: paths.stayedOnPath,
              })}
            </p>
            {paths.runs === 0
              ? <p class="meta">{t("dash.trainer.paths.empty")}</p>
              : (
                <>
                  <ChartFigure
                    spec={charts.paths}
                    caption={t("dash.trainer.paths.chart")}
                    labelHeader={t("dash.trainer.paths.node")}
                    empty={t("dash.trainer.paths.empty")}
                    csvHref={query("paths-chart")}
                    csvLabel={csvLabel}
                  />
                  <DataTable
                    table={tables.paths}
                    lang={lang}
                    empty={t("dash.trainer.paths.empty")}
                    csvHref={query("paths")}
                    csvLabel={csvLabel}
                  />
                </>
              )}
          </>
        )}

      <h2 id="skills">{t("dash.trainer.skills")}</h2>
      <ChartFigure
        spec={charts.skills}
        caption={t("dash.trainer.skills.chart")}
        labelHeader={t("dash.learner.skill")}
        empty={t("dash.trainer.skills.empty")}
        csvHref={query("skills")}
        csvLabel={csvLabel}
      />
      <h3 id="skills-cohorts">{t("tr.skills.cohorts")}</h3>
      <DataTable
        table={tables["skills-by-cohort"]}
        lang={lang}
        empty={t("dash.trainer.skills.empty")}
        csvHref={query("skills-by-cohort")}
        csvLabel={csvLabel}
      />
    </section>
  );
}
