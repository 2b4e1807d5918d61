/**
 * Recomputes every evaluator rollup from the statements: clears the rollup
 * keys, folds each learner's statements in time order through the same
 * `rollupMutations` the live path uses, and writes the totals. Used by
 * `deno task evaluation:rebuild` after a change to the rollup layout, and by
 * the test that checks live rollups equal rebuilt ones key by key.
 *
 * @module
 */
import { StatementSchema } from "@/lib/evidence/statement.ts";
import {
  coalesce,
  ROLLUP_ROOT,
  rollupMutations,
  TEXT_ROOT,
} from "@/lib/evidence/rollup.ts";

/** What a rebuild did. */
export interface RebuildResult {
  statements: number;
  counters: number;
  texts: number;
}

async function clear(kv: Deno.Kv, prefix: Deno.KvKey): Promise<void> {
  let op = kv.atomic();
  let n = 0;
  for await (const e of kv.list({ prefix }, { batchSize: 1000 })) {
    op.delete(e.key);
    if (++n % 500 === 0) {
      await op.commit();
      op = kv.atomic();
    }
  }
  await op.commit();
}

/**
 * Rebuilds every rollup. Run it while no statement is being written (the
 * live path adds to counters the rebuild is replacing).
 */
export async function rebuildRollups(kv: Deno.Kv): Promise<RebuildResult> {
  const counters = new Map<
    string,
    { key: Deno.KvKey; type: "sum" | "min" | "max"; value: bigint }
  >();
  const texts = new Map<string, { key: Deno.KvKey; value: string | null }>();
  let statements = 0;
  // By learner, oldest first: the time index lists in that order.
  for await (
    const e of kv.list<string>({ prefix: ["statements_by_learner"] }, {
      batchSize: 1000,
    })
  ) {
    const entry = await kv.get(["statements", e.value]);
    if (entry.value === null) continue;
    const s = StatementSchema.parse(entry.value);
    statements++;
    const out = rollupMutations(s);
    for (const m of coalesce(out.counters)) {
      const id = JSON.stringify(m.key);
      const prev = counters.get(id);
      if (!prev) counters.set(id, { ...m });
      else if (m.type === "sum") prev.value += m.value;
      else if (m.type === "min") {
        prev.value = m.value < prev.value ? m.value : prev.value;
      } else prev.value = m.value > prev.value ? m.value : prev.value;
    }
    for (const t of out.texts) texts.set(JSON.stringify(t.key), t);
  }
  await clear(kv, [ROLLUP_ROOT]);
  await clear(kv, [TEXT_ROOT]);
  let op = kv.atomic();
  let n = 0;
  const flush = async () => {
    if (++n % 500 === 0) {
      const res = await op.commit();
      if (!res.ok) throw new Error("Cannot write rebuilt rollups");
      op = kv.atomic();
    }
  };
  for (const c of counters.values()) {
    op.set(c.key, new Deno.KvU64(BigInt.asUintN(64, c.value)));
    await flush();
  }
  let textCount = 0;
  for (const t of texts.values()) {
    if (t.value === null) continue;
    op.set(t.key, t.value);
    textCount++;
    await flush();
  }
  await op.commit();
  return { statements, counters: counters.size, texts: textCount };
}

/** The rollup layout's version: a change to rollup.ts's keys bumps it. */
export const ROLLUP_LAYOUT = 1;
const layoutKey = ["ev_meta", "layout"];

/**
 * Rebuilds the rollups when the store's were made by another layout (or
 * before the evaluator existed), so statements written earlier count.
 * Returns the rebuild, or null when the rollups were current.
 */
export async function ensureRollups(
  kv: Deno.Kv,
): Promise<RebuildResult | null> {
  const marker = await kv.get<number>(layoutKey);
  if (marker.value === ROLLUP_LAYOUT) return null;
  const result = await rebuildRollups(kv);
  await kv.set(layoutKey, ROLLUP_LAYOUT);
  return result;
}
