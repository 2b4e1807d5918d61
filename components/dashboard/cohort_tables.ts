/**
 * The cohort dashboard's tables as plain data, built once from the
 * dashboard (and the certification report) for the page's downloads
 * (routes/dashboard/export/[table].ts): the page's members table and
 * charts read the same rows, while a download holds every column and row
 * (learner ids, every learner rather than one page, each cohort's funnel).
 */
import type { CertificationRow } from "@/lib/dashboard/certification_report.ts";
import type { CohortDashboard } from "@/lib/dashboard/cohort_dashboard.ts";
import { FUNNEL_STAGES } from "@/lib/dashboard/funnel.ts";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";
import { type PanelTableId, panelTables } from "./kirkpatrick_tables.ts";
import type { TableData } from "./table_data.ts";

/** The tables of the cohort dashboard a download may name. */
export type CohortTableId = "members" | "progress" | "funnel";

/** `YYYY-MM-DD` of a date in Beijing; "" for none. */
function day(d: Date | null): string {
  return d ? d.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }) : "";
}

/** Every table of the cohort dashboard: members, progress, funnel and the Kirkpatrick panel's. */
export function cohortTables(
  d: CohortDashboard,
  t: Translate,
): Record<CohortTableId | PanelTableId, TableData> {
  const names = new Map(d.options.teams.map((x) => [x.id, x.name]));
  const several = d.cohorts.length > 1;
  return {
    members: {
      id: "members",
      caption: t("dash.export.members"),
      header: [
        t("dash.col.learner_id"),
        t("dash.col.name"),
        t("dash.col.cohort"),
        t("dash.col.standing"),
        t("dash.col.done"),
        t("dash.col.due"),
        t("dash.col.overdue"),
        t("dash.col.quizzes"),
        t("dash.col.last"),
      ],
      rows: d.members.map((m) => ({
        cells: [
          m.learnerId,
          m.name,
          m.cohortName,
          t(`standing.${m.standing}`),
          m.done,
          m.due,
          m.overdue,
          m.quizzesPassed,
          m.lastActiveAt,
        ],
      })),
    },
    progress: {
      id: "progress",
      caption: t("dash.export.progress"),
      header: [
        t("dash.col.cohort"),
        t("dash.col.team"),
        t("dash.col.start"),
        t("dash.col.day"),
        t("dash.col.members"),
        t("dash.chart.progress.planned"),
        t("dash.chart.progress.done"),
        t("standing.on-track"),
        t("standing.behind"),
        t("standing.at-risk"),
      ],
      rows: d.cohorts.map((c) => ({
        cells: [
          c.name,
          c.teamName,
          c.startDate,
          c.day,
          c.members,
          c.plannedPercent,
          c.donePercent,
          c.counts["on-track"],
          c.counts.behind,
          c.counts["at-risk"],
        ],
      })),
    },
    funnel: {
      id: "funnel",
      caption: t("dash.export.funnel"),
      header: [
        t("dash.col.stage"),
        ...d.cohorts.map((c) => c.name),
        ...(several ? [t("dash.filter.all")] : []),
      ],
      rows: FUNNEL_STAGES.map((s) => ({
        cells: [
          t(`dash.funnel.${s}`),
          ...d.cohorts.map((c) => c.funnel[s]),
          ...(several ? [d.funnel[s]] : []),
        ],
      })),
    },
    ...panelTables(d.panel, t, (id) => names.get(id) ?? id),
  };
}

/** The certification report as a table: one row per learner and level. */
export function certificationTable(
  report: readonly CertificationRow[],
  t: Translate,
  lang: Language,
): TableData {
  return {
    id: "certification",
    caption: t("dash.export.certification"),
    header: [
      t("dash.col.learner_id"),
      t("dash.col.name"),
      t("dash.col.team"),
      t("dash.col.cohort"),
      t("dash.col.level"),
      t("dash.col.status"),
      t("dash.col.issued"),
      t("dash.col.valid_until"),
      t("dp.col.revoked"),
      t("dash.col.criteria_met"),
      t("dash.col.criteria_total"),
      t("dash.col.open"),
    ],
    rows: report.map((r) => ({
      cells: [
        r.learnerId,
        r.name,
        r.teamName,
        r.cohortName,
        lang === "en" ? r.levelTitleEn : r.levelTitle,
        r.status === "eligible" || r.status === "in-progress"
          ? t(`dash.cert.${r.status}`)
          : t(`onboarding.cert.status.${r.status}`),
        day(r.issuedAt),
        day(r.validUntil),
        day(r.revokedAt),
        r.criteriaMet,
        r.criteriaTotal,
        r.open.map((c) => t(`dash.criterion.${c}`)).join(
          t("onboarding.list_sep"),
        ),
      ],
    })),
  };
}
