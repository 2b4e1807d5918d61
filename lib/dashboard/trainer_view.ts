/**
 * The trainer's view, aggregates only: reaction per survey item and module
 * with comments (the evaluator's level 1 pooled over the selected cohorts:
 * nothing below the survey's minimum n, so no answer can be traced to a
 * person), scenario path analytics per node for one scenario, and the skills
 * where each cohort is weakest (the evaluator's level 2 skill means). No
 * learner is named.
 */
import { NotFoundError } from "@/lib/errors.ts";
import { listMembers } from "@/lib/identity/teams/cohort_store.ts";
import { listRuns } from "@/lib/scenario/run_store.ts";
import { evaluationContent } from "@/lib/evaluation/content_map.ts";
import {
  cohortSummary,
  reactionOfCohorts,
  type ReactionSurvey,
} from "@/lib/evaluation/summary.ts";
import {
  type ScenarioPaths,
  scenarioPaths,
} from "@/lib/analytics/scenario_paths.ts";
import { currentPlan, MAX_MEMBERS } from "./plan_context.ts";
import {
  cohortMatches,
  type DashboardFilters,
  type FilterProblem,
  parseFilters,
} from "./filters.ts";
import { allCohorts, type ScopeOptions, scopeOptions } from "./scope.ts";
import { poolSkills, type SkillMastery } from "./skill_mastery.ts";

/** One survey's reaction figures, pooled over the selected cohorts. */
export interface SurveyReaction extends ReactionSurvey {
  moduleTitle: string | null;
  /** Question prompts by id (comments are per text question). */
  prompts: Record<string, string>;
  /** Choice questions' options by id, for labels. */
  options: Record<string, string[]>;
}

/** One cohort's weakest skills. */
export interface CohortSkills {
  cohortId: string;
  cohortName: string;
  learners: number;
  weakest: SkillMastery[];
}

/** What the trainer's page shows. */
export interface TrainerView {
  options: ScopeOptions & { scenarios: { id: string; title: string }[] };
  reaction: SurveyReaction[];
  scenario: {
    id: string;
    title: string;
    paths: ScenarioPaths;
    /** Node id -> what the customer says there, for labels. */
    customer: Record<string, string>;
    /** Choice id -> its text, per node. */
    choiceText: Record<string, Record<string, string>>;
  } | null;
  skills: CohortSkills[];
  /** The weakest skills over every selected learner. */
  overall: SkillMastery[];
}

const SCENARIO_ID = /^[A-Za-z0-9_-]{1,60}$/;

/**
 * The filters and the scenario of the trainer's URL (page and CSV alike);
 * a malformed scenario id is ignored and flagged.
 */
export function parseTrainerQuery(params: URLSearchParams): {
  filters: DashboardFilters;
  problems: FilterProblem[];
  scenario: string | null;
  badScenario: boolean;
} {
  const { filters, problems } = parseFilters(params);
  const raw = params.get("scenario")?.trim() || null;
  const scenario = raw && SCENARIO_ID.test(raw) ? raw : null;
  return {
    filters,
    problems,
    scenario,
    badScenario: raw !== null && !scenario,
  };
}

/** Skills shown per cohort. */
export const WEAKEST_SKILLS = 5;

/**
 * Builds the trainer's view for the cohorts the filters select and one
 * scenario (`scenarioId`, default the first published). An unknown cohort or
 * scenario is NotFoundError.
 */
export async function trainerView(
  kv: Deno.Kv,
  filters: DashboardFilters,
  scenarioId: string | null,
): Promise<TrainerView> {
  const [scope, ctx] = await Promise.all([allCohorts(kv), currentPlan(kv)]);
  if (filters.team && !scope.teams.some((t) => t.id === filters.team)) {
    throw new NotFoundError(`Cannot show team "${filters.team}": no such team`);
  }
  if (filters.cohort && !scope.cohorts.some((c) => c.id === filters.cohort)) {
    throw new NotFoundError(
      `Cannot show cohort "${filters.cohort}": no such cohort`,
    );
  }
  const published = ctx?.view.published;
  const scenarios = published?.scenarios ?? [];
  const scenario = scenarioId
    ? scenarios.find((s) => s.id === scenarioId)
    : scenarios[0];
  if (scenarioId && !scenario) {
    throw new NotFoundError(
      `Cannot show scenario "${scenarioId}": not published`,
    );
  }
  const selected = scope.cohorts.filter((c) => cohortMatches(filters, c));
  const members = await Promise.all(
    selected.map((c) => listMembers(kv, c.id, MAX_MEMBERS)),
  );
  const learnerIds = new Set(members.flat().map((m) => m.userId));

  const content = published ? evaluationContent(published) : null;
  const moduleTitle = new Map(
    (published?.modules ?? []).map((m) => [m.module.id, m.module.title]),
  );
  const pooled = content
    ? await reactionOfCohorts(kv, selected.map((c) => c.id), content)
    : [];
  const reaction: SurveyReaction[] = pooled.map((r) => {
    const questions = content?.surveys.find((s) =>
      s.id === r.surveyId
    )?.questions ?? [];
    return {
      ...r,
      moduleTitle: r.module ? moduleTitle.get(r.module) ?? r.module : null,
      prompts: Object.fromEntries(questions.map((q) => [q.id, q.prompt])),
      options: Object.fromEntries(
        questions.flatMap((q) => q.options ? [[q.id, q.options]] : []),
      ),
    };
  });

  let scenarioView: TrainerView["scenario"] = null;
  if (scenario && ctx) {
    const runs = (await Promise.all(
      [...learnerIds].map((id) =>
        listRuns(kv, id, ctx.view.id, scenario.id, 20)
      ),
    )).flat();
    scenarioView = {
      id: scenario.id,
      title: scenario.title,
      paths: scenarioPaths(scenario, runs),
      customer: Object.fromEntries(
        Object.entries(scenario.nodes).map(([id, n]) => [id, n.customer]),
      ),
      choiceText: Object.fromEntries(
        Object.entries(scenario.nodes).map(([id, n]) => [
          id,
          Object.fromEntries((n.choices ?? []).map((c) => [c.id, c.text])),
        ]),
      ),
    };
  }

  const summaries = content
    ? await Promise.all(selected.map((c) => cohortSummary(kv, c.id, content)))
    : [];
  const skills: CohortSkills[] = selected.map((cohort, i) => ({
    cohortId: cohort.id,
    cohortName: cohort.name,
    learners: members[i].length,
    weakest: poolSkills([summaries[i]?.level2.skills ?? []]).slice(
      0,
      WEAKEST_SKILLS,
    ),
  }));
  return {
    options: {
      ...scopeOptions(scope),
      scenarios: scenarios.map((s) => ({ id: s.id, title: s.title })),
    },
    reaction,
    scenario: scenarioView,
    skills,
    overall: poolSkills(summaries.map((s) => s?.level2.skills ?? []))
      .slice(0, 2 * WEAKEST_SKILLS),
  };
}
