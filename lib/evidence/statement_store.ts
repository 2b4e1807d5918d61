/**
 * Append-only evidence statements. Written only as part of the atomic commit
 * of the record they describe (see `addStatement`), never updated. Ids of
 * the time index are ULIDs so a prefix lists in time order.
 *
 * | key                                          | value                 |
 * | -------------------------------------------- | --------------------- |
 * | ["statements", statementId]                  | Statement             |
 * | ["statements_by_learner", learnerId, ulid]   | statementId           |
 */
import { monotonicFactory } from "ulid";
import { getAll } from "@/lib/db/many.ts";
import { type Statement, StatementSchema } from "./statement.ts";

const ulid = monotonicFactory();
const statementKey = (id: string) => ["statements", id];
const byLearner = (learnerId: string) => ["statements_by_learner", learnerId];

/**
 * Adds a statement to `op`, guarded so a statement id can never be written
 * twice (a retried commit with the same statement id fails instead).
 */
export function addStatement(
  op: Deno.AtomicOperation,
  statement: Statement,
  now: Date,
): Deno.AtomicOperation {
  const s = StatementSchema.parse(statement);
  return op
    .check({ key: statementKey(s.id), versionstamp: null })
    .set(statementKey(s.id), s)
    .set([...byLearner(s.actor.account.name), ulid(now.getTime())], s.id);
}

/** A learner's statements, newest first. */
export async function listLearnerStatements(
  kv: Deno.Kv,
  learnerId: string,
  limit = 50,
): Promise<Statement[]> {
  const out: Statement[] = [];
  for await (
    const entry of kv.list<string>({ prefix: byLearner(learnerId) }, {
      limit,
      reverse: true,
    })
  ) {
    const s = await kv.get(statementKey(entry.value));
    const parsed = StatementSchema.safeParse(s.value);
    if (!parsed.success) {
      throw new Error(
        `Cannot read ${
          JSON.stringify(statementKey(entry.value))
        }: ${parsed.error.message}`,
      );
    }
    out.push(parsed.data);
  }
  return out;
}

/** Every statement, oldest first, for xAPI export and rollup rebuilds. */
export async function* allStatements(
  kv: Deno.Kv,
  batch = 500,
): AsyncGenerator<Statement> {
  for await (
    const entry of kv.list({ prefix: ["statements"] }, { batchSize: batch })
  ) {
    const parsed = StatementSchema.safeParse(entry.value);
    if (!parsed.success) {
      throw new Error(
        `Cannot read ${JSON.stringify(entry.key)}: ${parsed.error.message}`,
      );
    }
    yield parsed.data;
  }
}

/**
 * A learner's statements whose timestamp falls in `[since, until)`, oldest
 * recorded first, at most `limit`, starting after the index key `after` (a
 * previous call's last `cursor`). `done` is true once the learner has no
 * more. The time index orders by recording, not by timestamp (they differ
 * for back-dated evidence), so the range is checked on each statement.
 */
export async function listLearnerStatementsBetween(
  kv: Deno.Kv,
  learnerId: string,
  range: { since: Date; until: Date; after?: string },
  limit = 500,
): Promise<
  { items: { statement: Statement; cursor: string }[]; done: boolean }
> {
  const prefix = byLearner(learnerId);
  const items: { statement: Statement; cursor: string }[] = [];
  let after = range.after;
  for (;;) {
    const refs = await Array.fromAsync(
      kv.list<string>(
        after
          ? { start: [...prefix, after + "\0"], end: [...prefix, "\uffff"] }
          : { prefix },
        { limit: 200 },
      ),
    );
    const entries = await getAll(kv, refs.map((r) => statementKey(r.value)));
    for (const [i, e] of entries.entries()) {
      const parsed = StatementSchema.safeParse(e.value);
      if (!parsed.success) {
        throw new Error(
          `Cannot read ${JSON.stringify(e.key)}: ${parsed.error.message}`,
        );
      }
      after = String(refs[i].key.at(-1));
      const t = Date.parse(parsed.data.timestamp);
      if (t < range.since.getTime() || t >= range.until.getTime()) continue;
      items.push({ statement: parsed.data, cursor: after });
      if (items.length >= limit) return { items, done: false };
    }
    if (refs.length < 200) return { items, done: true };
  }
}
