/**
 * What every dashboard reads first: the onboarding course and its plan as
 * published now, and how many members a cohort is read with at most.
 */
import { type CourseView, listCourseViews } from "@/lib/content/course_view.ts";
import type { Plan } from "@/lib/content/schema.ts";

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
