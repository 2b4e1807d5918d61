import type { Handlers } from "$fresh/server.ts";
import { agentTables } from "@/components/evaluation/agent_tables.ts";
import { tableDownload } from "@/components/dashboard/table_data.ts";
import { requireVisibleLearner } from "@/lib/auth/record_access.ts";
import { agentRecord } from "@/lib/evaluation/agent_view.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { listObservations } from "@/lib/onboarding/observation_store.ts";

/**
 * A table of an agent's on-the-job record as CSV (UTF-8 with BOM): the
 * same rows the page shows, under the same access (a learner the user may
 * not see is "not found").
 */
export const handler: Handlers<unknown, SignedInState> = {
  async GET(_req, ctx) {
    const { kv, t, user } = ctx.state;
    const learner = await requireVisibleLearner(kv, user, ctx.params.learner);
    const [record, reviews] = await Promise.all([
      agentRecord(kv, learner.id),
      listObservations(kv, learner.id),
    ]);
    const { table } = ctx.params;
    return tableDownload(
      agentTables({ record, reviews }, t),
      table,
      `${learner.name}-${table}.csv`,
    );
  },
};
