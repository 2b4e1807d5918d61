/**
 * The trainer's charts and tables, built once from the trainer view for
 * the page and for each CSV download (routes/dashboard/trainer/export/
 * [table].ts), so both hold the same rows. Aggregates only: no learner is
 * named and no survey figure exists below the minimum n.
 */
import type { ChartSpec } from "@/lib/dashboard/chart_spec.ts";
import type {
  SurveyReaction,
  TrainerView,
} from "@/lib/dashboard/trainer_view.ts";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";
import { figure } from "./ChartFigure.tsx";
import { redLineName } from "./learner_tables.ts";
import { chartTable, type TableData } from "./table_data.ts";

/** At most `n` characters, for labels on a phone. */
export function short(text: string, n = 24): string {
  return [...text].length > n ? [...text].slice(0, n).join("") + "…" : text;
}

/** The mean of a survey's Likert items (1-5, one decimal), null when hidden. */
export function likertMean(r: SurveyReaction): number | null {
  const means = r.items.flatMap((q) =>
    q.type === "likert" && q.mean !== null ? [q.mean] : []
  );
  return means.length
    ? Math.round(10 * means.reduce((a, b) => a + b, 0) / means.length) / 10
    : null;
}

/** A survey's label: its module (when it has one) and title. */
export function surveyLabel(r: SurveyReaction): string {
  return r.moduleTitle ? `${r.moduleTitle} · ${r.title}` : r.title;
}

/** The trainer's charts: reaction per survey, one scenario's nodes, weakest skills. */
export function trainerCharts(
  view: TrainerView,
  t: Translate,
  lang: Language,
): { reaction: ChartSpec; paths: ChartSpec; skills: ChartSpec } {
  const shown = view.reaction.filter((r) => r.shown);
  const nodes = view.scenario?.paths.nodes ?? [];
  return {
    reaction: {
      id: "chart-reaction",
      kind: "bar",
      horizontal: true,
      labels: shown.map(surveyLabel),
      series: [{
        label: t("dash.trainer.reaction.mean"),
        data: shown.map(likertMean),
      }],
      max: 5,
      lang,
      title: t("dash.trainer.reaction.chart"),
    },
    paths: {
      id: "chart-paths",
      kind: "bar",
      horizontal: true,
      labels: nodes.map((n) =>
        `${n.nodeId} · ${short(view.scenario!.customer[n.nodeId] ?? "", 12)}`
      ),
      series: [
        {
          label: t("dash.trainer.paths.reached"),
          data: nodes.map((n) => n.reached),
        },
        {
          label: t("dash.trainer.paths.left"),
          data: nodes.map((n) => n.left),
        },
      ],
      lang,
      title: t("dash.trainer.paths.chart"),
    },
    skills: {
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
    },
  };
}

/** One survey's items: n and the figure (mean, NPS or choice counts). */
function surveyTable(
  r: SurveyReaction,
  t: Translate,
  lang: Language,
): TableData {
  const sep = t("onboarding.list_sep");
  return {
    id: `reaction-${r.surveyId}`,
    caption: surveyLabel(r),
    header: [
      t("dash.trainer.col.item"),
      t("dash.trainer.col.n"),
      t("dash.trainer.col.result"),
    ],
    rows: r.shown
      ? r.items.map((q) => ({
        cells: [
          q.prompt,
          q.n,
          q.type === "likert"
            ? t("dash.trainer.likert", { mean: figure(lang, q.mean) }) +
              (q.low ? t("tr.low") : "")
            : q.type === "nps"
            ? t("dash.trainer.nps", { nps: figure(lang, q.nps) })
            : (q.distribution ?? []).filter((d) => d.count > 0).map((d) =>
              t("dash.trainer.choice", {
                option: r.options[q.id]?.[d.value] ?? String(d.value + 1),
                count: d.count,
              })
            ).join(sep),
        ],
        classes: [undefined, undefined, q.low ? "breach" : undefined],
      }))
      : [],
  };
}

/** Every table of the trainer's page, by id (the CSV route's `table`). */
export function trainerTables(
  view: TrainerView,
  t: Translate,
  lang: Language,
): Record<string, TableData> {
  const charts = trainerCharts(view, t, lang);
  const sep = t("onboarding.list_sep");
  const sc = view.scenario;
  const tables: Record<string, TableData> = {
    reaction: chartTable(charts.reaction, t("dash.trainer.reaction.survey")),
    paths: {
      id: "paths-table",
      caption: sc ? t("dash.trainer.paths", { title: sc.title }) : "",
      header: [
        t("dash.trainer.paths.node"),
        t("dash.trainer.col.customer"),
        t("dash.trainer.paths.reached"),
        t("dash.trainer.col.choices"),
        t("dash.trainer.col.left"),
        t("dash.trainer.col.redlines"),
      ],
      rows: sc && sc.paths.runs > 0
        ? sc.paths.nodes.map((n) => ({
          cells: [
            n.nodeId,
            short(sc.customer[n.nodeId] ?? "", 40),
            n.reached,
            n.replies
              ? t("dash.trainer.replies", n.replies)
              : n.choices.map((c) =>
                t("dash.trainer.choice_share", {
                  text: short(
                    sc.choiceText[n.nodeId]?.[c.choiceId] ??
                      c.choiceId,
                  ),
                  share: c.share,
                }) + (c.good ? t("dash.trainer.good") : "") +
                (c.redLine ? ` · ${redLineName(t, c.redLine)}` : "")
              ).join(sep),
            t("dash.trainer.left_cell", { left: n.left, share: n.leftShare }),
            Object.entries(n.redLines).map(([c, k]) =>
              `${redLineName(t, c)} × ${k}`
            ).join(sep) || "—",
          ],
          classes: [
            undefined,
            undefined,
            undefined,
            undefined,
            n.left > 0 ? "breach" : undefined,
          ],
        }))
        : [],
    },
    "paths-chart": chartTable(charts.paths, t("dash.trainer.paths.node")),
    skills: chartTable(charts.skills, t("dash.learner.skill")),
    "skills-by-cohort": {
      id: "skills-by-cohort",
      caption: t("dash.trainer.skills"),
      header: [
        t("tr.col.cohort"),
        t("dash.learner.skill"),
        t("dash.learner.mastery.col"),
        t("tr.col.attempts"),
      ],
      rows: view.skills.flatMap((c) =>
        c.weakest.map((s) => ({
          cells: [
            t("dash.trainer.skills.cohort", {
              cohort: c.cohortName,
              learners: c.learners,
            }),
            s.title,
            s.percent,
            s.n,
          ],
        }))
      ),
    },
  };
  for (const r of view.reaction) {
    tables[`reaction-${r.surveyId}`] = surveyTable(r, t, lang);
  }
  return tables;
}
