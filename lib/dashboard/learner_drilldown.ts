/**
 * One learner as their manager, mentor or trainer sees them: the timeline
 * of evidence (the newest statements), scores per activity, mastery per
 * skill, scenario outcomes with red-line breaches, QA at day 30/60/90 with
 * the QA loop, KPI before and after training, and each certification
 * level with its rules explained. Access is checked first
 * (lib/auth/record_access.ts): anyone else gets NotFoundError. Individual
 * survey answers are never part of it.
 */
import type { Statement } from "@/lib/evidence/statement.ts";
import { ACTIVITY_TYPES } from "@/lib/evidence/statement.ts";
import { listLearnerStatements } from "@/lib/evidence/statement_store.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";
import { type LearnerLevel, learnerLevels } from "@/lib/onboarding/today.ts";
import { type PlanStanding } from "@/lib/onboarding/plan_standing.ts";
import { countedRuns } from "@/lib/scenario/run_store.ts";
import type { PublishedCourse } from "@/lib/content/published.ts";
import { evaluationContent } from "@/lib/evaluation/content_map.ts";
import type { KpiTarget } from "@/lib/evaluation/formulas.ts";
import { KPI_METRICS, type KpiMetric } from "@/lib/evaluation/kpi.ts";
import { getTargets } from "@/lib/evaluation/kpi_store.ts";
import { getLoopN, listLoops } from "@/lib/evaluation/qa_loop.ts";
import { learnerEvaluation, trainingWindow } from "@/lib/evaluation/summary.ts";
import {
  type CohortPlace,
  currentPlan,
  itemTitles,
  learnerCohort,
  standingOnDay,
} from "./plan_context.ts";
import { requireVisibleLearner } from "@/lib/auth/record_access.ts";
import type { DashboardViewer } from "./scope.ts";
import {
  learnerSkillCells,
  poolSkills,
  type SkillMastery,
} from "./skill_mastery.ts";

/** One line of the evidence timeline. */
export interface TimelineEntry {
  at: Date;
  /** The xAPI verb's name (completed, passed, issued, revoked, ...). */
  verb: string;
  /** Activity kind (lesson, assessment, simulation, interaction, certificate, other). */
  kind: string;
  name: string;
  /** Score in percent, when the statement has one. */
  percent: number | null;
  /** Red-line categories crossed (scenario runs). */
  breaches: string[];
}

/** A scored activity, from the evaluator's counters of the learner. */
export interface ScoreLine {
  /** Activity path ("modules/basics/quiz", "exams/final", "scenarios/x"). */
  path: string;
  kind: "quiz" | "exam" | "scenario" | "drill";
  title: string;
  /** First and latest attempt and the mean of all, in percent. */
  first: number | null;
  latest: number | null;
  mean: number | null;
  attempts: number;
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
  /** Runs scored (the evaluator's count), the counted one among them. */
  attempts: number;
}

/** QA reviews at one checkpoint of the job (day 14, 30, 60, 90). */
export interface QaCheckpoint {
  checkpoint: string;
  n: number;
  mean: number | null;
  latest: number | null;
}

/** One scorecard criterion: how often it was reviewed and missed. */
export interface QaCriterion {
  id: string;
  text: string;
  reviewed: number;
  missed: number;
}

/** A QA loop assignment with the movement since. */
export interface QaLoopLine {
  criterionId: string;
  text: string;
  practice: { path: string; title: string }[];
  assignedAt: Date;
  movement: "waiting" | "moved" | "not-yet";
  reviewedSince: number;
  metSince: number;
}

/** One KPI in the month before and the month after training. */
export interface KpiLine {
  metric: KpiMetric;
  before: number | null;
  after: number | null;
  target: KpiTarget | null;
}

/** Everything the drill-down page shows. */
export interface LearnerDrilldown {
  id: string;
  name: string;
  disabled: boolean;
  cohort: CohortPlace | null;
  standing:
    | Pick<PlanStanding, "standing" | "done" | "dueByToday" | "overdue">
    | null;
  scores: ScoreLine[];
  mastery: SkillMastery[];
  scenarios: ScenarioOutcome[];
  timeline: TimelineEntry[];
  levels: LearnerLevel[];
  /** Behaviour on the job: QA per checkpoint, criteria, the QA loop. */
  qa: QaCheckpoint[];
  criteria: QaCriterion[];
  loops: QaLoopLine[];
  /** Misses of one criterion before the loop assigns practice. */
  loopN: number;
  /** KPI before and after (the cohort's training window); null without a cohort. */
  kpi: {
    window: { before: string; after: string };
    lines: KpiLine[];
    /** Months the learner has any KPI for. */
    months: number;
  } | null;
}

/** Statements on the timeline. */
export const TIMELINE_LENGTH = 40;
/** Statements read for it (question statements are read and left out). */
const TIMELINE_READ = 200;

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

const CHECKPOINTS = ["d14", "d30", "d60", "d90", "other"];

/** The kind of an activity path, or null for one that is not scored. */
export function kindOfPath(path: string): ScoreLine["kind"] | null {
  const [head, , tail] = path.split("/");
  if (head === "modules" && tail === "quiz") return "quiz";
  if (head === "exams") return "exam";
  if (head === "scenarios") return "scenario";
  if (head === "drills") return "drill";
  return null;
}

