/**
 * The trainer's view, aggregates only: reaction per survey item and module
 * (nothing below the survey's minimum n, so no answer can be traced to a
 * person), scenario path analytics per node for one scenario, and the skills
 * where each cohort is weakest. No learner is named.
 */
import type { Survey } from "@/lib/content/schema.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";
import { NotFoundError } from "@/lib/errors.ts";
import { listMembers } from "@/lib/identity/teams/cohort_store.ts";
import { listRuns } from "@/lib/scenario/run_store.ts";
import {
  DEFAULT_MIN_REPORT_N,
  type QuestionSummary,
  summarizeSurvey,
} from "@/lib/survey/survey_answers.ts";
import { listResponses } from "@/lib/survey/survey_response_store.ts";
import {
  type ScenarioPaths,
  scenarioPaths,
} from "@/lib/analytics/scenario_paths.ts";
import { currentPlan, MAX_MEMBERS } from "./plan_context.ts";
import { cohortMatches, type DashboardFilters } from "./filters.ts";
import { allCohorts } from "./scope.ts";
import {
  groupMastery,
  learnerMastery,
  type SkillMastery,
} from "./skill_mastery.ts";

/** One survey's reaction figures. */
export interface SurveyReaction {
  id: string;
  title: string;
  module: string | null;
  moduleTitle: string | null;
  /** Responses from the selected cohorts. */
  responses: number;
  /** Learners in the selected cohorts (response rate = responses / invited). */
  learners: number;
  minN: number;
  /** Null below the minimum n. */
  summary: QuestionSummary[] | null;
  /** Question prompts by id, for labels. */
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
  options: {
    cohorts: { id: string; name: string; teamId: string }[];
    scenarios: { id: string; title: string }[];
  };
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
  now: Date,
): Promise<TrainerView> {
  const [scope, ctx] = await Promise.all([allCohorts(kv), currentPlan(kv)]);
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

  const moduleTitle = new Map(
    (published?.modules ?? []).map((m) => [m.module.id, m.module.title]),
  );
  const reaction = await Promise.all(
    (published?.surveys ?? []).map(async (survey: Survey) => {
      const responses = (await listResponses(kv, survey.id, 5000)).filter((r) =>
        learnerIds.has(r.learnerId)
      );
      return {
        id: survey.id,
        title: survey.title,
        module: survey.module ?? null,
        moduleTitle: survey.module
          ? moduleTitle.get(survey.module) ?? survey.module
          : null,
        responses: responses.length,
        learners: learnerIds.size,
        minN: survey.minReportN ?? DEFAULT_MIN_REPORT_N,
        summary: summarizeSurvey(survey, responses.map((r) => r.answers)),
        prompts: Object.fromEntries(
          survey.questions.map((q) => [q.id, q.prompt]),
        ),
        options: Object.fromEntries(
          survey.questions.flatMap((q) =>
            q.type === "choice" ? [[q.id, q.options]] : []
          ),
        ),
      };
    }),
  );

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

  const skills: CohortSkills[] = [];
  const everyone: SkillMastery[][] = [];
  if (ctx) {
    for (const [i, cohort] of selected.entries()) {
      const masteries = await Promise.all(
        members[i].map(async (m) =>
          learnerMastery(
            ctx.view.published,
            await getProgress(kv, m.userId, ctx.view.id, now),
          )
        ),
      );
      everyone.push(...masteries);
      skills.push({
        cohortId: cohort.id,
        cohortName: cohort.name,
        learners: members[i].length,
        weakest: groupMastery(ctx.view.published, masteries).slice(
          0,
          WEAKEST_SKILLS,
        ),
      });
    }
  }
  return {
    options: {
      cohorts: scope.cohorts.map((c) => ({
        id: c.id,
        name: c.name,
        teamId: c.teamId,
      })),
      scenarios: scenarios.map((s) => ({ id: s.id, title: s.title })),
    },
    reaction,
    scenario: scenarioView,
    skills,
    overall: ctx
      ? groupMastery(ctx.view.published, everyone).slice(0, 2 * WEAKEST_SKILLS)
      : [],
  };
}
