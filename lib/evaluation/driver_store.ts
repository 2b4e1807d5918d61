/**
 * Required drivers (New World Kirkpatrick): coaching sessions,
 * reinforcement and recognition that mentors and managers log per agent.
 * Each entry is a statement in the same commit, so drivers count in the
 * cohort, learner and team-month rollups. Only this module reads or writes
 * these keys:
 *
 * | key                              | value       |
 * | -------------------------------- | ----------- |
 * | ["drivers", learnerId, ulid]     | DriverEntry |
 */
import { monotonicFactory } from "ulid";
import { z } from "zod";
import { ConflictError } from "@/lib/errors.ts";
import { EVAL_EXT } from "@/lib/evidence/eval_extensions.ts";
import { buildStatement } from "@/lib/evidence/statement.ts";
import { addStatement } from "@/lib/evidence/statement_store.ts";
import { decodeStored } from "@/lib/db/decode.ts";
import { listMembershipsOfUser } from "@/lib/identity/teams/cohort_store.ts";

const ulid = monotonicFactory();

/** Kinds of driver. */
export const DRIVER_KINDS = [
  "coaching",
  "reinforcement",
  "recognition",
] as const;

/** One logged driver. */
export const DriverEntrySchema = z.object({
  id: z.string(),
  learnerId: z.string(),
  by: z.string(),
  kind: z.enum(DRIVER_KINDS),
  /** The QA criterion or skill it was about, when any. */
  topic: z.string().max(60).optional(),
  note: z.string().max(500),
  at: z.date(),
});
/** One logged driver. */
export type DriverEntry = z.infer<typeof DriverEntrySchema>;

/** Logs a driver with its statement in one commit. */
export async function logDriver(
  kv: Deno.Kv,
  input: Omit<DriverEntry, "id" | "at">,
  now: Date,
): Promise<DriverEntry> {
  const entry = DriverEntrySchema.parse({
    ...input,
    id: ulid(now.getTime()),
    at: now,
  });
  const membership = (await listMembershipsOfUser(kv, input.learnerId)).sort(
    (a, b) => b.joinedAt.getTime() - a.joinedAt.getTime(),
  )[0];
  const op = kv.atomic()
    .check({ key: ["drivers", entry.learnerId, entry.id], versionstamp: null })
    .set(["drivers", entry.learnerId, entry.id], entry);
  addStatement(
    op,
    buildStatement({
      learnerId: entry.learnerId,
      verb: "attended",
      activity: {
        kind: "meeting",
        path: `drivers/${entry.kind}`,
        name: entry.kind,
      },
      courseId: "onboarding",
      contentVersion: 1,
      cohortId: membership?.cohortId,
      extensions: {
        [EVAL_EXT.driver]: entry.kind,
        ...(membership ? { [EVAL_EXT.team]: membership.teamId } : {}),
      },
      at: now,
    }),
    now,
  );
  if (!(await op.commit()).ok) {
    throw new ConflictError(
      `Cannot log a driver for "${entry.learnerId}"`,
      "retry",
    );
  }
  return entry;
}

/** An agent's drivers, newest first. */
export async function listDrivers(
  kv: Deno.Kv,
  learnerId: string,
  limit = 50,
): Promise<DriverEntry[]> {
  return await Array.fromAsync(
    kv.list({ prefix: ["drivers", learnerId] }, { limit, reverse: true }),
    (e) => decodeStored(DriverEntrySchema, e.key, e.value),
  );
}
