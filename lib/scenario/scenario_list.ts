/** The scenario list of a course with the learner's best and latest scores. */
import { getCourseView } from "@/lib/content/course_view.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";
import type { Scenario } from "@/lib/content/schema.ts";

/** One scenario as listed. */
export interface ScenarioCard {
  id: string;
  title: string;
  summary: string;
  personaName: string;
  psychology: Scenario["persona"]["psychology"];
  channel: Scenario["persona"]["channel"];
  best: { best: number; latest: number; count: number } | null;
}

/** Lists the scenarios of the latest course version, or null for an unknown course. */
export async function listScenarioCards(
  kv: Deno.Kv,
  courseId: string,
  learnerId: string,
  now: Date,
) {
  const view = await getCourseView(kv, courseId);
  if (!view) return null;
  const progress = await getProgress(kv, learnerId, courseId, now);
  const scenarios: ScenarioCard[] = view.published.scenarios.map((s) => {
    const p = progress.scenarios[s.id];
    return {
      id: s.id,
      title: s.title,
      summary: s.summary,
      personaName: s.persona.name,
      psychology: s.persona.psychology,
      channel: s.persona.channel,
      best: p ? { best: p.best, latest: p.latest, count: p.count } : null,
    };
  });
  return { courseId, courseTitle: view.published.course.title, scenarios };
}
