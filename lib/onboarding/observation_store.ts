/**
 * QA observations of a learner's real conversations, scored on the
 * scorecard (assessments/observations/) by a QA reviewer or manager: the
 * behaviour (level 3) evidence. Ids are ULIDs, so the newest is last. Each
 * review is also an evidence statement in the same commit (the evaluator's
 * QA rollups and its QA loop read it). Only this module reads or writes
 * these keys:
 *
 * | key                                                | value       |
 * | -------------------------------------------------- | ----------- |
 * | ["observations", learnerId, observationId, id]     | Observation |
 */
import { monotonicFactory } from "ulid";
import { z } from "zod";
import { ConflictError } from "@/lib/errors.ts";
import type { Observation } from "@/lib/content/schema.ts";
import { scoreConversation } from "@/lib/content/qa_scorecard.ts";
import { decodeStored } from "@/lib/db/decode.ts";
import { buildStatement } from "@/lib/evidence/statement.ts";
import { addStatement } from "@/lib/evidence/statement_store.ts";
import { EVAL_EXT } from "@/lib/evidence/eval_extensions.ts";
import { type Checkpoint, checkpointOfDay } from "@/lib/evaluation/formulas.ts";
import {
  type EvaluationContent,
  NO_CONTENT,
} from "@/lib/evaluation/content_map.ts";
import {
  planLoop,
  type QaAssignment,
  stageLoop,
} from "@/lib/evaluation/qa_loop.ts";
import {
  dayOfPlan,
  getCohort,
  listMembershipsOfUser,
} from "@/lib/identity/teams/cohort_store.ts";

const ulid = monotonicFactory();

/** A stored observation. */
export const ObservationRecordSchema = z.object({
  id: z.string(),
  observationId: z.string(),
  learnerId: z.string(),
  by: z.string(),
  met: z.array(z.string()),
  breached: z.array(z.string()),
  percent: z.number().min(0).max(100),
  passed: z.boolean(),
  note: z.string().max(500),
  /** Notes per criterion (coaching points), criterion id -> note. */
  notes: z.record(z.string(), z.string().max(300)).default({}),
  /** Day 14/30/60/90 checkpoint, or "other". */
  checkpoint: z.enum(["d14", "d30", "d60", "d90", "other"]).default("other"),
  at: z.date(),
});
/** A stored observation. */
export type ObservationRecord = z.infer<typeof ObservationRecordSchema>;

/**
 * Scores the marks on the scorecard and stores the observation with its
 * statement; the QA loop assigns practice in the same commit when a missed
 * criterion reaches the trainer's N (qa_loop.ts).
 */
export async function recordObservation(
  kv: Deno.Kv,
  input: {
    card: Observation;
    learnerId: string;
    by: string;
    met: string[];
    breached: string[];
    note: string;
    notes?: Record<string, string>;
    /** Chosen by the reviewer; else from the agent's day in their cohort. */
    checkpoint?: Checkpoint;
    /** Maps criteria to practice for the QA loop. */
    content?: EvaluationContent;
  },
  now: Date,
): Promise<ObservationRecord & { assigned: QaAssignment[] }> {
  const result = scoreConversation(input.card, {
    met: new Set(input.met),
    breached: new Set(input.breached),
  });
  const itemIds = input.card.sections.flatMap((s) => s.items.map((i) => i.id));
  const items = new Set(itemIds);
  const met = input.met.filter((m) => items.has(m));
  const missed = itemIds.filter((i) => !met.includes(i));
  const membership = (await listMembershipsOfUser(kv, input.learnerId)).sort(
    (a, b) => b.joinedAt.getTime() - a.joinedAt.getTime(),
  )[0];
  const cohort = membership ? await getCohort(kv, membership.cohortId) : null;
  const checkpoint = input.checkpoint ??
    (cohort
      ? checkpointOfDay(dayOfPlan(cohort.startDate, now, cohort.timeZone))
      : "other");
  const record = ObservationRecordSchema.parse({
    id: ulid(now.getTime()),
    observationId: input.card.id,
    learnerId: input.learnerId,
    by: input.by,
    met,
    breached: result.breaches,
    percent: Math.round(result.percent * 10) / 10,
    passed: result.passed,
    note: input.note,
    notes: Object.fromEntries(
      Object.entries(input.notes ?? {}).filter(([k, v]) =>
        items.has(k) && v.trim()
      ).map(([k, v]) => [k, v.trim().slice(0, 300)]),
    ),
    checkpoint,
    at: now,
  });
  for (let attempt = 0; attempt < 10; attempt++) {
    const plan = await planLoop(
      kv,
      input.learnerId,
      itemIds,
      missed,
      input.content ?? NO_CONTENT,
      now,
    );
    const op = kv.atomic().set(
      ["observations", record.learnerId, record.observationId, record.id],
      record,
    );
    addStatement(
      op,
      buildStatement({
        learnerId: input.learnerId,
        verb: record.passed ? "passed" : "failed",
        activity: {
          kind: "observation",
          path: `observations/${input.card.id}`,
          name: input.card.title,
        },
        courseId: input.content?.courseId || "onboarding",
        contentVersion: 1,
        cohortId: membership?.cohortId,
        score: { raw: record.percent, max: 100 },
        success: record.passed,
        extensions: {
          [EVAL_EXT.checkpoint]: checkpoint,
          [EVAL_EXT.scored]: itemIds,
          [EVAL_EXT.missed]: missed,
          [EVAL_EXT.breaches]: record.breached,
          ...(membership ? { [EVAL_EXT.team]: membership.teamId } : {}),
        },
        at: now,
      }),
      now,
    );
    stageLoop(op, plan);
    if ((await op.commit()).ok) {
      return { ...record, assigned: plan.assignments };
    }
  }
  throw new ConflictError(
    `Cannot record the observation of "${input.learnerId}": contention`,
    "retry",
  );
}

/** The learner's latest observation per scorecard. */
export async function latestObservations(
  kv: Deno.Kv,
  learnerId: string,
): Promise<Map<string, ObservationRecord>> {
  const out = new Map<string, ObservationRecord>();
  for await (
    const e of kv.list({ prefix: ["observations", learnerId] }, { limit: 500 })
  ) {
    const r = decodeStored(ObservationRecordSchema, e.key, e.value);
    out.set(r.observationId, r); // ULIDs ascend: the last one wins
  }
  return out;
}

/** The learner's observations, newest first (at most `limit`). */
export async function listObservations(
  kv: Deno.Kv,
  learnerId: string,
  limit = 100,
): Promise<ObservationRecord[]> {
  const out = await Array.fromAsync(
    kv.list({ prefix: ["observations", learnerId] }, { limit: 500 }),
    (e) => decodeStored(ObservationRecordSchema, e.key, e.value),
  );
  return out.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
