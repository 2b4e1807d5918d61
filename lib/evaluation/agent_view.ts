/**
 * An agent's on-the-job record for their manager, mentor or an admin: QA
 * reviews, the QA loop with its movement, drivers logged and KPI months.
 * Who may see it is decided by lib/auth/record_access.ts `canSeeLearner`,
 * as for the dashboards' drill-down; the route policy leaves trainers out
 * (they see aggregates only).
 *
 * @module
 */
import { z } from "zod";
import { parseForm } from "@/lib/forms/form.ts";
import { DRIVER_KINDS, type DriverEntry, listDrivers } from "./driver_store.ts";
import { type KpiPeriod, listPeriods } from "./kpi_store.ts";
import { getLoopN, listLoops, type LoopView } from "./qa_loop.ts";

/** The agent page's evaluator parts (QA reviews come from their store). */
export interface AgentRecord {
  loops: LoopView[];
  loopN: number;
  drivers: DriverEntry[];
  kpi: KpiPeriod[];
}

/** Reads an agent's loops, drivers and KPI months (newest first). */
export async function agentRecord(
  kv: Deno.Kv,
  learnerId: string,
): Promise<AgentRecord> {
  const [loops, loopN, drivers, kpi] = await Promise.all([
    listLoops(kv, learnerId),
    getLoopN(kv),
    listDrivers(kv, learnerId),
    listPeriods(kv, learnerId),
  ]);
  return {
    loops,
    loopN,
    drivers,
    kpi: kpi.sort((a, b) => b.month.localeCompare(a.month)),
  };
}

/** The driver form. */
export const DriverFormSchema = z.object({
  kind: z.enum(DRIVER_KINDS, { error: "evaluator.drivers.kind_invalid" }),
  topic: z.string().trim().max(60, {
    error: "evaluator.drivers.topic_too_long",
  }).optional().transform((v) => v || undefined),
  note: z.string().trim().max(500, {
    error: "evaluator.drivers.note_too_long",
  }).default(""),
});
/** Fields of the driver form. */
export type DriverField = "kind" | "topic" | "note";

/** Reads the driver form; every field's problem as a message key. */
export function parseDriverForm(values: Record<string, unknown>) {
  return parseForm<typeof DriverFormSchema, DriverField>(
    DriverFormSchema,
    values,
    "evaluator.drivers.invalid",
  );
}

/** The loop setting form. */
export const LoopFormSchema = z.object({
  n: z.coerce.number({ error: "evaluator.settings.n_invalid" }).int({
    error: "evaluator.settings.n_invalid",
  }).min(1, { error: "evaluator.settings.n_invalid" }).max(20, {
    error: "evaluator.settings.n_invalid",
  }),
});

/** Reads the loop setting form. */
export function parseLoopForm(values: Record<string, unknown>) {
  return parseForm<typeof LoopFormSchema, "n">(
    LoopFormSchema,
    values,
    "evaluator.settings.n_invalid",
  );
}
