/**
 * `deno task evaluation:rebuild`: recomputes every evaluator rollup of the
 * store (SA_KV_PATH, default ./data/academy.kv) from its statements. Run it
 * with the app stopped.
 */
import { kvLocation } from "@/lib/db/kv.ts";
import { rebuildRollups } from "@/lib/evaluation/rebuild.ts";

const location = kvLocation();
try {
  const kv = await Deno.openKv(location);
  const started = performance.now();
  const r = await rebuildRollups(kv);
  console.log(
    `Rebuilt ${r.counters} counters and ${r.texts} comments from ${r.statements} statements of ${location} in ${
      Math.round(performance.now() - started)
    } ms`,
  );
  kv.close();
} catch (e) {
  console.error(`Rebuild failed: ${e instanceof Error ? e.message : e}`);
  Deno.exit(1);
}
