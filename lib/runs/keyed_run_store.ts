/**
 * The one keyed-run store: the key table and idempotency rules that quiz
 * attempts, exam attempts, scenario runs and drill runs share. A run is one
 * learner's go at one activity of a course, pinned to the course version;
 * each kind names its own keys (so stored data keeps its layout) and its
 * schema, and gets the same reads, listing and idempotent steps:
 *
 * | key                                                 | value            |
 * | --------------------------------------------------- | ---------------- |
 * | [runs, runId]                                       | the run          |
 * | [byLearner, learnerId, courseId, activityId, runId] | runId            |
 * | stepKey(run, idempotencyKey)                        | what a step left |
 *
 * The kinds and their names: quiz and exam attempts ("quiz_attempts",
 * "quiz_attempts_by_learner", ["quiz_submissions", learnerId, key]),
 * scenario runs ("scenario_runs", "scenario_runs_by_learner",
 * ["scenario_turn_keys", runId, key]) and drill runs ("drill_runs",
 * "drill_runs_by_learner", ["drill_answer_keys", runId, key]). Only the
 * kind's own store module (and this one) touches its keys.
 *
 * Idempotency: a step (a turn, an answer, a submission) carries a key from
 * the page. The step, its key record, and (when it finishes the run) the
 * evidence statement and the progress rollup are ONE commit through
 * lib/evidence/progress_store.ts `commitWithProgress`, which retries on a
 * concurrent writer. A key already recorded returns the run as stored
 * (`stored: false`) and applies nothing; an input the run refuses throws
 * and writes nothing. Run ids are ULIDs, so the learner index lists runs in
 * time order.
 */
import type { z } from "zod";
import { monotonicFactory } from "ulid";
import { getAll } from "@/lib/db/many.ts";
import { decodeStored } from "@/lib/db/decode.ts";
import {
  commitWithProgress,
  type Progress,
} from "@/lib/evidence/progress_store.ts";
import {
  buildStatement,
  type StatementInput,
} from "@/lib/evidence/statement.ts";
import { addStatement } from "@/lib/evidence/statement_store.ts";

const ulid = monotonicFactory();

/** A new run id: a ULID of `now`, so the learner index lists runs in time order. */
export function newRunId(now: Date): string {
  return ulid(now.getTime());
}

/** What every kind of run holds. */
export interface BaseRun {
  id: string;
  learnerId: string;
  courseId: string;
}

/** A run pinned to a course version that records when it started. */
export interface TimedRun extends BaseRun {
  version: number;
  startedAt: Date;
}

/** What a finished run's statement says beyond what the run itself holds. */
export type RunStatementFields =
  & Pick<
    StatementInput,
    "activity" | "moduleId" | "cohortId" | "score" | "extensions" | "id"
  >
  & { passed: boolean };

/**
 * Adds to `op` the evidence statement of a run that finished `now`: passed
 * or failed, complete, with the learner, course, version and duration read
 * from the run. Lands in the step's one commit (see the module note).
 */
export function addFinishedStatement(
  op: Deno.AtomicOperation,
  run: TimedRun,
  fields: RunStatementFields,
  now: Date,
): void {
  const { passed, ...rest } = fields;
  addStatement(
    op,
    buildStatement({
      ...rest,
      learnerId: run.learnerId,
      verb: passed ? "passed" : "failed",
      courseId: run.courseId,
      contentVersion: run.version,
      success: passed,
      completion: true,
      durationMs: now.getTime() - run.startedAt.getTime(),
      at: now,
    }),
    now,
  );
}

/** A kind of run: its keys, its schema and how its activity is named. */
export interface RunKind<R extends BaseRun> {
  /** Name of the run records' key prefix, e.g. "scenario_runs". */
  runs: string;
  /** Name of the learner index's key prefix, e.g. "scenario_runs_by_learner". */
  byLearner: string;
  /** The key recording a step's idempotency key. */
  stepKey: (run: R, idempotencyKey: string) => Deno.KvKey;
  /** How long a step key is kept (none: forever). */
  stepExpireIn?: number;
  schema: z.ZodType<R>;
  /** The activity a run belongs to (scenario id, drill id, module id). */
  activityOf: (run: R) => string;
  /** The error for a run that is missing or someone else's. */
  notFound: (runId: string) => Error;
}

/** Step keys kept a week: long enough for any retry of a page. */
export const STEP_KEY_TTL_MS = 7 * 24 * 3600 * 1000;

/** What a step did: the run after it, and whether this call stored it. */
export interface StepOutcome<R> {
  run: R;
  /** False when the idempotency key was already recorded (nothing applied). */
  stored: boolean;
}

/** What a step's `apply` returns: the next run and the next rollup (null: none). */
export interface Applied<R> {
  run: R;
  progress: Progress | null;
  /** What the step key records (default: true). */
  stepValue?: unknown;
}

