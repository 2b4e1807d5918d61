/**
 * What every dashboard (and team progress) reads first: the onboarding
 * course and its plan as published now, a learner's place in it (cohort,
 * team, plan day) and standing, and how many members a cohort is read with
 * at most.
 */
import { type CourseView, listCourseViews } from "@/lib/content/course_view.ts";
import type { Plan } from "@/lib/content/schema.ts";
import type { Progress } from "@/lib/evidence/progress_store.ts";
import {
  dayOfPlan,
  getCohort,
  listMembershipsOfUser,
  PLAN_DAYS,
} from "@/lib/identity/teams/cohort_store.ts";
import { getTeam } from "@/lib/identity/teams/team_store.ts";
import {
  type PlanStanding,
  planStanding,
} from "@/lib/onboarding/plan_standing.ts";

/** Members read per cohort at most. */
export const MAX_MEMBERS = 1000;

/** The onboarding course and its plan, as published now. */
export interface PlanContext {
  view: CourseView;
  plan: Plan;
}

/** The first published course with a plan (the onboarding course). */
export async function currentPlan(kv: Deno.Kv): Promise<PlanContext | null> {
  for (const view of await listCourseViews(kv)) {
    const plan = view.published.plans.find((p) => p.course === view.id);
    if (plan) return { view, plan };
  }
  return null;
}

/** Titles of plan items by `kind:ref`, for reasons a manager can read. */
export function itemTitles(view: CourseView): Map<string, string> {
  const t = new Map<string, string>();
  const p = view.published;
  for (const l of view.lessons) {
    t.set(`lesson:${l.lesson.lesson.id}`, l.lesson.lesson.title);
  }
  for (const m of p.modules) t.set(`quiz:${m.module.id}`, m.module.title);
  for (const x of p.scenarios) t.set(`scenario:${x.id}`, x.title);
  for (const x of p.drills) t.set(`drill:${x.id}`, x.title);
  for (const x of p.exams) t.set(`exam:${x.id}`, x.title);
  for (const x of p.surveys) t.set(`survey:${x.id}`, x.title);
  for (const x of p.observations) t.set(`observation:${x.id}`, x.title);
  return t;
}

/** A learner's cohort as a page names it, with today's day of the plan. */
export interface CohortPlace {
  id: string;
  name: string;
  teamId: string;
  teamName: string;
  startDate: string;
  /** May be below 1 before the start, above the plan's days after. */
  day: number;
}

/** The learner's cohort (their latest membership's), or null outside any. */
export async function learnerCohort(
  kv: Deno.Kv,
  learnerId: string,
  now: Date,
): Promise<CohortPlace | null> {
  const membership = (await listMembershipsOfUser(kv, learnerId, 10)).at(-1);
  const cohort = membership ? await getCohort(kv, membership.cohortId) : null;
  if (!cohort) return null;
  const team = await getTeam(kv, cohort.teamId);
  return {
    id: cohort.id,
    name: cohort.name,
    teamId: cohort.teamId,
    teamName: team?.name ?? "",
    startDate: cohort.startDate,
    day: dayOfPlan(cohort.startDate, now, cohort.timeZone),
  };
}

/**
 * The standing against the plan on a cohort's day: before day 1 nothing
 * is due, after the last day everything.
 */
export function standingOnDay(
  plan: Plan,
  day: number,
  progress: Progress,
): PlanStanding {
  return planStanding(plan, Math.min(Math.max(day, 0), PLAN_DAYS), progress);
}

/** True once the learner has recorded anything (an empty rollup is made up on read). */
export function hasActivity(p: Progress): boolean {
  return [p.lessons, p.quizzes, p.scenarios, p.drills].some((r) =>
    Object.keys(r).length > 0
  );
}
