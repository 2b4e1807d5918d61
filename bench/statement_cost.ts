/**
 * What the evaluator's rollups cost a write (issue 16): a statement is
 * appended with `addStatement`, which adds its counter changes to the same
 * commit, against the same statement and its time-index entry committed
 * without rollups, in the same store and the same run. Two statements: a
 * quiz submission's (the most frequent) and a QA review's (the most
 * counters). Blocks of each are alternated so drifting load hits both.
 * `deno run -A --unstable-kv bench/statement_cost.ts` runs it alone.
 */
import type { Statement } from "@/lib/evidence/statement.ts";
import { addStatement } from "@/lib/evidence/statement_store.ts";
import { coalesce, rollupMutations } from "@/lib/evidence/rollup.ts";
import { qaStatement, scoreStatement } from "@/lib/evaluation/testing.ts";
import { envNumber, median, type Row, type Section } from "./rows.ts";

/** Budget: a statement with its rollups at most this many times the bare one. */
const BUDGET_RATIO = 3;

interface Kind {
  name: string;
  make(i: number, at: Date): Statement;
}

const KINDS: Kind[] = [
  {
    name: "quiz submission statement",
    make: (i, at) =>
      scoreStatement(
        `b${i % 500}`,
        "bench",
        "modules/basics/quiz",
        "basics",
        i % 101,
        at,
      ),
  },
  {
    name: "QA review statement (3 criteria)",
    make: (i, at) =>
      qaStatement(`b${i % 500}`, "bench", "bench-team", {
        percent: i % 101,
        passed: i % 3 !== 0,
        checkpoint: ["d30", "d60", "d90"][i % 3],
        scored: ["opening", "paraphrase", "acknowledge"],
        missed: i % 2 ? ["opening"] : [],
        breached: [],
      }, at),
  },
];

/** The bare append: the statement and its time index, nothing else. */
function bareAppend(op: Deno.AtomicOperation, s: Statement, i: number) {
  return op.check({ key: ["statements", s.id], versionstamp: null })
    .set(["statements", s.id], s)
    .set([
      "statements_by_learner",
      s.actor.account.name,
      String(i).padStart(12, "0"),
    ], s.id);
}

/** Microseconds per commit, median of `rounds` alternated blocks. */
async function measureKind(
  kv: Deno.Kv,
  kind: Kind,
  rounds: number,
  block: number,
): Promise<{ withRollups: number; bare: number; mutations: number }> {
  let i = 0;
  let changes = 0;
  const t0 = Date.UTC(2026, 8, 1);
  // Statements are made before a block is timed, and their counter changes
  // counted then (the mean is shown).
  const next = () => {
    const at = new Date(t0 + i * 1000);
    const s = kind.make(i, at);
    const { counters, texts } = rollupMutations(s);
    changes += coalesce(counters).length + texts.length;
    return { s, at, n: i++ };
  };
  const timeBlock = async (rollups: boolean) => {
    const items = Array.from({ length: block }, next);
    const started = performance.now();
    for (const { s, at, n } of items) {
      const op = rollups
        ? addStatement(kv.atomic(), s, at)
        : bareAppend(kv.atomic(), s, n);
      if (!(await op.commit()).ok) throw new Error("bench append failed");
    }
    return (performance.now() - started) * 1000 / block;
  };
  // Warm up both paths (and the counters' keys).
  await timeBlock(true);
  await timeBlock(false);
  const withRollups: number[] = [];
  const bare: number[] = [];
  for (let r = 0; r < rounds; r++) {
    withRollups.push(await timeBlock(true));
    bare.push(await timeBlock(false));
  }
  return {
    withRollups: median(withRollups),
    bare: median(bare),
    mutations: changes / i,
  };
}

/** Runs the measurement in a store file of its own. */
export async function measureStatementCost(): Promise<Row[]> {
  const rounds = envNumber("STATEMENT_BENCH_ROUNDS", 9);
  const block = envNumber("STATEMENT_BENCH_BLOCK", 300);
  const dir = await Deno.makeTempDir({ prefix: "sa-statement-bench-" });
  const kv = await Deno.openKv(`${dir}/statements.kv`);
  try {
    const rows: Row[] = [];
    for (const kind of KINDS) {
      const r = await measureKind(kv, kind, rounds, block);
      const ratio = r.withRollups / r.bare;
      rows.push({
        metric: `evaluator: ${kind.name} appended with its rollups (${
          r.mutations.toFixed(0)
        } counter changes in the commit) vs the same statement and index without rollups`,
        value: `${r.withRollups.toFixed(0)} µs/commit`,
        reference: `${r.bare.toFixed(0)} µs/commit`,
        ratio: `${ratio.toFixed(2)}x`,
        budget: `<= ${BUDGET_RATIO}x`,
        ok: ratio <= BUDGET_RATIO,
      });
    }
    return rows;
  } finally {
    kv.close();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

export const statementCost: Section = {
  name: "statement-cost",
  run: () => measureStatementCost(),
  notes:
    "Statement cost (bench/statement_cost.ts): what the evaluator's rollups add to a write. In a store file of its own, statements of 500 learners of one cohort are appended one commit at a time, in blocks of 300, alternating between `addStatement` (the statement, its time-index entry and its counter changes in one commit, as every store writes them) and a bare commit of the same statement and index entry; the median of 9 blocks each is shown, in microseconds per commit. Two statements: a quiz submission's (the most frequent event) and a QA review's with three criteria (among the most counters). The counter changes are `sum`/`min`/`max` mutations, so they never conflict; what they cost is SQLite writing more rows in the same transaction.",
};

if (import.meta.main) {
  for (const r of await measureStatementCost()) console.log(r);
}
