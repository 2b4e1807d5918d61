/**
 * The drill-down's charts and tables, built once from the drill-down data
 * for the page and for each CSV download (routes/dashboard/learners/
 * [learner]/export/[table].ts), so both hold the same rows.
 */
import type { ChartSpec } from "@/lib/dashboard/chart_spec.ts";
import type { LearnerDrilldown } from "@/lib/dashboard/learner_drilldown.ts";
import { RedLine } from "@/lib/content/schema.ts";
import type { KpiTarget } from "@/lib/evaluation/formulas.ts";
import type { Language, MessageKey, Translate } from "@/lib/i18n/i18n.ts";
import { loopTable } from "@/components/evaluation/agent_tables.ts";
import { chartTable, type TableData } from "./table_data.ts";

const RED_LINES = new Set<string>(RedLine.options);

/** A red line by its catalog name; an unknown category (older runs) as it is. */
export function redLineName(t: Translate, category: string): string {
  return RED_LINES.has(category)
    ? t(`grading.redline.${category}` as MessageKey)
    : category;
}

/** The drill-down's charts: scores, skill mastery, QA per checkpoint. */
export function learnerCharts(
  data: LearnerDrilldown,
  t: Translate,
  lang: Language,
): { scores: ChartSpec; mastery: ChartSpec; qa: ChartSpec } {
  // Quizzes and exams are few and drawn; drills and conversations are
  // many, and sit in their own tables.
  const tested = data.scores.filter((s) =>
    s.kind === "quiz" || s.kind === "exam"
  );
  return {
    scores: {
      id: "chart-scores",
      kind: "bar",
      horizontal: true,
      labels: tested.map((s) =>
        s.kind === "quiz" ? t("dd.quiz_label", { title: s.title }) : s.title
      ),
      series: [
        { label: t("dd.scores.first"), data: tested.map((s) => s.first) },
        { label: t("dd.scores.latest"), data: tested.map((s) => s.latest) },
      ],
      max: 100,
      lang,
      title: t("dd.scores"),
    },
    mastery: {
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
      title: t("dd.mastery"),
    },
    qa: {
      id: "chart-qa",
      kind: "bar",
      labels: data.qa.map((q) =>
        t(`evaluator.checkpoint.${q.checkpoint}` as MessageKey)
      ),
      series: [
        { label: t("dd.qa.latest"), data: data.qa.map((q) => q.latest) },
        { label: t("dd.qa.mean"), data: data.qa.map((q) => q.mean) },
      ],
      max: 100,
      lang,
      title: t("dd.qa"),
    },
  };
}

function target(t: Translate, lang: Language, tg: KpiTarget | null): string {
  if (!tg) return "—";
  const v = new Intl.NumberFormat(lang, { useGrouping: false }).format(
    tg.target,
  );
  return t(tg.direction === "min" ? "dd.kpi.at_least" : "dd.kpi.at_most", {
    value: v,
  });
}

/** Every table of the drill-down, by id (the CSV route's `table`). */
export function learnerTables(
  data: LearnerDrilldown,
  t: Translate,
  lang: Language,
): Record<string, TableData> {
  const charts = learnerCharts(data, t, lang);
  const sep = t("onboarding.list_sep");
  return {
    scores: chartTable(charts.scores, t("dd.col.test")),
    mastery: chartTable(charts.mastery, t("dash.learner.skill")),
    qa: chartTable(charts.qa, t("evaluator.col.checkpoint")),
    drills: {
      id: "drill-table",
      caption: t("dd.drills"),
      header: [
        t("dd.col.drill"),
        t("dd.scores.first"),
        t("dd.scores.latest"),
        t("dd.col.attempts"),
      ],
      rows: data.scores.filter((s) => s.kind === "drill").map((s) => ({
        cells: [s.title, s.first, s.latest, s.attempts],
      })),
    },
    scenarios: {
      id: "scenario-table",
      caption: t("dash.learner.scenarios"),
      header: [
        t("dash.learner.col.scenario"),
        t("dd.col.counted"),
        t("dd.col.attempts"),
        t("dash.learner.col.outcome"),
        t("dash.learner.col.breaches"),
        t("dash.learner.col.when"),
      ],
      rows: data.scenarios.map((s) => ({
        cells: [
          s.title,
          s.percent,
          s.attempts,
          s.outcome ? t(`dash.learner.outcome.${s.outcome}`) : "—",
          s.breaches.length === 0
            ? t("dash.learner.no_breach")
            : s.breaches.map((b) => redLineName(t, b.category)).join(sep),
          s.finishedAt,
        ],
        classes: [
          undefined,
          undefined,
          undefined,
          s.breaches.length ? "breach" : undefined,
        ],
      })),
    },
    criteria: {
      id: "criteria-table",
      caption: t("dd.criteria"),
      header: [
        t("evaluator.col.criterion"),
        t("dd.criteria.reviewed"),
        t("dd.criteria.missed"),
      ],
      // Only what needs work: a graduate has two dozen criteria met.
      rows: data.criteria.filter((c) => c.missed > 0).map((c) => ({
        cells: [c.text, c.reviewed, c.missed],
      })),
    },
    loop: loopTable(
      t,
      "loop-table",
      data.loops.map((l) => ({
        ...l,
        criterion: l.text,
        practice: l.practice.map((p) => p.title).join(sep),
      })),
    ),
    kpi: {
      id: "kpi-table",
      caption: t("dd.kpi"),
      header: [
        t("dd.kpi.metric"),
        t("dd.kpi.before", { month: data.kpi?.window.before ?? "" }),
        t("dd.kpi.after", { month: data.kpi?.window.after ?? "" }),
        t("dd.kpi.target"),
      ],
      rows: (data.kpi?.lines ?? [])
        .filter((l) => l.before !== null || l.after !== null)
        .map((l) => ({
          cells: [
            t(`evaluator.metric.${l.metric}`),
            l.before === null ? null : Math.round(l.before * 10) / 10,
            l.after === null ? null : Math.round(l.after * 10) / 10,
            target(t, lang, l.target),
          ],
        })),
    },
  };
}
