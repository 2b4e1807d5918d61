/**
 * Recomputes every evaluator rollup from the statements: clears the rollup
 * keys, folds each learner's statements in time order through the same
 * `rollupMutations` the live path uses, and writes the totals. Used by
 * `deno task evaluation:rebuild` after a change to the rollup layout, and by
 * the test that checks live rollups equal rebuilt ones key by key.
 *
 * @module
 */
import { getAll } from "@/lib/db/many.ts";
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

/**
 * Wraps every commit of a rebuild: `stage` adds checks (the start-up lease)
 * to an operation, `committed` learns of each commit that landed, and
 * `beat` is called every few hundred statements read so a long read phase
 * can renew the lease. A commit whose guard fails stops the rebuild.
 */
export interface RebuildGuard {
  stage(op: Deno.AtomicOperation): Deno.AtomicOperation;
  committed(res: Deno.KvCommitResult): void;
  beat(): Promise<void>;
}

const NO_GUARD: RebuildGuard = {
  stage: (op) => op,
  committed: () => {},
  beat: () => Promise.resolve(),
};

/** Another process took the start-up lease over: this rebuild must stop. */
export class LeaseLostError extends Error {
  constructor() {
    super("The evaluation rebuild lease was taken over by another instance");
    this.name = "LeaseLostError";
  }
}

async function commitGuarded(
  op: Deno.AtomicOperation,
  guard: RebuildGuard,
): Promise<void> {
  const res = await guard.stage(op).commit();
  if (!res.ok) throw new LeaseLostError();
  guard.committed(res);
}

async function clear(
  kv: Deno.Kv,
  prefix: Deno.KvKey,
  guard: RebuildGuard,
): Promise<void> {
  let op = kv.atomic();
  let n = 0;
  for await (const e of kv.list({ prefix }, { batchSize: 1000 })) {
    op.delete(e.key);
    if (++n % 500 === 0) {
      await commitGuarded(op, guard);
      op = kv.atomic();
    }
  }
  await commitGuarded(op, guard);
}

/**
 * Rebuilds every rollup. Run it while no statement is being written (the
 * live path adds to counters the rebuild is replacing): `ensureRollups`
 * holds other starting instances back with a lease while it runs.
 */
export async function rebuildRollups(
  kv: Deno.Kv,
  guard: RebuildGuard = NO_GUARD,
): Promise<RebuildResult> {
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
    if (++statements % 500 === 0) await guard.beat();
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
  await clear(kv, [ROLLUP_ROOT], guard);
  await clear(kv, [TEXT_ROOT], guard);
  let op = kv.atomic();
  let n = 0;
  const flush = async () => {
    if (++n % 500 === 0) {
      await commitGuarded(op, guard);
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
  await commitGuarded(op, guard);
  return { statements, counters: counters.size, texts: textCount };
}

/**
 * The rollup layout's version: a change to rollup.ts's keys bumps it.
 * 2: certificate events, each agent's KPI per month ("ck"), and no
 * counters nobody reads (module-scope scores, team-month QA sums).
 */
export const ROLLUP_LAYOUT = 2;
const layoutKey = ["ev_meta", "layout"];
/** The start-up lease: its value is the time (ms) it lapses. */
export const LEASE_KEY = ["ev_meta", "lease"];

/** How long a lease lasts without renewal, and how often waiters look. */
export interface LeaseTiming {
  ttlMs: number;
  pollMs: number;
}
const LEASE: LeaseTiming = { ttlMs: 30_000, pollMs: 200 };

/**
 * The guard of a rebuild holding the lease whose versionstamp is
 * `versionstamp`: every commit checks the lease is still that one and
 * renews it for `ttlMs`.
 */
export function leaseGuard(
  kv: Deno.Kv,
  versionstamp: string,
  ttlMs: number,
): RebuildGuard & { release(op: Deno.AtomicOperation): Deno.AtomicOperation } {
  const guard = {
    stage: (op: Deno.AtomicOperation) =>
      op.check({ key: LEASE_KEY, versionstamp })
        .set(LEASE_KEY, Date.now() + ttlMs),
    committed: (res: Deno.KvCommitResult) => {
      versionstamp = res.versionstamp;
    },
    beat: () => commitGuarded(kv.atomic(), guard),
    /** Drops the lease in `op`, if it is still ours. */
    release: (op: Deno.AtomicOperation) =>
      op.check({ key: LEASE_KEY, versionstamp }).delete(LEASE_KEY),
  };
  return guard;
}

/**
 * Rebuilds the rollups when the store's were made by another layout (or
 * before the evaluator existed), so statements written earlier count.
 * Returns the rebuild, or null when the rollups were current.
 *
 * Several instances may start on one store at once. One takes a lease
 * (`["ev_meta", "lease"]`, an atomic check that the layout marker is still
 * old and nobody holds a live lease) and rebuilds; every commit of its
 * rebuild checks the lease is still its own and renews it, and it sets the
 * marker and drops the lease in one last commit. The others wait until the
 * marker is current and return null, so they serve (and write statements)
 * only after the rollups are whole. A lease that lapses (its holder died)
 * is taken over; a holder whose lease was taken over stops at its next
 * commit (LeaseLostError) instead of overwriting the new holder's work.
 */
export async function ensureRollups(
  kv: Deno.Kv,
  timing: LeaseTiming = LEASE,
): Promise<RebuildResult | null> {
  for (;;) {
    const [marker, lease] = await getAll<number>(kv, [layoutKey, LEASE_KEY]);
    if (marker.value === ROLLUP_LAYOUT) return null;
    if (lease.value !== null && lease.value > Date.now()) {
      await new Promise((r) => setTimeout(r, timing.pollMs));
      continue;
    }
    const took = await kv.atomic().check(marker).check(lease)
      .set(LEASE_KEY, Date.now() + timing.ttlMs).commit();
    if (!took.ok) continue;
    const guard = leaseGuard(kv, took.versionstamp, timing.ttlMs);
    let result: RebuildResult;
    try {
      result = await rebuildRollups(kv, guard);
    } catch (e) {
      // Our lease lapsed and another instance rebuilds now: wait for it.
      if (e instanceof LeaseLostError) continue;
      throw e;
    }
    const done = await guard.release(kv.atomic())
      .set(layoutKey, ROLLUP_LAYOUT).commit();
    if (!done.ok) continue;
    return result;
  }
}
