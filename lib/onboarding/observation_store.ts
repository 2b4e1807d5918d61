/**
 * QA observations of a learner's real conversations, scored on the
 * scorecard (assessments/observations/) by a QA reviewer or manager: the
 * behaviour (level 3) evidence. Ids are ULIDs, so the newest is last. Only
 * this module reads or writes these keys:
 *
 * | key                                                | value       |
 * | -------------------------------------------------- | ----------- |
 * | ["observations", learnerId, observationId, id]     | Observation |
 */
import { monotonicFactory } from "ulid";
import { z } from "zod";
import type { Observation } from "@/lib/content/schema.ts";
import { scoreConversation } from "@/lib/content/qa_scorecard.ts";
import { decodeStored } from "@/lib/db/decode.ts";

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
  at: z.date(),
});
/** A stored observation. */
export type ObservationRecord = z.infer<typeof ObservationRecordSchema>;

/** Scores the marks on the scorecard and stores the observation. */
export async function recordObservation(
  kv: Deno.Kv,
  input: {
    card: Observation;
    learnerId: string;
    by: string;
    met: string[];
    breached: string[];
    note: string;
  },
  now: Date,
): Promise<ObservationRecord> {
  const result = scoreConversation(input.card, {
    met: new Set(input.met),
    breached: new Set(input.breached),
  });
  const items = new Set(
    input.card.sections.flatMap((s) => s.items.map((i) => i.id)),
  );
  const record = ObservationRecordSchema.parse({
    id: ulid(now.getTime()),
    observationId: input.card.id,
    learnerId: input.learnerId,
    by: input.by,
    met: input.met.filter((m) => items.has(m)),
    breached: result.breaches,
    percent: Math.round(result.percent * 10) / 10,
    passed: result.passed,
    note: input.note,
    at: now,
  });
  await kv.set(
    ["observations", record.learnerId, record.observationId, record.id],
    record,
  );
  return record;
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
