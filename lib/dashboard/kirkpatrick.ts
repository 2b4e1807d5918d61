/**
 * The Kirkpatrick panel of the manager's dashboard: the four levels of each
 * selected cohort and the results of their teams, taken from the evaluator's
 * cohort summary (lib/evaluation/summary.ts), the one way to get these
 * figures. Nothing here computes a level: it picks the summary's figures a
 * manager reads first, keeps their units (rates 0-1, scores 0-100, KPIs in
 * their own unit) and, where a cohort has several surveys, averages the
 * figures of the surveys shown (each survey keeps its minimum n). Codes and
 * numbers only; views translate.
 */
import type { PublishedCourse } from "@/lib/content/published.ts";
import {
  type EvaluationContent,
  evaluationContent,
  NO_CONTENT,
} from "@/lib/evaluation/content_map.ts";
import {
  type CorrelationEstimate,
  type DidEstimate,
  type Interval,
  mean,
  MIN_N_CORRELATION,
  MIN_N_DID,
} from "@/lib/evaluation/formulas.ts";
import { DID_METRICS, type KpiMetric } from "@/lib/evaluation/kpi.ts";
import {
  type CohortSummary,
  cohortSummary,
  type ReactionSurvey,
  type TeamMonth,
} from "@/lib/evaluation/summary.ts";
import type { Cohort } from "@/lib/identity/teams/cohort_store.ts";
import { currentPlan } from "./plan_context.ts";

/** QA checkpoints in the order a trend reads them. */
export const CHECKPOINTS = ["d14", "d30", "d60", "d90"] as const;

/**
 * Level 1 of one survey in a cohort, as the summary holds it (below the
 * minimum n, `shown` is false and every figure null).
 */
export interface SurveyReaction extends
  Pick<
    ReactionSurvey,
    | "surveyId"
    | "title"
    | "module"
    | "respondents"
    | "minN"
    | "shown"
    | "responseRate"
    | "nps"
  > {
  /** Mean of the survey's Likert item means (1-5). */
  likert: number | null;
  /** Prompts of the Likert items whose mean is under 3.5. */
  low: string[];
}

/** Level 1 of a cohort. */
export interface ReactionLevel {
  /** Surveys with at least one answer, in content order. */
  surveys: SurveyReaction[];
  /** Means over the surveys shown; null when none reaches its minimum n. */
  likert: number | null;
  nps: number | null;
  responseRate: number | null;
  /** How many surveys are shown, and the best-answered one below its n. */
  shownCount: number;
  waiting: { respondents: number; minN: number } | null;
}

/** Level 2 of a cohort. */
export interface LearningLevel {
  /** Pre- and post-test means (0-100) of the learners with both. */
  pre: number | null;
  post: number | null;
  /** Mean normalised gain (Hake, fraction). */
  gain: number | null;
  gainN: number;
  /** Mean score of every scored activity, pooled (0-100), and its n. */
  score: number | null;
  scoreN: number;
  /** Per activity: mean percent, its n and pass rate (0-1). */
  activities: {
    path: string;
    n: number;
    mean: number | null;
    passRate: number | null;
  }[];
  /** Mastery per skill (0-100). */
  skills: { skill: string; title: string; n: number; mean: number | null }[];
  overconfident: number;
  underconfident: number;
}

/** QA at one checkpoint. */
export interface QaCheckpoint {
  checkpoint: typeof CHECKPOINTS[number];
  n: number;
  mean: number | null;
  interval: Interval | null;
  passRate: number | null;
  criticalFailRate: number | null;
}

/** Level 3 of a cohort. */
export interface BehaviourLevel {
  qa: QaCheckpoint[];
  window: { before: string; after: string };
  /** KPI attainment (0-1) the month before and the month after training. */
  attainmentBefore: number | null;
  attainmentAfter: number | null;
  kpiBefore: Record<string, number | null>;
  kpiAfter: Record<string, number | null>;
  /** 0-100 (docs/evaluation.md). */
  behaviourScore: number | null;
  drivers: number;
}

/** One difference-in-differences, with the minimum n per cell. */
export interface DidLine extends DidEstimate {
  metric: KpiMetric;
  controlCohorts: string[];
  minN: number;
}

/** Level 4 of a cohort (its team's months are in `TeamResults`). */
export interface ResultsLevel {
  did: DidLine[];
  /** QA pass rate at d14 (0-1), a leading indicator. */
  qaPassRateDay14: number | null;
  drillResponseMs: { month: string; n: number; mean: number | null }[];
}

/** Level 2 to 3: which modules predict QA and KPI movement. */
export interface CorrelationLine {
  moduleId: string;
  title: string;
  skills: string[];
  /** Against QA movement (d30 -> d60/d90). */
  estimate: CorrelationEstimate;
  /** Against each KPI's movement before -> after training, by metric. */
  kpi: Record<string, CorrelationEstimate>;
  minN: number;
}

/** The four levels of one cohort. */
export interface CohortLevels {
  cohortId: string;
  cohortName: string;
  teamId: string;
  startDate: string;
  members: number;
  reaction: ReactionLevel;
  learning: LearningLevel;
  behaviour: BehaviourLevel;
  results: ResultsLevel;
  correlations: CorrelationLine[];
}

/** A team's months (level 4 trend) with its cohorts' start dates. */
export interface TeamResults {
  teamId: string;
  series: TeamMonth[];
  cohortStarts: { cohortId: string; name: string; startDate: string }[];
}

/** What the panel shows. */
export interface KirkpatrickPanel {
  /** Oldest start first, so the charts read as a trend across cohorts. */
  cohorts: CohortLevels[];
  teams: TeamResults[];
}

