import type { Handlers } from "$fresh/server.ts";
import { tableDownload } from "@/components/dashboard/table_data.ts";
import { trainerTables } from "@/components/dashboard/trainer_tables.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import {
  parseTrainerQuery,
  trainerView,
} from "@/lib/dashboard/trainer_view.ts";

/**
 * A table of the trainer's analytics as CSV (UTF-8 with BOM), under the
 * page's filters and scenario: the same aggregate rows the page shows.
 */
export const handler: Handlers<unknown, SignedInState> = {
  async GET(req, ctx) {
    const { kv, t, lang } = ctx.state;
    const { filters, scenario } = parseTrainerQuery(
      new URL(req.url).searchParams,
    );
    const { table } = ctx.params;
    return tableDownload(
      trainerTables(await trainerView(kv, filters, scenario), t, lang),
      table,
      `trainer-${table}.csv`,
    );
  },
};
