/** Finds certification levels in the published courses. */
import { listCourseViews } from "@/lib/content/course_view.ts";
import type { Certification } from "@/lib/content/schema.ts";

/** A level by id in the latest published versions, with its course, or null. */
export async function findLevel(
  kv: Deno.Kv,
  levelId: string,
): Promise<{ courseId: string; level: Certification } | null> {
  for (const view of await listCourseViews(kv)) {
    const level = view.published.certifications.find((c) => c.id === levelId);
    if (level) return { courseId: view.id, level };
  }
  return null;
}

/** The level's name in the UI language. */
export function levelName(level: Certification, lang: string): string {
  return lang === "en" ? level.titleEn : level.title;
}