/** Level 1 of a cohort from its summary (pure). */
export function reactionLevel(s: CohortSummary): ReactionLevel {
  const surveys: SurveyReaction[] = s.level1.surveys
    .filter((v) => v.respondents > 0)
    .map((v) => {
      const likert = v.items.filter((i) => i.type === "likert");
      return {
        surveyId: v.surveyId,
        title: v.title,
        module: v.module,
        respondents: v.respondents,
        minN: v.minN,
        shown: v.shown,
        responseRate: v.responseRate,
        nps: v.nps,
        likert: v.shown
          ? mean(likert.flatMap((i) => i.mean === null ? [] : [i.mean]))
          : null,
        low: likert.filter((i) => i.low).map((i) => i.prompt),
      };
    });
  const shown = surveys.filter((v) => v.shown);
  const avg = (pick: (v: SurveyReaction) => number | null) =>
    mean(shown.flatMap((v) => {
      const x = pick(v);
      return x === null ? [] : [x];
    }));
  const waiting =
    surveys.filter((v) => !v.shown).sort((a, b) =>
      b.respondents - a.respondents
    )[0];
  return {
    surveys,
    likert: avg((v) => v.likert),
    nps: avg((v) => v.nps),
    responseRate: avg((v) => v.responseRate),
    shownCount: shown.length,
    waiting: waiting
      ? { respondents: waiting.respondents, minN: waiting.minN }
      : null,
  };
}

/** The panel's figures of one cohort: the summary's own, regrouped (pure). */
export function cohortLevels(s: CohortSummary): CohortLevels {
  const l2 = s.level2;
  const scored = l2.activities.filter((a) => a.score.mean !== null);
  const scoreN = scored.reduce((a, x) => a + x.n, 0);
  const l3 = s.level3;
  return {
    cohortId: s.cohort.id,
    cohortName: s.cohort.name,
    teamId: s.cohort.teamId,
    startDate: s.cohort.startDate,
    members: s.cohort.members,
    reaction: reactionLevel(s),
    learning: {
      pre: l2.gain.pre,
      post: l2.gain.post,
      gain: l2.gain.mean,
      gainN: l2.gain.n,
      // Pooled like mastery per skill: sum of the sums over sum of the n.
      score: scoreN === 0
        ? null
        : scored.reduce((a, x) => a + x.score.mean! * x.n, 0) / scoreN,
      scoreN,
      activities: l2.activities.map((a) => ({
        path: a.path,
        n: a.n,
        mean: a.score.mean,
        passRate: a.passRate,
      })),
      skills: l2.skills,
      overconfident: l2.overconfident.length,
      underconfident: l2.underconfident.length,
    },
    behaviour: {
      qa: CHECKPOINTS.flatMap((cp) => {
        const q = l3.qa[cp];
        return q
          ? [{
            checkpoint: cp,
            n: q.n,
            mean: q.score.mean,
            interval: q.score.interval,
            passRate: q.passRate,
            criticalFailRate: q.criticalFailRate,
          }]
          : [];
      }),
      window: l3.kpi.window,
      attainmentBefore: l3.kpi.attainmentBefore,
      attainmentAfter: l3.kpi.attainmentAfter,
      kpiBefore: l3.kpi.before,
      kpiAfter: l3.kpi.after,
      behaviourScore: l3.behaviourScore,
      drivers: Object.values(l3.drivers).reduce((a, b) => a + b, 0),
    },
    results: {
      did: DID_METRICS.flatMap((metric) => {
        const d = s.level4.did[metric];
        return d ? [{ ...d, metric, minN: MIN_N_DID }] : [];
      }),
      qaPassRateDay14: s.level4.leading.qaPassRateDay14,
      drillResponseMs: s.level4.leading.drillResponseMs,
    },
    correlations: s.correlations.map((c) => ({
      ...c,
      minN: MIN_N_CORRELATION,
    })),
  };
}

/** The panel from cohort summaries, oldest cohort first (pure). */
export function panelFromSummaries(
  summaries: readonly CohortSummary[],
): KirkpatrickPanel {
  const sorted = [...summaries].sort((a, b) =>
    a.cohort.startDate.localeCompare(b.cohort.startDate) ||
    a.cohort.id.localeCompare(b.cohort.id)
  );
  const teams = new Map<string, TeamResults>();
  for (const s of sorted) {
    if (teams.has(s.cohort.teamId)) continue;
    teams.set(s.cohort.teamId, {
      teamId: s.cohort.teamId,
      series: s.level4.series,
      cohortStarts: s.level4.cohortStarts,
    });
  }
  return { cohorts: sorted.map(cohortLevels), teams: [...teams.values()] };
}

const contents = new WeakMap<PublishedCourse, EvaluationContent>();

/** The evaluator's map of the published onboarding course (cached per version). */
export async function currentEvaluationContent(
  kv: Deno.Kv,
): Promise<EvaluationContent> {
  const ctx = await currentPlan(kv);
  if (!ctx) return NO_CONTENT;
  const published = ctx.view.published;
  let content = contents.get(published);
  if (!content) contents.set(published, content = evaluationContent(published));
  return content;
}

/**
 * The panel of the given cohorts (at most `limit`, the first ones given),
 * each read with `cohortSummary`: rollups only, never statements. `content`
 * defaults to the published onboarding course's.
 */
export async function kirkpatrickPanel(
  kv: Deno.Kv,
  cohorts: readonly Cohort[],
  opts: { limit?: number; content?: EvaluationContent } = {},
): Promise<KirkpatrickPanel> {
  const content = opts.content ?? await currentEvaluationContent(kv);
  const summaries = await Promise.all(
    cohorts.slice(0, opts.limit ?? 12).map((c) =>
      cohortSummary(kv, c.id, content)
    ),
  );
  return panelFromSummaries(
    summaries.filter((s): s is CohortSummary => s !== null),
  );
}
