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
import { stageRollups } from "./rollup.ts";
import { type Statement, StatementSchema } from "./statement.ts";

const ulid = monotonicFactory();
const statementKey = (id: string) => ["statements", id];
const byLearner = (learnerId: string) => ["statements_by_learner", learnerId];

/**
 * Adds a statement to `op`, guarded so a statement id can never be written
 * twice (a retried commit with the same statement id fails instead), with
 * the evaluator's rollup changes in the same commit (lib/evaluation/rollup.ts).
 */
export function addStatement(
  op: Deno.AtomicOperation,
  statement: Statement,
  now: Date,
): Deno.AtomicOperation {
  const s = StatementSchema.parse(statement);
  op
    .check({ key: statementKey(s.id), versionstamp: null })
    .set(statementKey(s.id), s)
    .set([...byLearner(s.actor.account.name), ulid(now.getTime())], s.id);
  return stageRollups(op, s);
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
