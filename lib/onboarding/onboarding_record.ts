/**
 * A learner's onboarding record, read once for the Today page, the manager's
 * view and certification: the plan standing with every kind of evidence,
 * each exam's attempts and verdicts, each certification level explained,
 * and the certificates held. `refreshCertificates` issues what has become
 * due (automatic issuing).
 */
import { type CourseView, getCourseView } from "@/lib/content/course_view.ts";
import type { Certification, Exam, Plan } from "@/lib/content/schema.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";
import {
  type Cohort,
  dayOfPlan,
  latestCohortOf,
} from "@/lib/identity/teams/cohort_store.ts";
import {
  type Certificate,
  certificateStatus,
  listLearnerCertificates,
} from "@/lib/certification/certificate_store.ts";
import { issueIfDue } from "@/lib/certification/issuing.ts";
import {
  type CertificationFacts,
  explainLevel,
  type Explanation,
} from "@/lib/certification/rules.ts";
import { type ExamOutcome, examOutcome } from "@/lib/exam/exam_outcome.ts";
import type { Attempt } from "@/lib/quiz/attempt.ts";
import { examAssessmentKey, listAttempts } from "@/lib/quiz/attempt_store.ts";
import { listRuns, type Run } from "@/lib/scenario/run_store.ts";
import { respondedSurveys } from "@/lib/survey/survey_response_store.ts";
import { listConfirmations } from "./confirmation_store.ts";
import { latestObservations } from "./observation_store.ts";
import {
  planItemKey,
  type PlanStanding,
  planStanding,
} from "./plan_standing.ts";

/** One exam's attempts with their verdicts, newest first. */
export interface ExamRecord {
  exam: Exam;
  attempts: { attempt: Attempt; outcome: ExamOutcome | null }[];
}

/** Everything the onboarding pages show about one learner. */
export interface OnboardingRecord {
  learnerId: string;
  view: CourseView;
  plan: Plan;
  cohort: Cohort | null;
  /** Day of the plan (0 or less before the start). */
  day: number;
  standing: PlanStanding;
  exams: Record<string, ExamRecord>;
  levels: { level: Certification; explanation: Explanation }[];
  certificates: Certificate[];
}

/** True when a finished run crossed a red line (a blocker in any reply). */
export function runBreachedRedLine(run: Run): boolean {
  return run.state.turns.some((t) =>
    t.reply?.criteria.some((c) => c.kind === "blocker") ?? false
  );
}

/**
 * Reads the record in the course's latest version (null when the course
 * has no plan). `now` decides the plan day and certificate statuses.
 */
export async function onboardingRecord(
  kv: Deno.Kv,
  learnerId: string,
  courseId: string,
  now: Date,
): Promise<OnboardingRecord | null> {
  const view = await getCourseView(kv, courseId);
  const plan = view?.published.plans.find((p) => p.course === courseId);
  if (!view || !plan) return null;
  const cohort = await latestCohortOf(kv, learnerId);
  const day = cohort ? dayOfPlan(cohort.startDate, now, cohort.timeZone) : 0;
  const published = view.published;
  const scenarioIds = new Set([
    ...published.scenarios.map((s) => s.id),
  ]);
  const [progress, surveys, confirmed, observations, certificates] =
    await Promise.all([
      getProgress(kv, learnerId, courseId, now),
      respondedSurveys(kv, learnerId),
      listConfirmations(kv, learnerId),
      latestObservations(kv, learnerId),
      listLearnerCertificates(kv, learnerId),
    ]);
  const runsByScenario = new Map<string, Run[]>(
    await Promise.all(
      [...scenarioIds].map(async (id) =>
        [id, await listRuns(kv, learnerId, courseId, id, 20)] as const
      ),
    ),
  );
  const allRuns = [...runsByScenario.values()].flat();
  const exams: Record<string, ExamRecord> = {};
  for (const exam of published.exams) {
    const attempts = await listAttempts(
      kv,
      learnerId,
      courseId,
      examAssessmentKey(exam.id),
      50,
    );
    exams[exam.id] = {
      exam,
      attempts: attempts.map((attempt) => ({
        attempt,
        outcome: examOutcome(exam, attempt, allRuns),
      })),
    };
  }
  const standing = planStanding(plan, Math.max(day, 0), progress, {
    exams: new Set(
      Object.values(exams).filter((e) =>
        e.attempts.some((a) => a.attempt.status === "submitted")
      ).map((e) => e.exam.id),
    ),
    surveys,
    observations: new Set(observations.keys()),
    confirmed: new Set(confirmed.keys()),
  });
  const scenarios: CertificationFacts["scenarios"] = {};
  for (const [id, runs] of runsByScenario) {
    // Counted run: the latest finished one (listRuns is newest first).
    const run = runs.find((r) => r.finishedAt !== undefined);
    if (run) {
      scenarios[id] = {
        percent: run.percent ?? 0,
        redLine: runBreachedRedLine(run),
      };
    }
  }
  const held = new Set(
    certificates.filter((c) => certificateStatus(c, now) === "valid").map((c) =>
      c.levelId
    ),
  );
  const levels = published.certifications.map((original) => {
    const since = freshSince(original, certificates);
    const level = since ? renewalLevel(original) : original;
    const after = (d: Date | undefined) =>
      since === null || (d !== undefined && d.getTime() >= since.getTime());
    const own = new Set<string>([
      ...(level.rules.exam ? [`exam:${level.rules.exam.ref}`] : []),
      ...(level.rules.surveys ?? []).map((s) => `survey:${s}`),
    ]);
    const facts: CertificationFacts = {
      planItems: level.plan === plan.id
        ? plan.days.flatMap((d) => d.items ?? []).map((item) => ({
          key: planItemKey(item),
          done: standing.items.some((s) =>
            planItemKey(toItem(s)) === planItemKey(item) && s.state === "done"
          ),
        })).filter((i) => !own.has(i.key))
        : [],
      quizzes: Object.fromEntries(
        Object.entries(progress.quizzes).map((
          [m, q],
        ) => [m, { best: q.best, attempts: q.count }]),
      ),
      scenarios: since ? countedSince(runsByScenario, since) : scenarios,
      exams: Object.fromEntries(
        Object.values(exams).map((e) => [
          e.exam.id,
          e.attempts.filter((a) => a.outcome && after(a.attempt.submittedAt))
            .map((a) => ({
              percent: a.outcome!.percent,
              passed: a.outcome!.passed,
              withinTime: a.outcome!.withinTime,
            })),
        ]),
      ),
      surveys,
      observations: Object.fromEntries(
        [...observations].map((
          [id, o],
        ) => [id, o.breached.length > 0 ? 0 : o.percent]),
      ),
      heldLevels: held,
    };
    return { level, explanation: explainLevel(level, facts) };
  });
  return {
    learnerId,
    view,
    plan,
    cohort,
    day,
    standing,
    exams,
    levels,
    certificates,
  };
}

