/**
 * The certification funnel of a group of learners for one level: how many
 * were invited, became active, passed the module quizzes, took the level's
 * exam, were certified, and of those how many certificates are expiring
 * (inside the renewal reminder) or expired. Pure: facts per learner in,
 * counts out; the stages are cumulative up to "certified", and "expiring"
 * and "expired" are parts of "certified".
 */
import type { Certification } from "@/lib/content/schema.ts";

/** The stages, in funnel order (i18n keys `dash.funnel.<stage>`). */
export const FUNNEL_STAGES = [
  "invited",
  "active",
  "modules",
  "exam",
  "certified",
  "expiring",
  "expired",
] as const;
/** A funnel stage. */
export type FunnelStage = typeof FUNNEL_STAGES[number];

/** What the funnel needs to know about one member of a cohort. */
export interface FunnelFacts {
  /** Recorded any learning (a lesson, quiz, scenario or drill). */
  active: boolean;
  /** Module id -> best percent in its quiz, and whether it was passed. */
  quizzes: Record<string, { best: number; passed: boolean }>;
  /** Submitted exam ids. */
  examsTaken: ReadonlySet<string>;
  /** Certificates of this learner (any level). */
  certificates: readonly {
    levelId: string;
    validUntil: Date;
    revoked?: unknown;
  }[];
}

/** The stages one learner has reached for `level`. */
export function learnerStages(
  level: Certification,
  moduleIds: readonly string[],
  facts: FunnelFacts,
  now: Date,
): Set<FunnelStage> {
  const out = new Set<FunnelStage>(["invited"]);
  if (facts.active) out.add("active");
  const rule = level.rules.quizzes;
  const modules = rule?.modules ?? moduleIds;
  const modulesPassed = modules.length > 0 && modules.every((m) => {
    const q = facts.quizzes[m];
    return q !== undefined &&
      (rule ? q.best >= rule.minPercent : q.passed);
  });
  if (modulesPassed) out.add("modules");
  const exam = level.rules.exam?.ref ?? level.recertification?.exam;
  if (exam && facts.examsTaken.has(exam)) out.add("exam");
  const held = facts.certificates.filter((c) =>
    c.levelId === level.id && !c.revoked
  );
  if (held.length > 0) {
    out.add("certified");
    const valid = held.filter((c) => c.validUntil.getTime() >= now.getTime());
    if (valid.length === 0) out.add("expired");
    else {
      const last = Math.max(...valid.map((c) => c.validUntil.getTime()));
      if (last - now.getTime() <= level.reminderDays * 86_400_000) {
        out.add("expiring");
      }
    }
  }
  return out;
}

/** Counts per stage; `pendingInvitations` adds people invited who have not joined. */
export function countFunnel(
  stages: readonly Set<FunnelStage>[],
  pendingInvitations: number,
): Record<FunnelStage, number> {
  const counts = Object.fromEntries(FUNNEL_STAGES.map((s) => [s, 0])) as Record<
    FunnelStage,
    number
  >;
  for (const s of stages) for (const stage of s) counts[stage]++;
  counts.invited += pendingInvitations;
  return counts;
}
