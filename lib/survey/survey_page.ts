/**
 * The survey page's data and its closing time: a survey the plan puts on day
 * N stays open for answers and edits until the end of day N + 7 (Beijing
 * time) of the learner's cohort; one the plan does not name stays open.
 */
import { getCourseView } from "@/lib/content/course_view.ts";
import type { Plan, Survey } from "@/lib/content/schema.ts";
import { latestCohortOf } from "@/lib/identity/teams/cohort_store.ts";
import { getResponse, type SurveyResponse } from "./survey_response_store.ts";

/** Days a survey stays open after its plan day. */
export const SURVEY_OPEN_DAYS = 7;

/** When the survey closes for a cohort that started on `startDate`, or null. */
export function surveyClosesAt(
  plan: Plan | undefined,
  surveyId: string,
  startDate: string | null,
): Date | null {
  if (!plan || !startDate) return null;
  const day = plan.days.find((d) =>
    d.items?.some((i) => i.kind === "survey" && i.ref === surveyId)
  )?.day;
  if (day === undefined) return null;
  // Midnight Beijing time after day + SURVEY_OPEN_DAYS.
  const start = Date.parse(`${startDate}T00:00:00+08:00`);
  return new Date(start + (day + SURVEY_OPEN_DAYS) * 86_400_000);
}

/** What the survey page shows. */
export interface SurveyPage {
  courseId: string;
  version: number;
  survey: Survey;
  response: SurveyResponse | null;
  closesAt: Date | null;
  cohortId: string | null;
}

/** Reads the survey, the learner's response and the closing time; null if none. */
export async function surveyPage(
  kv: Deno.Kv,
  courseId: string,
  surveyId: string,
  learnerId: string,
): Promise<SurveyPage | null> {
  const view = await getCourseView(kv, courseId);
  const survey = view?.published.surveys.find((s) => s.id === surveyId);
  if (!view || !survey) return null;
  const cohort = await latestCohortOf(kv, learnerId);
  const plan = view.published.plans.find((p) => p.course === courseId);
  return {
    courseId,
    version: view.version,
    survey,
    response: await getResponse(kv, surveyId, learnerId),
    closesAt: surveyClosesAt(plan, surveyId, cohort?.startDate ?? null),
    cohortId: cohort?.id ?? null,
  };
}