/** Activity titles by path, scorecard criteria by item id (pure). */
function contentTitles(course: PublishedCourse) {
  const paths = new Map<string, string>();
  for (const m of course.modules) {
    paths.set(`modules/${m.module.id}/quiz`, m.module.title);
  }
  for (const e of course.exams) paths.set(`exams/${e.id}`, e.title);
  for (const s of course.scenarios) paths.set(`scenarios/${s.id}`, s.title);
  for (const d of course.drills) paths.set(`drills/${d.id}`, d.title);
  const criteria = new Map<string, string>();
  for (const card of course.observations) {
    for (const section of card.sections) {
      for (const item of section.items) criteria.set(item.id, item.text);
    }
  }
  return { paths, criteria };
}

/**
 * Builds the drill-down, or NotFoundError when the viewer may not see the
 * learner. Scores, skill mastery, QA and KPI are the evaluator's figures
 * (learnerEvaluation, the same counters the cohort panel pools); plan
 * standing, scenario outcomes and certification come from the stores the
 * plan and certificates are decided on.
 */
export async function learnerDrilldown(
  kv: Deno.Kv,
  viewer: DashboardViewer,
  learnerId: string,
  now: Date,
): Promise<LearnerDrilldown> {
  const user = await requireVisibleLearner(kv, viewer, learnerId);
  const [ctx, cohort, statements, levels, evaluation, loops, loopN] =
    await Promise.all([
      currentPlan(kv),
      learnerCohort(kv, learnerId, now),
      listLearnerStatements(kv, learnerId, TIMELINE_READ),
      learnerLevels(kv, learnerId, now),
      learnerEvaluation(kv, learnerId),
      listLoops(kv, learnerId),
      getLoopN(kv),
    ]);
  const targets = cohort ? await getTargets(kv, cohort.teamId) : null;
  const progress = ctx
    ? await getProgress(kv, learnerId, ctx.view.id, now)
    : null;
  const runs = ctx ? await countedRuns(kv, learnerId, ctx.view.id) : {};
  const titles = ctx ? itemTitles(ctx.view) : new Map<string, string>();
  const named = ctx
    ? contentTitles(ctx.view.published)
    : { paths: new Map<string, string>(), criteria: new Map<string, string>() };
  const content = ctx ? evaluationContent(ctx.view.published) : null;
  const standing = ctx && progress && cohort
    ? standingOnDay(ctx.plan, cohort.day, progress)
    : null;
  const window = cohort ? trainingWindow(cohort.startDate) : null;
  const kpiMonth = (metric: string, month: string) =>
    evaluation.kpi[metric]?.[month] ?? null;
  return {
    id: user.id,
    name: user.name,
    disabled: user.disabled,
    cohort,
    standing: standing
      ? {
        standing: standing.standing,
        done: standing.done,
        dueByToday: standing.dueByToday,
        overdue: standing.overdue,
      }
      : null,
    scores: evaluation.activities.flatMap((a) => {
      const kind = kindOfPath(a.path);
      return kind
        ? [{
          path: a.path,
          kind,
          title: named.paths.get(a.path) ?? a.path,
          first: a.first,
          latest: a.last,
          mean: a.mean === null ? null : Math.round(a.mean * 10) / 10,
          attempts: a.n,
        }]
        : [];
    }),
    mastery: content
      ? poolSkills([learnerSkillCells(evaluation.activities, content)])
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
      attempts:
        evaluation.activities.find((a) => a.path === `scenarios/${id}`)?.n ?? 1,
    })).sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime()),
    // One line per activity: a quiz's per-question "answered" statements
    // are its detail (scores above), not events of their own.
    timeline: statements.map(timelineEntry).filter((e) =>
      e.kind !== "interaction"
    ).slice(0, TIMELINE_LENGTH),
    levels,
    qa: CHECKPOINTS.flatMap((cp) => {
      const q = evaluation.qa[cp];
      return q && q.n > 0
        ? [{ checkpoint: cp, n: q.n, mean: q.mean, latest: q.last }]
        : [];
    }),
    criteria: evaluation.criteria.map((c) => ({
      id: c.id,
      text: named.criteria.get(c.id) ?? c.id,
      reviewed: c.n,
      missed: c.missed,
    })).sort((a, b) => b.missed - a.missed || a.id.localeCompare(b.id)),
    loops: loops.map((l) => ({
      criterionId: l.criterionId,
      text: named.criteria.get(l.criterionId) ?? l.criterionId,
      practice: l.practice.map((path) => ({
        path,
        title: named.paths.get(path) ?? path,
      })),
      assignedAt: l.assignedAt,
      movement: l.movement,
      reviewedSince: l.reviewedSince,
      metSince: l.metSince,
    })),
    loopN,
    kpi: window
      ? {
        window,
        lines: KPI_METRICS.map((metric) => ({
          metric,
          before: kpiMonth(metric, window.before),
          after: kpiMonth(metric, window.after),
          target: targets?.[metric] ?? null,
        })),
        months: new Set(
          Object.values(evaluation.kpi).flatMap((m) => Object.keys(m)),
        ).size,
      }
      : null,
  };
}