/**
 * When a level was held before, only evidence from this moment on counts:
 * the renewal window's start (expiry minus the reminder days), or the
 * revocation, so a revoked certificate is never re-issued on old evidence.
 */
function freshSince(
  level: Certification,
  certificates: readonly Certificate[],
): Date | null {
  const latest = certificates.filter((c) => c.levelId === level.id)
    .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime())[0];
  if (!latest) return null;
  if (latest.revoked) return latest.revoked.at;
  return new Date(
    latest.validUntil.getTime() - level.reminderDays * 86_400_000,
  );
}

/** The level's recertification rules (the exam and, if set, the scenarios again). */
function renewalLevel(level: Certification): Certification {
  const r = level.recertification;
  return {
    ...level,
    requires: undefined,
    rules: {
      ...(r?.exam ? { exam: { ref: r.exam } } : {}),
      ...(r?.scenarios && level.rules.scenarios
        ? { scenarios: level.rules.scenarios }
        : {}),
      ...(level.rules.observation
        ? { observation: level.rules.observation }
        : {}),
      ...(!r && level.rules.exam ? { exam: level.rules.exam } : {}),
    },
  };
}

function countedSince(
  runsByScenario: ReadonlyMap<string, Run[]>,
  since: Date,
): CertificationFacts["scenarios"] {
  const out: CertificationFacts["scenarios"] = {};
  for (const [id, runs] of runsByScenario) {
    const run = runs.find((r) =>
      r.finishedAt !== undefined && r.finishedAt.getTime() >= since.getTime()
    );
    if (run) {
      out[id] = { percent: run.percent ?? 0, redLine: runBreachedRedLine(run) };
    }
  }
  return out;
}

function toItem(
  s: PlanStanding["items"][number],
): Parameters<typeof planItemKey>[0] {
  return (s.ref !== null
    ? { kind: s.kind, ref: s.ref }
    : { kind: s.kind, title: s.title ?? "" }) as Parameters<
      typeof planItemKey
    >[0];
}

/**
 * Issues every level that has become due for the learner (all rules met or
 * an admin's grant, no withhold, no valid certificate outside its renewal
 * window). Returns the new certificates.
 */
export async function refreshCertificates(
  kv: Deno.Kv,
  record: OnboardingRecord,
  holderName: string,
  origin: string,
  now: Date,
): Promise<Certificate[]> {
  const issued: Certificate[] = [];
  for (const { level, explanation } of record.levels) {
    const cert = await issueIfDue(kv, {
      learnerId: record.learnerId,
      holderName,
      level,
      explanation,
      origin,
      now,
    });
    if (cert) issued.push(cert);
  }
  return issued;
}
