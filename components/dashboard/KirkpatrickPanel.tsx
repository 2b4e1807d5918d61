import { ChartFigure } from "@/components/dashboard/ChartFigure.tsx";
import { DataTable } from "@/components/dashboard/DataTable.tsx";
import {
  type PanelTableId,
  panelTables,
  percent,
  rounded,
} from "@/components/dashboard/kirkpatrick_tables.ts";
import type { ChartSeries, ChartSpec } from "@/lib/dashboard/chart_spec.ts";
import { type DashboardFilters, filterQuery } from "@/lib/dashboard/filters.ts";
import {
  CHECKPOINTS,
  type KirkpatrickPanel as Panel,
  type TeamResults,
} from "@/lib/dashboard/kirkpatrick.ts";
import {
  MIN_N_CORRELATION,
  MIN_N_DID,
  MIN_N_REACTION,
} from "@/lib/evaluation/formulas.ts";
import { KPI_METRICS, type KpiMetric } from "@/lib/evaluation/kpi.ts";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";

/** The KPI the monthly trend draws when the URL names none. */
export const DEFAULT_TREND_KPI: KpiMetric = "fcr";

/** "2026-03" as the page language writes a month. */
export function monthLabel(lang: Language, month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(lang, {
    year: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Keeps the series with at least one figure. */
const withFigures = (series: ChartSeries[]) =>
  series.filter((s) => s.data.some((v) => v !== null));

/** The level 4 trend of one team: the chosen KPI by month, cohort starts marked. */
function trendSpec(
  team: TeamResults,
  metric: KpiMetric,
  t: Translate,
  lang: Language,
  teamName: string,
): ChartSpec {
  const months = team.series.map((m) => m.month);
  return {
    id: `chart-kp-trend-${team.teamId}`,
    kind: "line",
    labels: months.map((m) => monthLabel(lang, m)),
    series: [{
      label: t(`evaluator.metric.${metric}`),
      data: team.series.map((m) => rounded(m.kpi[metric]?.mean)),
    }],
    marks: team.cohortStarts.flatMap((s) => {
      const index = months.indexOf(s.startDate.slice(0, 7));
      return index < 0 ? [] : [{
        index,
        text: t("kp.l4.mark", { name: s.name }),
      }];
    }),
    lang,
    title: t("kp.l4.chart", {
      team: teamName,
      metric: t(`evaluator.metric.${metric}`),
    }),
  };
}

/**
 * The four Kirkpatrick levels per cohort, from the evaluator's summaries
 * (lib/dashboard/kirkpatrick.ts): a chart per level with its numbers in a
 * table beside it, the detail tables (each downloadable as CSV), the team's
 * KPI months with cohort starts marked, and the comparison with
 * not-yet-trained agents, or why it is not claimed yet.
 */
export function KirkpatrickPanel(
  { panel, t, lang, filters, teamName }: {
    panel: Panel;
    t: Translate;
    lang: Language;
    filters: DashboardFilters;
    teamName: (teamId: string) => string;
  },
) {
  const tables = panelTables(panel, t, teamName);
  const csv = (id: string) => `/dashboard/export/${id}${filterQuery(filters)}`;
  const table = (id: PanelTableId, empty: string) => (
    <DataTable
      table={tables[id]}
      lang={lang}
      empty={empty}
      csvHref={csv(id)}
      csvLabel={t("kp.csv", { table: tables[id].caption })}
    />
  );
  const cohorts = panel.cohorts;
  const names = cohorts.map((c) => c.cohortName);
  const metric = filters.kpi ?? DEFAULT_TREND_KPI;
  const reaction: ChartSpec = {
    id: "chart-kp-reaction",
    kind: "bar",
    labels: names,
    series: [
      {
        label: t("kp.l1.rate"),
        data: cohorts.map((c) => percent(c.reaction.responseRate)),
      },
      {
        label: t("kp.l1.nps"),
        data: cohorts.map((c) => rounded(c.reaction.nps)),
      },
    ],
    lang,
    title: t("kp.l1.chart"),
  };
  const learning: ChartSpec = {
    id: "chart-kp-learning",
    kind: "bar",
    labels: names,
    series: withFigures([
      {
        label: t("kp.l2.pre"),
        data: cohorts.map((c) => rounded(c.learning.pre)),
      },
      {
        label: t("kp.l2.post"),
        data: cohorts.map((c) => rounded(c.learning.post)),
      },
      {
        label: t("kp.l2.gain"),
        data: cohorts.map((c) => percent(c.learning.gain)),
      },
    ]),
    lang,
    title: t("kp.l2.chart"),
  };
  const qaCohorts = cohorts.filter((c) => c.behaviour.qa.length > 0);
  const behaviour: ChartSpec = {
    id: "chart-kp-qa",
    kind: "line",
    labels: CHECKPOINTS.map((cp) => t(`evaluator.checkpoint.${cp}`)),
    series: qaCohorts.map((c) => ({
      label: c.cohortName,
      data: CHECKPOINTS.map((cp) =>
        rounded(c.behaviour.qa.find((q) => q.checkpoint === cp)?.mean)
      ),
    })),
    max: 100,
    lang,
    title: t("kp.l3.chart"),
  };
  const switchHref = (m: KpiMetric) =>
    `/dashboard${filterQuery({ ...filters, kpi: m })}#kp-l4`;
  return (
    <section aria-labelledby="kirkpatrick" id="kirkpatrick-panel">
      <h2 id="kirkpatrick">{t("kp.title")}</h2>
      <p class="meta">{t("kp.lead")}</p>
      {cohorts.length === 0 ? <p class="meta">{t("kp.empty")}</p> : (
        <>
          <h3 id="kp-l1">{t("kp.l1")}</h3>
          <ChartFigure
            spec={reaction}
            caption={t("kp.l1.chart")}
            labelHeader={t("kp.col.cohort")}
            empty={t("kp.l1.empty")}
            note={t("kp.l1.note", { n: MIN_N_REACTION })}
          />
          <h4>{tables["kp-reaction"].caption}</h4>
          {table("kp-reaction", t("kp.l1.none"))}

          <h3 id="kp-l2">{t("kp.l2")}</h3>
          <ChartFigure
            spec={learning}
            caption={t("kp.l2.chart")}
            labelHeader={t("kp.col.cohort")}
            empty={t("kp.l2.empty")}
            note={t("kp.l2.note")}
          />
          <h4>{tables["kp-learning"].caption}</h4>
          {table("kp-learning", t("kp.l2.empty"))}
          <h4>{tables["kp-mastery"].caption}</h4>
          {table("kp-mastery", t("kp.l2.empty"))}

          <h3 id="kp-l3">{t("kp.l3")}</h3>
          <ChartFigure
            spec={behaviour}
            caption={t("kp.l3.chart")}
            labelHeader={t("kp.col.checkpoint")}
            empty={t("kp.l3.empty")}
            note={t("kp.l3.note")}
          />
          <h4>{tables["kp-qa"].caption}</h4>
          {table("kp-qa", t("kp.l3.empty"))}
          <h4>{tables["kp-behaviour"].caption}</h4>
          {table("kp-behaviour", t("kp.l3.none"))}

          <h3 id="kp-l4">{t("kp.l4")}</h3>
          <nav aria-label={t("kp.l4.metric")} class="kp-metrics">
            <span class="meta">{t("kp.l4.metric")}</span>
            <ul>
              {KPI_METRICS.map((m) => (
                <li key={m}>
                  <a
                    href={switchHref(m)}
                    aria-current={m === metric ? "page" : undefined}
                  >
                    {t(`evaluator.metric.${m}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {panel.teams.map((team) => {
            const name = teamName(team.teamId);
            const spec = trendSpec(team, metric, t, lang, name);
            const leading: ChartSpec = {
              id: `chart-kp-leading-${team.teamId}`,
              kind: "line",
              labels: spec.labels,
              series: withFigures([
                {
                  label: t("kp.l4.qa_pass"),
                  data: team.series.map((m) => percent(m.qaPassRate)),
                },
                ...(["escalations", "repeat"] as const).map((k) => ({
                  label: t(`evaluator.metric.${k}`),
                  data: team.series.map((m) => rounded(m.kpi[k]?.mean)),
                })),
              ]),
              max: 100,
              marks: spec.marks,
              lang,
              title: t("kp.l4.leading", { team: name }),
            };
            return (
              <div key={team.teamId}>
                <ChartFigure
                  spec={spec}
                  caption={spec.title}
                  labelHeader={t("kp.col.month")}
                  empty={t("kp.l4.empty", { team: name })}
                  note={team.cohortStarts.length > 0 &&
                    t("kp.l4.marks", {
                      list: team.cohortStarts.map((s) =>
                        t("kp.l4.start", { name: s.name, date: s.startDate })
                      ).join(t("onboarding.list_sep")),
                    })}
                />
                <ChartFigure
                  spec={leading}
                  caption={leading.title}
                  labelHeader={t("kp.col.month")}
                  empty={t("kp.l4.leading_empty")}
                />
              </div>
            );
          })}
          <h4>{tables["kp-months"].caption}</h4>
          {table("kp-months", t("kp.l4.none"))}
          <h4 id="kp-did-title">{t("kp.l4.did")}</h4>
          <p class="meta">{t("kp.l4.did_lead", { n: MIN_N_DID })}</p>
          {table("kp-did", t("kp.l4.none"))}
          <h4>{tables["kp-leading"].caption}</h4>
          {table("kp-leading", t("kp.l4.none"))}

          <h3 id="kp-corr">{t("kp.corr")}</h3>
          <p class="meta">{t("kp.corr.lead", { n: MIN_N_CORRELATION })}</p>
          {table("kp-correlation", t("kp.l2.empty"))}
        </>
      )}
    </section>
  );
}
