/**
 * The Kirkpatrick panel of the manager's dashboard: the four levels per
 * cohort. Until the evaluator's rollups (issue 16, lib/evaluation/) are on
 * main, the figures come from the stores that exist: level 1 from survey
 * responses (the survey's own minimum n applies: below it, no figure),
 * level 2 from the stored pre/post-test gains, level 3 from the latest QA
 * observation on the scorecard; level 4 needs KPI data, which only the
 * evaluator imports, so it stays empty and says so. Every read is a rollup
 * or a per-learner record, never a statement.
 */
import type { Survey } from "@/lib/content/schema.ts";
import { type Gain, getGain } from "@/lib/exam/gain_store.ts";
import { type Cohort, listMembers } from "@/lib/identity/teams/cohort_store.ts";
import { latestObservations } from "@/lib/onboarding/observation_store.ts";
import { summarizeSurvey } from "@/lib/survey/survey_answers.ts";
import { listResponses } from "@/lib/survey/survey_response_store.ts";
import { currentPlan, MAX_MEMBERS } from "./plan_context.ts";

/** One cohort's four levels (null: no figure, or too few people). */
export interface LevelFigures {
  cohortId: string;
  cohortName: string;
  members: number;
  /** Level 1: mean of the Likert items of the surveys shown (1-5). */
  reaction: number | null;
  /** Level 1: NPS of the surveys shown, averaged (-100..100). */
  nps: number | null;
  /** Level 1: responses over members, over the surveys shown, 0-100. */
  responseRate: number | null;
  /** Level 2: mean post-test percent and mean normalised gain (0-1). */
  post: number | null;
  gain: number | null;
  gainN: number;
  /** Level 3: mean of the members' latest QA scorecard percent. */
  qa: number | null;
  qaN: number;
  /** Level 3: share of those QA reviews failed on a critical item, 0-100. */
  criticalRate: number | null;
  /** Level 4: share of KPIs at target after training, 0-100 (needs KPI data). */
  results: number | null;
}

const r1 = (x: number | null) => x === null ? null : Math.round(x * 10) / 10;
const mean = (xs: number[]) =>
  xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;

/** Level 1 of a group from its survey responses (pure). */
export function reactionFigures(
  surveys: readonly Survey[],
  responses: ReadonlyMap<string, readonly Record<string, number | string>[]>,
  members: number,
): Pick<LevelFigures, "reaction" | "nps" | "responseRate"> {
  const likert: number[] = [];
  const nps: number[] = [];
  const rates: number[] = [];
  for (const survey of surveys) {
    const answers = responses.get(survey.id) ?? [];
    const summary = summarizeSurvey(survey, answers);
    if (!summary) continue; // below the survey's minimum n: nothing shown
    for (const q of summary) {
      if (q.type === "likert" && q.n > 0) likert.push(q.mean);
      if (q.type === "nps" && q.n > 0) nps.push(q.nps);
    }
    if (members > 0) rates.push(Math.min(1, answers.length / members) * 100);
  }
  return {
    reaction: likert.length ? Math.round(mean(likert)! * 100) / 100 : null,
    nps: r1(mean(nps)),
    responseRate: r1(mean(rates)),
  };
}

/** The four levels of each cohort (at most `limit`, in the order given). */
export async function levelsByCohort(
  kv: Deno.Kv,
  cohorts: readonly Cohort[],
  limit = 12,
): Promise<LevelFigures[]> {
  const ctx = await currentPlan(kv);
  const surveys = ctx?.view.published.surveys ?? [];
  const all = new Map(
    await Promise.all(
      surveys.map(async (s) =>
        [s.id, await listResponses(kv, s.id, 5000)] as const
      ),
    ),
  );
  return await Promise.all(
    cohorts.slice(0, limit).map(async (cohort) => {
      const members = await listMembers(kv, cohort.id, MAX_MEMBERS);
      const ids = new Set(members.map((m) => m.userId));
      const responses = new Map(
        [...all].map(([id, list]) => [
          id,
          list.filter((r) => ids.has(r.learnerId)).map((r) => r.answers),
        ]),
      );
      const [gains, observations] = await Promise.all([
        ctx
          ? Promise.all(members.map((m) => getGain(kv, m.userId, ctx.view.id)))
          : [],
        Promise.all(members.map((m) => latestObservations(kv, m.userId))),
      ]);
      const got = (gains as (Gain | null)[]).filter((g): g is Gain =>
        g !== null
      );
      const qa = observations.flatMap((o) => [...o.values()]);
      return {
        cohortId: cohort.id,
        cohortName: cohort.name,
        members: members.length,
        ...reactionFigures(surveys, responses, members.length),
        post: r1(mean(got.map((g) => g.post))),
        gain: got.some((g) => g.gain !== null)
          ? Math.round(
            mean(got.flatMap((g) => g.gain === null ? [] : [g.gain]))! * 100,
          ) / 100
          : null,
        gainN: got.length,
        qa: r1(mean(qa.map((o) => o.percent))),
        qaN: qa.length,
        criticalRate: qa.length
          ? r1(100 * qa.filter((o) => o.breached.length > 0).length / qa.length)
          : null,
        results: null,
      };
    }),
  );
}
