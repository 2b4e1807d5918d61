import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { ChartFigure, figure } from "@/components/dashboard/ChartFigure.tsx";
import { DashboardStyles } from "@/components/dashboard/DashboardStyles.tsx";
import { FilterForm } from "@/components/dashboard/FilterForm.tsx";
import { RedLine } from "@/lib/content/schema.ts";
import type { ChartSpec } from "@/lib/dashboard/chart_spec.ts";
import {
  type DashboardFilters,
  type FilterProblem,
  parseFilters,
} from "@/lib/dashboard/filters.ts";
import { type TrainerView, trainerView } from "@/lib/dashboard/trainer_view.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import type { MessageKey, Translate } from "@/lib/i18n/i18n.ts";

interface Data {
  view: TrainerView;
  filters: DashboardFilters;
  problems: FilterProblem[];
}

const SCENARIO_ID = /^[A-Za-z0-9_-]{1,60}$/;

export const handler: Handlers<Data, SignedInState> = {
  async GET(req, ctx) {
    const params = new URL(req.url).searchParams;
    const { filters, problems } = parseFilters(params);
    const raw = params.get("scenario")?.trim() || null;
    const scenario = raw && SCENARIO_ID.test(raw) ? raw : null;
    if (raw && !scenario) problems.push({ field: "cohort", code: "invalid" });
    const view = await trainerView(ctx.state.kv, filters, scenario, new Date());
    return ctx.render({ view, filters, problems });
  },
};

const RED_LINES = new Set<string>(RedLine.options);
function redLine(t: Translate, category: string): string {
  return RED_LINES.has(category)
    ? t(`grading.redline.${category}` as MessageKey)
    : category;
}

/** At most `n` characters, for labels on a phone. */
function short(text: string, n = 24): string {
  return [...text].length > n ? [...text].slice(0, n).join("") + "…" : text;
}

