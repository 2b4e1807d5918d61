import type { Handlers } from "$fresh/server.ts";
import { learnerTables } from "@/components/dashboard/learner_tables.ts";
import { tableDownload } from "@/components/dashboard/table_data.ts";
import { learnerDrilldown } from "@/lib/dashboard/learner_drilldown.ts";
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
    const { table } = ctx.params;
    return tableDownload(
      learnerTables(data, t, lang),
      table,
      `${data.name}-${table}.csv`,
    );
  },
};
