/**
 * The per-learner progress rollup of one course: what pages read instead of
 * scanning attempts or statements. It changes only inside the atomic commit
 * of the event that changes it (`stageProgress`), guarded by its
 * versionstamp, so a concurrent writer makes the commit fail and retry.
 *
 * | key                                 | value    |
 * | ----------------------------------- | -------- |
 * | ["progress", learnerId, courseId]   | Progress |
 */
import { readMany, readOne } from "@/lib/db/coalesced_reads.ts";
import {
  addUserChange,
  sessionCacheOf,
  userChanged,
  userChangeKey,
} from "@/lib/identity/sessions/session_cache.ts";
import { z } from "zod";

const progressKey = (
  learnerId: string,
  courseId: string,
) => ["progress", learnerId, courseId];

const Best = z.object({
  best: z.number().min(0).max(100),
  latest: z.number().min(0).max(100),
  count: z.number().int().min(0),
  passed: z.boolean(),
  lastAt: z.date(),
});

/** A learner's progress in one course. */
export const ProgressSchema = z.object({
  learnerId: z.string(),
  courseId: z.string(),
  /** Lesson id -> when it was marked complete. */
  lessons: z.record(z.string(), z.date()),
  quizzes: z.record(z.string(), Best),
  scenarios: z.record(
    z.string(),
    Best.extend({ outcome: z.enum(["resolved", "escalated", "lost"]) }),
  ),
  drills: z.record(z.string(), Best),
  /** Where the learner last was, for "resume". */
  last: z.object({ url: z.string(), title: z.string(), at: z.date() })
    .nullable(),
  updatedAt: z.date(),
});
export type Progress = z.infer<typeof ProgressSchema>;

/** Empty progress for a learner who has not started. */
export function emptyProgress(
  learnerId: string,
  courseId: string,
  now: Date,
): Progress {
  return {
    learnerId,
    courseId,
    lessons: {},
    quizzes: {},
    scenarios: {},
    drills: {},
    last: null,
    updatedAt: now,
  };
}

/** Reads progress with its versionstamp (null when none yet). */
export async function readProgress(
  kv: Deno.Kv,
  learnerId: string,
  courseId: string,
  now: Date,
): Promise<{ progress: Progress; versionstamp: string | null }> {
  const key = progressKey(learnerId, courseId);
  const entry = await readOne(kv, key);
  if (entry.versionstamp === null) {
    return {
      progress: emptyProgress(learnerId, courseId, now),
      versionstamp: null,
    };
  }
  return {
    progress: decodeProgress(key, entry.value),
    versionstamp: entry.versionstamp,
  };
}

/**
 * A learner's progress, or empty progress, for pages: read-only (frozen), and
 * taken from this instance's session cache when it holds it (at most 2 s
 * old, dropped at once when the learner's progress changes here, and told by
 * the learner's change key when it changes on another instance). Writers
 * read with `readProgress` instead.
 */
export async function getProgress(
  kv: Deno.Kv,
  learnerId: string,
  courseId: string,
  now: Date,
): Promise<Readonly<Progress>> {
  const cache = sessionCacheOf<Progress>(kv);
  if (!cache) {
    return (await readProgress(kv, learnerId, courseId, now)).progress;
  }
  const cacheKey = `progress:${learnerId}:${courseId}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit.value;
  const generation = cache.generation(learnerId);
  const key = progressKey(learnerId, courseId);
  const [entry, change] = await readMany(kv, [key, userChangeKey(learnerId)]);
  const progress = deepFreeze(
    entry.versionstamp === null
      ? emptyProgress(learnerId, courseId, now)
      : decodeProgress(key, entry.value),
  );
  cache.put(cacheKey, learnerId, progress, change.versionstamp, generation);
  return progress;
}

function decodeProgress(key: Deno.KvKey, value: unknown): Progress {
  const parsed = ProgressSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `Cannot read ${JSON.stringify(key)}: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}

/** Freezes a value shared by requests, so no page can change it for another. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Adds the new progress to `op`, checked against the versionstamp it was read at. */
export function stageProgress(
  op: Deno.AtomicOperation,
  read: { versionstamp: string | null },
  next: Progress,
) {
  const p = ProgressSchema.parse(next);
  const key = progressKey(p.learnerId, p.courseId);
  return op.check({ key, versionstamp: read.versionstamp }).set(key, p);
}

/** Folds one scored result into a best/latest record. */
export function foldScore(
  previous: z.infer<typeof Best> | undefined,
  percent: number,
  passed: boolean,
  at: Date,
): z.infer<typeof Best> {
  return {
    best: Math.max(previous?.best ?? 0, percent),
    latest: percent,
    count: (previous?.count ?? 0) + 1,
    passed: Boolean(previous?.passed) || passed,
    lastAt: at,
  };
}

/**
 * Runs `build` against fresh progress until its commit lands (optimistic
 * concurrency). `build` adds its own mutations to the operation and returns
 * the new progress, or null to write nothing.
 */
export async function commitWithProgress<T>(
  kv: Deno.Kv,
  learnerId: string,
  courseId: string,
  now: Date,
  build: (
    op: Deno.AtomicOperation,
    progress: Progress,
  ) => Promise<{ next: Progress | null; value: T }> | {
    next: Progress | null;
    value: T;
  },
): Promise<T> {
  for (let attempt = 0; attempt < 40; attempt++) {
    // Jittered backoff: writers for one learner are few (tabs, retries).
    if (attempt > 0) {
      await new Promise((r) =>
        setTimeout(r, Math.random() * Math.min(50, 2 ** attempt))
      );
    }
    const read = await readProgress(kv, learnerId, courseId, now);
    const op = kv.atomic();
    const { next, value } = await build(op, structuredClone(read.progress));
    if (next) {
      stageProgress(op, read, { ...next, updatedAt: now });
      // Cached pages of this learner are dropped here at once and, through
      // the watched change key, on other instances (session_cache.ts).
      addUserChange(op, learnerId, now, { log: false });
    }
    const res = await op.commit();
    if (res.ok) {
      if (next) userChanged(kv, learnerId);
      return value;
    }
  }
  throw new Error(
    `Cannot update progress of "${learnerId}" in "${courseId}": too much contention`,
  );
}
