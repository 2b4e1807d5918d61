/** Finds a scenario and its rubrics in the latest version of a course. */
import { getCourseView } from "@/lib/content/course_view.ts";
import { getCourseVersionView } from "@/lib/content/course_view.ts";
import type { Rubric, Scenario } from "@/lib/content/schema.ts";
import { getRun, type Run } from "./run_store.ts";

/** A scenario as published in one course version. */
export interface PublishedScenario {
  courseId: string;
  courseTitle: string;
  version: number;
  scenario: Scenario;
  rubrics: Rubric[];
}

/** The scenario in the latest version of the course, or null. */
export async function findScenario(
  kv: Deno.Kv,
  courseId: string,
  scenarioId: string,
): Promise<PublishedScenario | null> {
  const view = await getCourseView(kv, courseId);
  const scenario = view?.published.scenarios.find((s) => s.id === scenarioId);
  if (!view || !scenario) return null;
  return {
    courseId,
    courseTitle: view.published.course.title,
    version: view.version,
    scenario,
    rubrics: view.published.rubrics,
  };
}

/** The scenario in the exact version a run was made on. */
export async function findScenarioAt(
  kv: Deno.Kv,
  courseId: string,
  version: number,
  scenarioId: string,
): Promise<PublishedScenario | null> {
  const view = await getCourseVersionView(kv, courseId, version);
  const scenario = view?.published.scenarios.find((s) => s.id === scenarioId);
  if (!view || !scenario) return null;
  return {
    courseId,
    courseTitle: view.published.course.title,
    version,
    scenario,
    rubrics: view.published.rubrics,
  };
}

/**
 * A learner's run with its scenario as published in the version the run is
 * pinned to, or null when the address names another course or scenario than
 * the run's. Another learner's run throws NotFoundError (getRun), so both
 * look the same: the 404 page.
 */
export async function findLearnerRun(
  kv: Deno.Kv,
  learnerId: string,
  params: Record<string, string>,
): Promise<{ run: Run; found: PublishedScenario } | null> {
  const run = await getRun(kv, learnerId, params.run);
  const found = await findScenarioAt(
    kv,
    run.courseId,
    run.version,
    run.scenarioId,
  );
  return found && found.courseId === params.course &&
      found.scenario.id === params.scenario
    ? { run, found }
    : null;
}
