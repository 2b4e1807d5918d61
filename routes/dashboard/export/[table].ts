import type { Handlers } from "$fresh/server.ts";
import { certificationReport } from "@/lib/dashboard/certification_report.ts";
import { cohortDashboard } from "@/lib/dashboard/cohort_dashboard.ts";
import { parseFilters } from "@/lib/dashboard/filters.ts";
import { FUNNEL_STAGES } from "@/lib/dashboard/funnel.ts";
import {
  isPanelTable,
  panelTables,
} from "@/components/dashboard/kirkpatrick_tables.ts";
import { NotFoundError } from "@/lib/errors.ts";
import { type CsvCell, csvResponse, toCsv } from "@/lib/export/csv.ts";
import type { SignedInState } from "@/lib/http/state.ts";

const TABLES = ["members", "progress", "funnel", "certification"] as const;
type Table = typeof TABLES[number];

/** `YYYY-MM-DD` of now in Beijing, for file names. */
function today(now: Date): string {
  return now.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
}

/**
 * The dashboard's tables as CSV (UTF-8 with BOM), under the same filters
 * and access as the page: another team's cohort is "not found".
 */
export const handler: Handlers<unknown, SignedInState> = {
  async GET(req, ctx) {
    const table = ctx.params.table as Table;
    if (!TABLES.includes(table) && !isPanelTable(table)) {
      throw new NotFoundError(`Cannot export "${table}": no such table`);
    }
    const { filters } = parseFilters(new URL(req.url).searchParams);
    const { t, lang, kv } = ctx.state;
    const viewer = { id: ctx.state.user.id, role: ctx.state.user.role };
    const now = new Date();
    const date = (d: Date | null) =>
      d ? d.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }) : "";
    let header: string[];
    let rows: CsvCell[][];
    if (table === "certification") {
      const report = await certificationReport(kv, viewer, filters, now);
      header = [
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
      ];
      rows = report.map((r) => [
        r.learnerId,
        r.name,
        r.teamName,
        r.cohortName,
        lang === "en" ? r.levelTitleEn : r.levelTitle,
        r.status === "eligible" || r.status === "in-progress"
          ? t(`dash.cert.${r.status}`)
          : t(`onboarding.cert.status.${r.status}`),
        date(r.issuedAt),
        date(r.validUntil),
        date(r.revokedAt),
        r.criteriaMet,
        r.criteriaTotal,
        r.open.map((c) => t(`dash.criterion.${c}`)).join(
          t("onboarding.list_sep"),
        ),
      ]);
    } else {
      const d = await cohortDashboard(kv, viewer, filters, now);
      const panelTable = ctx.params.table;
      if (isPanelTable(panelTable)) {
        // The Kirkpatrick panel's tables: the same rows as on the page.
        const names = new Map(d.options.teams.map((x) => [x.id, x.name]));
        const panel = panelTables(
          d.panel,
          t,
          (id) => names.get(id) ?? id,
        )[panelTable];
        header = panel.header;
        rows = panel.rows.map((r) => r.cells);
      } else if (table === "members") {
        header = [
          t("dash.col.learner_id"),
          t("dash.col.name"),
          t("dash.col.cohort"),
          t("dash.col.standing"),
          t("dash.col.done"),
          t("dash.col.due"),
          t("dash.col.overdue"),
          t("dash.col.quizzes"),
          t("dash.col.last"),
        ];
        rows = d.members.map((m) => [
          m.learnerId,
          m.name,
          m.cohortName,
          t(`standing.${m.standing}`),
          m.done,
          m.due,
          m.overdue,
          m.quizzesPassed,
          m.lastActiveAt,
        ]);
      } else if (table === "progress") {
        header = [
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
        ];
        rows = d.cohorts.map((c) => [
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
        ]);
      } else {
        header = [t("dash.col.stage"), ...d.cohorts.map((c) => c.name)];
        if (d.cohorts.length > 1) header.push(t("dash.filter.all"));
        rows = FUNNEL_STAGES.map((s) => [
          t(`dash.funnel.${s}`),
          ...d.cohorts.map((c) => c.funnel[s]),
          ...(d.cohorts.length > 1 ? [d.funnel[s]] : []),
        ]);
      }
    }
    return csvResponse(toCsv(header, rows), `${table}-${today(now)}.csv`);
  },
};
