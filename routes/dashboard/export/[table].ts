import type { Handlers } from "$fresh/server.ts";
import {
  certificationTable,
  cohortTables,
} from "@/components/dashboard/cohort_tables.ts";
import { tableDownload } from "@/components/dashboard/table_data.ts";
import { certificationReport } from "@/lib/dashboard/certification_report.ts";
import { cohortDashboard } from "@/lib/dashboard/cohort_dashboard.ts";
import { parseFilters } from "@/lib/dashboard/filters.ts";
import type { SignedInState } from "@/lib/http/state.ts";

/** `YYYY-MM-DD` of now in Beijing, for file names. */
function today(now: Date): string {
  return now.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
}

/**
 * The dashboard's tables as CSV (UTF-8 with BOM), under the same filters
 * and access as the page (another team's cohort is "not found"), written
 * from the same table builders as the page's rows.
 */
export const handler: Handlers<unknown, SignedInState> = {
  async GET(req, ctx) {
    const { table } = ctx.params;
    const { filters } = parseFilters(new URL(req.url).searchParams);
    const { t, lang, kv } = ctx.state;
    const viewer = { id: ctx.state.user.id, role: ctx.state.user.role };
    const now = new Date();
    const tables = table === "certification"
      ? {
        certification: certificationTable(
          await certificationReport(kv, viewer, filters, now),
          t,
          lang,
        ),
      }
      : cohortTables(await cohortDashboard(kv, viewer, filters, now), t);
    return tableDownload(tables, table, `${table}-${today(now)}.csv`);
  },
};