/** The store of one kind of run. */
export function keyedRunStore<R extends BaseRun>(kind: RunKind<R>) {
  const runKey = (id: string): Deno.KvKey => [kind.runs, id];
  const indexPrefix = (
    learnerId: string,
    courseId: string,
    activity?: string,
  ) =>
    activity === undefined
      ? [kind.byLearner, learnerId, courseId]
      : [kind.byLearner, learnerId, courseId, activity];
  const decode = (key: Deno.KvKey, value: unknown): R =>
    decodeStored(kind.schema, key, value);

  async function byIds(kv: Deno.Kv, ids: string[]): Promise<R[]> {
    const entries = await getAll(kv, ids.map(runKey));
    return entries.filter((e) => e.versionstamp !== null).map((e) =>
      decode(e.key, e.value)
    );
  }
  async function indexed(
    kv: Deno.Kv,
    prefix: Deno.KvKey,
    limit: number,
  ): Promise<R[]> {
    const ids = await Array.fromAsync(
      kv.list<string>({ prefix }, { limit, reverse: true }),
      (e) => e.value,
    );
    return await byIds(kv, ids);
  }

  return {
    runKey,
    /** The learner index prefix of one activity (or of a whole course). */
    indexPrefix,
    decode,

    /**
     * Adds a new run to `op`: the record (checked absent) and its index
     * entry. The caller may add its own checks (say, one open attempt).
     */
    insert(op: Deno.AtomicOperation, run: R): Deno.AtomicOperation {
      const parsed = kind.schema.parse(run);
      return op.check({ key: runKey(run.id), versionstamp: null })
        .set(runKey(run.id), parsed)
        .set([
          ...indexPrefix(run.learnerId, run.courseId, kind.activityOf(run)),
          run.id,
        ], run.id);
    },

    /**
     * Starts a run now: a new time-ordered id, `startedAt` set to `now`, the
     * kind's own fields from `fields(id)`; stored as {@linkcode create} does.
     */
    start(
      kv: Deno.Kv,
      now: Date,
      fields: (id: string) => Omit<R, "id" | "startedAt">,
    ): Promise<R> {
      const id = newRunId(now);
      return this.create(
        kv,
        kind.schema.parse({ ...fields(id), id, startedAt: now }),
      );
    },

    /** Stores a new run; throws if its id is taken. */
    async create(kv: Deno.Kv, run: R): Promise<R> {
      const res = await this.insert(kv.atomic(), run).commit();
      if (!res.ok) {
        throw new Error(`Cannot store run "${run.id}": the id is taken`);
      }
      return kind.schema.parse(run);
    },

    /** A run of this learner; the kind's not-found error when missing or another's. */
    async get(kv: Deno.Kv, learnerId: string, runId: string): Promise<R> {
      const entry = await kv.get(runKey(runId));
      if (entry.versionstamp === null) throw kind.notFound(runId);
      const run = decode(entry.key, entry.value);
      if (run.learnerId !== learnerId) throw kind.notFound(runId);
      return run;
    },

    /** The run record with its versionstamp, for a caller's own atomic check. */
    async entry(kv: Deno.Kv, runId: string) {
      const entry = await kv.get(runKey(runId));
      if (entry.versionstamp === null) throw kind.notFound(runId);
      return { entry, run: decode(entry.key, entry.value) };
    },

    /** A learner's runs of one activity, newest first. */
    list(
      kv: Deno.Kv,
      learnerId: string,
      courseId: string,
      activityId: string,
      limit = 20,
    ): Promise<R[]> {
      return indexed(kv, indexPrefix(learnerId, courseId, activityId), limit);
    },

    /** A learner's runs of every activity of a course, newest first per activity. */
    listOfCourse(
      kv: Deno.Kv,
      learnerId: string,
      courseId: string,
      limit = 500,
    ): Promise<R[]> {
      return indexed(kv, indexPrefix(learnerId, courseId), limit);
    },

    /**
     * Applies one idempotent step to a learner's run (see the module note).
     * `apply` gets the run as stored now, the commit being built and the
     * learner's rollup; it throws to refuse, adds statements to `op`, and
     * returns the next run and rollup, or null when there is nothing to apply
     * (the run comes back as it is, `stored: false`, and nothing is written).
     */
    async step(
      kv: Deno.Kv,
      input: {
        learnerId: string;
        runId: string;
        idempotencyKey: string;
        now: Date;
      },
      apply: (
        run: R,
        op: Deno.AtomicOperation,
        progress: Progress,
      ) => Promise<Applied<R> | null> | Applied<R> | null,
    ): Promise<StepOutcome<R>> {
      const first = await this.get(kv, input.learnerId, input.runId);
      const stepKey = kind.stepKey(first, input.idempotencyKey);
      return await commitWithProgress<StepOutcome<R>>(
        kv,
        input.learnerId,
        first.courseId,
        input.now,
        async (op, progress) => {
          const [seen, entry] = await getAll(kv, [
            stepKey,
            runKey(input.runId),
          ]);
          const run = decode(entry.key, entry.value);
          if (seen.versionstamp !== null) {
            return { next: null, value: { run, stored: false } };
          }
          const applied = await apply(run, op, progress);
          // Nothing to apply (a step the run already took another way).
          if (applied === null) {
            return { next: null, value: { run, stored: false } };
          }
          const next = kind.schema.parse(applied.run);
          op.check(entry)
            .set(entry.key, next)
            .check({ key: stepKey, versionstamp: null })
            .set(
              stepKey,
              applied.stepValue ?? true,
              kind.stepExpireIn ? { expireIn: kind.stepExpireIn } : undefined,
            );
          return { next: applied.progress, value: { run: next, stored: true } };
        },
      );
    },
  };
}
