/**
 * The QA loop: when an agent misses the same scorecard criterion N times
 * (N set by the trainer, default 3), the drill or scenario that trains the
 * criterion's skills is assigned on the agent's Today; later QA reviews of
 * the criterion show whether it moved. Counts come from the learner's
 * rollup (rollup.ts "qac"), checked by versionstamp in the review's commit
 * so two reviews saved at once cannot both miss the threshold. Only this
 * module reads or writes these keys:
 *
 * | key                                      | value          |
 * | ---------------------------------------- | -------------- |
 * | ["qa_loop", "n"]                         | number         |
 * | ["qa_assignments", learnerId, criterion] | QaAssignment   |
 */
import { z } from "zod";
import { getAll } from "@/lib/db/many.ts";
import { decodeStored } from "@/lib/db/decode.ts";
import type { EvaluationContent } from "./content_map.ts";
import { counterValue, ROLLUP_ROOT } from "@/lib/evidence/rollup.ts";

/** Misses of one criterion before its practice is assigned, by default. */
export const DEFAULT_LOOP_N = 3;

const nKey = ["qa_loop", "n"];
const assignmentKey = (learnerId: string, criterionId: string) => [
  "qa_assignments",
  learnerId,
  criterionId,
];
const missKey = (learnerId: string, criterionId: string) => [
  ROLLUP_ROOT,
  "l",
  learnerId,
  "qac",
  criterionId,
  "miss",
];
const scoredKey = (learnerId: string, criterionId: string) => [
  ROLLUP_ROOT,
  "l",
  learnerId,
  "qac",
  criterionId,
  "n",
];

/** Practice assigned by the loop. */
export const QaAssignmentSchema = z.object({
  learnerId: z.string(),
  criterionId: z.string(),
  /** Activity paths ("drills/x", "scenarios/y") that train the criterion. */
  practice: z.array(z.string()),
  assignedAt: z.date(),
  /** The criterion's counters when assigned, to show what moved since. */
  scoredAtAssign: z.number().int(),
  missedAtAssign: z.number().int(),
});
/** Practice assigned by the loop. */
export type QaAssignment = z.infer<typeof QaAssignmentSchema>;

/** The trainer's N (misses before practice is assigned). */
export async function getLoopN(kv: Deno.Kv): Promise<number> {
  const e = await kv.get<number>(nKey);
  return typeof e.value === "number" ? e.value : DEFAULT_LOOP_N;
}

/** Sets N (1-20). */
export async function setLoopN(kv: Deno.Kv, n: number): Promise<void> {
  await kv.set(nKey, z.number().int().min(1).max(20).parse(n));
}

/** Drill and scenario paths training a criterion's skills, drills first. */
export function practiceFor(
  content: EvaluationContent,
  criterionId: string,
): string[] {
  const paths = new Set<string>();
  for (const skill of content.criterionSkills[criterionId] ?? []) {
    for (const p of content.practiceOfSkill[skill] ?? []) paths.add(p);
  }
  return [...paths].sort((a, b) =>
    (a.startsWith("drills") ? 0 : 1) - (b.startsWith("drills") ? 0 : 1) ||
    a.localeCompare(b)
  ).slice(0, 2);
}

/**
 * Reads what the loop needs before a review is committed: the missed
 * criteria's counters (to check in the commit) and which will reach N.
 */
export async function planLoop(
  kv: Deno.Kv,
  learnerId: string,
  scored: readonly string[],
  missed: readonly string[],
  content: EvaluationContent,
  now: Date,
): Promise<{
  checks: Deno.AtomicCheck[];
  assignments: QaAssignment[];
}> {
  const n = await getLoopN(kv);
  const checks: Deno.AtomicCheck[] = [];
  const assignments: QaAssignment[] = [];
  for (const c of missed) {
    const [miss, seen, open] = await getAll(kv, [
      missKey(learnerId, c),
      scoredKey(learnerId, c),
      assignmentKey(learnerId, c),
    ]);
    checks.push(miss, open);
    const misses = Number(counterValue(miss.value)) + 1;
    const practice = practiceFor(content, c);
    if (misses >= n && open.versionstamp === null && practice.length > 0) {
      assignments.push({
        learnerId,
        criterionId: c,
        practice,
        assignedAt: now,
        scoredAtAssign: Number(counterValue(seen.value)) +
          (scored.includes(c) ? 1 : 0),
        missedAtAssign: misses,
      });
    }
  }
  return { checks, assignments };
}

/** Adds the planned checks and assignments to the review's commit. */
export function stageLoop(
  op: Deno.AtomicOperation,
  plan: { checks: Deno.AtomicCheck[]; assignments: QaAssignment[] },
): void {
  for (const c of plan.checks) op.check(c);
  for (const a of plan.assignments) {
    op.set(
      assignmentKey(a.learnerId, a.criterionId),
      QaAssignmentSchema.parse(a),
    );
  }
}

/** One loop as mentors and the agent see it. */
export interface LoopView extends QaAssignment {
  /** Reviews of the criterion since it was assigned. */
  reviewedSince: number;
  /** Of those, how many met it. */
  metSince: number;
  /** "waiting" (no review since), "moved" (met since), "not-yet". */
  movement: "waiting" | "moved" | "not-yet";
}

/** An agent's loops, with the movement since each was assigned. */
export async function listLoops(
  kv: Deno.Kv,
  learnerId: string,
): Promise<LoopView[]> {
  const assignments = await Array.fromAsync(
    kv.list({ prefix: ["qa_assignments", learnerId] }, { limit: 100 }),
    (e) => decodeStored(QaAssignmentSchema, e.key, e.value),
  );
  const out: LoopView[] = [];
  for (const a of assignments) {
    const [seen, miss] = await getAll(kv, [
      scoredKey(learnerId, a.criterionId),
      missKey(learnerId, a.criterionId),
    ]);
    const reviewedSince = Number(counterValue(seen.value)) - a.scoredAtAssign;
    const missedSince = Number(counterValue(miss.value)) - a.missedAtAssign;
    const metSince = Math.max(0, reviewedSince - missedSince);
    out.push({
      ...a,
      reviewedSince,
      metSince,
      movement: reviewedSince <= 0
        ? "waiting"
        : metSince > 0
        ? "moved"
        : "not-yet",
    });
  }
  return out;
}