export default function TrainerPage(
  { data, state: { t, lang } }: PageProps<Data, SignedInState>,
) {
  const { view, filters } = data;
  const shown = view.reaction.filter((r) => r.summary !== null);
  const likertMean = (r: TrainerView["reaction"][number]) => {
    const means = (r.summary ?? []).flatMap((q) =>
      q.type === "likert" ? [q.mean] : []
    );
    return means.length
      ? Math.round(10 * means.reduce((a, b) => a + b, 0) / means.length) / 10
      : null;
  };
  const reaction: ChartSpec = {
    id: "chart-reaction",
    kind: "bar",
    horizontal: true,
    labels: shown.map((r) => r.title),
    series: [{
      label: t("dash.trainer.reaction.mean"),
      data: shown.map(likertMean),
    }],
    max: 5,
    lang,
    title: t("dash.trainer.reaction.chart"),
  };
  const paths = view.scenario?.paths;
  const pathChart: ChartSpec = {
    id: "chart-paths",
    kind: "bar",
    horizontal: true,
    labels: (paths?.nodes ?? []).map((n) =>
      `${n.nodeId} · ${short(view.scenario!.customer[n.nodeId] ?? "", 12)}`
    ),
    series: [
      {
        label: t("dash.trainer.paths.reached"),
        data: (paths?.nodes ?? []).map((n) => n.reached),
      },
      {
        label: t("dash.trainer.paths.left"),
        data: (paths?.nodes ?? []).map((n) => n.left),
      },
    ],
    lang,
    title: t("dash.trainer.paths.chart"),
  };
  const skillChart: ChartSpec = {
    id: "chart-skills",
    kind: "bar",
    horizontal: true,
    labels: view.overall.map((s) => s.title),
    series: [{
      label: t("dash.learner.mastery.col"),
      data: view.overall.map((s) => s.percent),
    }],
    max: 100,
    lang,
    title: t("dash.trainer.skills.chart"),
  };
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
        options={{ teams: [], cohorts: view.options.cohorts, levels: [] }}
        lang={lang}
        t={t}
        fields={["cohort", "from", "to"]}
      />

      <h2 id="reaction">{t("dash.trainer.reaction")}</h2>
      {view.reaction.length === 0
        ? <p class="meta">{t("dash.trainer.reaction.none")}</p>
        : (
          <>
            <ChartFigure
              spec={reaction}
              caption={t("dash.trainer.reaction.chart")}
              labelHeader={t("dash.trainer.reaction.survey")}
              empty={t("dash.trainer.reaction.empty")}
            />
            <div class="dash-grid">
              {view.reaction.map((r) => (
                <section class="card" key={r.id} aria-labelledby={`s-${r.id}`}>
                  <h3 id={`s-${r.id}`}>{r.title}</h3>
                  <p class="meta">
                    {t("dash.trainer.reaction.n", {
                      responses: r.responses,
                      learners: r.learners,
                      minN: r.minN,
                    })}
                  </p>
                  {r.summary === null
                    ? (
                      <p class="meta">
                        {t("dash.trainer.reaction.hidden", { minN: r.minN })}
                      </p>
                    )
                    : (
                      <>
                        <div
                          class="table-wrap"
                          tabIndex={0}
                          role="region"
                          aria-labelledby={`s-${r.id}`}
                        >
                          <table class="data-table">
                            <thead>
                              <tr>
                                <th scope="col">
                                  {t("dash.trainer.col.item")}
                                </th>
                                <th scope="col">{t("dash.trainer.col.n")}</th>
                                <th scope="col">
                                  {t("dash.trainer.col.result")}
                                </th>
                              </tr>
                            </thead>
                            <tbody>
                              {r.summary.filter((q) => q.type !== "text").map((
                                q,
                              ) => (
                                <tr key={q.id}>
                                  <th scope="row">{r.prompts[q.id]}</th>
                                  <td>{q.n}</td>
                                  <td>
                                    {q.type === "likert"
                                      ? t("dash.trainer.likert", {
                                        mean: figure(lang, q.mean),
                                      })
                                      : q.type === "nps"
                                      ? t("dash.trainer.nps", { nps: q.nps })
                                      : q.type === "choice"
                                      ? q.counts.map((count, i) =>
                                        t("dash.trainer.choice", {
                                          option: r.options[q.id]?.[i] ??
                                            String(i + 1),
                                          count,
                                        })
                                      ).join(t("onboarding.list_sep"))
                                      : ""}
                                  </td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                        {r.summary.filter((q) =>
                          q.type === "text"
                        ).map((q) =>
                          q.type === "text" && (
                            <details key={q.id}>
                              <summary>
                                {r.prompts[q.id]} ·{" "}
                                {t("dash.trainer.comments", {
                                  count: q.texts.length,
                                })}
                              </summary>
                              {q.texts.length === 0
                                ? (
                                  <p class="meta">
                                    {t("dash.trainer.no_comments")}
                                  </p>
                                )
                                : (
                                  <ul class="comments">
                                    {q.texts.map((text, i) => (
                                      <li key={i}>{text}</li>
                                    ))}
                                  </ul>
                                )}
                            </details>
                          )
                        )}
                      </>
                    )}
                </section>
              ))}
            </div>
          </>
        )}

      <h2 id="paths">
        {view.scenario
          ? t("dash.trainer.paths", { title: view.scenario.title })
          : t("dash.trainer.paths", { title: "" })}
      </h2>
      {!view.scenario || !paths
        ? <p class="meta">{t("dash.trainer.paths.none")}</p>
        : (
          <>
            <form method="get" action="/dashboard/trainer" class="dash-filters">
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
                      selected={s.id === view.scenario!.id}
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
                    spec={pathChart}
                    caption={t("dash.trainer.paths.chart")}
                    labelHeader={t("dash.trainer.paths.node")}
                    empty={t("dash.trainer.paths.empty")}
                  />
                  <div
                    class="table-wrap"
                    tabIndex={0}
                    role="region"
                    aria-labelledby="paths"
                  >
                    <table class="data-table" id="paths-table">
                      <thead>
                        <tr>
                          <th scope="col">{t("dash.trainer.paths.node")}</th>
                          <th scope="col">{t("dash.trainer.col.customer")}</th>
                          <th scope="col">{t("dash.trainer.paths.reached")}</th>
                          <th scope="col">{t("dash.trainer.col.choices")}</th>
                          <th scope="col">{t("dash.trainer.col.left")}</th>
                          <th scope="col">{t("dash.trainer.col.redlines")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {paths.nodes.map((n) => (
                          <tr key={n.nodeId}>
                            <th scope="row">{n.nodeId}</th>
                            <td>
                              {short(view.scenario!.customer[n.nodeId], 40)}
                            </td>
                            <td>{n.reached}</td>
                            <td>
                              {n.replies
                                ? t("dash.trainer.replies", n.replies)
                                : (
                                  <ul class="reason-list">
                                    {n.choices.map((c) => (
                                      <li key={c.choiceId}>
                                        {t("dash.trainer.choice_share", {
                                          text: short(
                                            view.scenario!.choiceText[n.nodeId]
                                              ?.[c.choiceId] ?? c.choiceId,
                                          ),
                                          share: c.share,
                                        })}
                                        {c.good && t("dash.trainer.good")}
                                        {c.redLine && (
                                          <span class="breach">
                                            {" · "}
                                            {redLine(t, c.redLine)}
                                          </span>
                                        )}
                                      </li>
                                    ))}
                                  </ul>
                                )}
                            </td>
                            <td>
                              {t("dash.trainer.left_cell", {
                                left: n.left,
                                share: n.leftShare,
                              })}
                            </td>
                            <td>
                              {Object.entries(n.redLines).map(([c, k]) =>
                                `${redLine(t, c)} × ${k}`
                              ).join(t("onboarding.list_sep")) || "—"}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              )}
          </>
        )}

      <h2 id="skills">{t("dash.trainer.skills")}</h2>
      <ChartFigure
        spec={skillChart}
        caption={t("dash.trainer.skills.chart")}
        labelHeader={t("dash.learner.skill")}
        empty={t("dash.trainer.skills.empty")}
      />
      <div class="dash-grid">
        {view.skills.filter((c) => c.weakest.length > 0).map((c) => (
          <section class="card" key={c.cohortId}>
            <h3>
              {t("dash.trainer.skills.cohort", {
                cohort: c.cohortName,
                learners: c.learners,
              })}
            </h3>
            <ol>
              {c.weakest.map((s) => (
                <li key={s.skill}>
                  {s.title} · {figure(lang, s.percent)}%
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </section>
  );
}
