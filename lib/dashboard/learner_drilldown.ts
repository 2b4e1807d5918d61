/**
 * One learner as their manager, mentor or trainer sees them: the timeline
 * of evidence (the newest statements), scores per activity, mastery per
 * skill, scenario outcomes with red-line breaches, and each certification
 * level with its rules explained. Access is checked first
 * (./scope.ts): anyone else gets NotFoundError. Individual survey answers
 * are never part of it.
 */
import type { Statement } from "@/lib/evidence/statement.ts";
import { ACTIVITY_TYPES } from "@/lib/evidence/statement.ts";
import { listLearnerStatements } from "@/lib/evidence/statement_store.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";
import {
  dayOfPlan,
  getCohort,
  listMembershipsOfUser,
  PLAN_DAYS,
} from "@/lib/identity/teams/cohort_store.ts";
import { getTeam } from "@/lib/identity/teams/team_store.ts";
import { type LearnerLevel, learnerLevels } from "@/lib/onboarding/today.ts";
import {
  type PlanStanding,
  planStanding,
} from "@/lib/onboarding/plan_standing.ts";
import { countedRuns } from "@/lib/scenario/run_store.ts";
import { latestObservations } from "@/lib/onboarding/observation_store.ts";
import { currentPlan } from "./plan_context.ts";
import { itemTitles } from "./cohort_dashboard.ts";
import { type DashboardViewer, requireVisibleLearner } from "./scope.ts";
import { learnerMastery, type SkillMastery } from "./skill_mastery.ts";

/** One line of the evidence timeline. */
export interface TimelineEntry {
  at: Date;
  /** The xAPI verb's name (completed, passed, failed, answered, responded). */
  verb: string;
  /** Activity kind (lesson, assessment, simulation, interaction, other). */
  kind: string;
  name: string;
  /** Score in percent, when the statement has one. */
  percent: number | null;
  /** Red-line categories crossed (scenario runs). */
  breaches: string[];
}

/** A scored activity. */
export interface ScoreLine {
  kind: "quiz" | "scenario" | "drill";
  id: string;
  title: string;
  best: number;
  latest: number;
  count: number;
  passed: boolean;
}

/** The counted run of a scenario. */
export interface ScenarioOutcome {
  id: string;
  title: string;
  percent: number;
  passed: boolean;
  outcome: "resolved" | "escalated" | "lost" | null;
  breaches: { category: string; source: string }[];
  finishedAt: Date;
}

/** Everything the drill-down page shows. */
export interface LearnerDrilldown {
  id: string;
  name: string;
  disabled: boolean;
  cohort: { id: string; name: string; teamName: string; day: number } | null;
  standing:
    | Pick<PlanStanding, "standing" | "done" | "dueByToday" | "overdue">
    | null;
  scores: ScoreLine[];
  mastery: SkillMastery[];
  scenarios: ScenarioOutcome[];
  timeline: TimelineEntry[];
  levels: LearnerLevel[];
  /** The latest on-the-job QA review per scorecard (behaviour evidence). */
  qa: {
    observationId: string;
    title: string;
    percent: number;
    passed: boolean;
    /** Critical items failed (scorecard item ids). */
    breached: string[];
    at: Date;
  }[];
}

/** Statements on the timeline. */
export const TIMELINE_LENGTH = 40;

const KIND_OF_TYPE = new Map<string, string>(
  Object.entries(ACTIVITY_TYPES).map(([k, v]) => [v, k]),
);

/** A statement as a timeline line (pure). */
export function timelineEntry(s: Statement): TimelineEntry {
  const verb = s.verb.id.split("/").at(-1) ?? s.verb.id;
  const breaches = s.result?.extensions?.[
    "https://service-academy.example/xapi/extensions/breaches"
  ];
  return {
    at: new Date(s.timestamp),
    verb,
    kind: KIND_OF_TYPE.get(s.object.definition.type) ?? "other",
    name: Object.values(s.object.definition.name)[0] ?? s.object.id,
    percent: s.result?.score
      ? Math.round(s.result.score.scaled * 1000) / 10
      : null,
    breaches: Array.isArray(breaches)
      ? breaches.map((b) => String((b as { category?: unknown }).category))
      : [],
  };
}

/** Builds the drill-down, or NotFoundError when the viewer may not see the learner. */
export async function learnerDrilldown(
  kv: Deno.Kv,
  viewer: DashboardViewer,
  learnerId: string,
  now: Date,
): Promise<LearnerDrilldown> {
  const user = await requireVisibleLearner(kv, viewer, learnerId);
  const [ctx, memberships, statements, levels, observations] = await Promise
    .all([
      currentPlan(kv),
      listMembershipsOfUser(kv, learnerId, 10),
      listLearnerStatements(kv, learnerId, TIMELINE_LENGTH),
      learnerLevels(kv, learnerId, now),
      latestObservations(kv, learnerId),
    ]);
  const membership = memberships.at(-1);
  const cohort = membership ? await getCohort(kv, membership.cohortId) : null;
  const team = cohort ? await getTeam(kv, cohort.teamId) : null;
  const day = cohort ? dayOfPlan(cohort.startDate, now, cohort.timeZone) : 0;
  const progress = ctx
    ? await getProgress(kv, learnerId, ctx.view.id, now)
    : null;
  const runs = ctx ? await countedRuns(kv, learnerId, ctx.view.id) : {};
  const titles = ctx ? itemTitles(ctx.view) : new Map<string, string>();
  const scores: ScoreLine[] = [];
  if (progress) {
    for (
      const [kind, record] of [
        ["quiz", progress.quizzes],
        ["scenario", progress.scenarios],
        ["drill", progress.drills],
      ] as const
    ) {
      for (const [id, q] of Object.entries(record)) {
        scores.push({
          kind,
          id,
          title: titles.get(`${kind}:${id}`) ?? id,
          best: q.best,
          latest: q.latest,
          count: q.count,
          passed: q.passed,
        });
      }
    }
  }
  const standing = ctx && progress && cohort
    ? planStanding(ctx.plan, Math.min(Math.max(day, 0), PLAN_DAYS), progress)
    : null;
  return {
    id: user.id,
    name: user.name,
    disabled: user.disabled,
    cohort: cohort
      ? { id: cohort.id, name: cohort.name, teamName: team?.name ?? "", day }
      : null,
    standing: standing
      ? {
        standing: standing.standing,
        done: standing.done,
        dueByToday: standing.dueByToday,
        overdue: standing.overdue,
      }
      : null,
    scores,
    mastery: ctx && progress
      ? learnerMastery(ctx.view.published, progress)
      : [],
    scenarios: Object.entries(runs).map(([id, r]) => ({
      id,
      title: titles.get(`scenario:${id}`) ?? id,
      percent: r.percent,
      passed: r.passed,
      outcome: progress?.scenarios[id]?.outcome ?? null,
      breaches: r.breaches.map((b) => ({
        category: b.category,
        source: b.source,
      })),
      finishedAt: r.finishedAt,
    })).sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime()),
    timeline: statements.map(timelineEntry),
    levels,
    qa: [...observations.values()].map((o) => ({
      observationId: o.observationId,
      title: titles.get(`observation:${o.observationId}`) ?? o.observationId,
      percent: o.percent,
      passed: o.passed,
      breached: o.breached,
      at: o.at,
    })),
  };
}
