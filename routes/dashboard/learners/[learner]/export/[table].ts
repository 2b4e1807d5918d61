import type { Handlers } from "$fresh/server.ts";
import { learnerTables } from "@/components/dashboard/learner_tables.ts";
import { tableCsv } from "@/components/dashboard/table_data.ts";
import { learnerDrilldown } from "@/lib/dashboard/learner_drilldown.ts";
import { NotFoundError } from "@/lib/errors.ts";
import { csvResponse } from "@/lib/export/csv.ts";
import type { SignedInState } from "@/lib/http/state.ts";

/**
 * A table of a learner's drill-down as CSV (UTF-8 with BOM): the same rows
 * the page shows, under the same access (another team's learner, or one
 * who is not a mentee, is "not found").
 */
export const handler: Handlers<unknown, SignedInState> = {
  async GET(_req, ctx) {
    const { kv, t, lang, user } = ctx.state;
    const data = await learnerDrilldown(
      kv,
      { id: user.id, role: user.role },
      ctx.params.learner,
      new Date(),
    );
    const tables = learnerTables(data, t, lang);
    const table = Object.hasOwn(tables, ctx.params.table)
      ? tables[ctx.params.table]
      : null;
    if (!table) {
      throw new NotFoundError(
        `Cannot export "${ctx.params.table}": no such table`,
      );
    }
    return csvResponse(tableCsv(table), `${data.name}-${ctx.params.table}.csv`);
  },
};
