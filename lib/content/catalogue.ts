/** The course catalogue shown on the home page. */
import { listCourseViews } from "./course_view.ts";

/** One course as the catalogue lists it. */
export interface CatalogueEntry {
  id: string;
  version: number;
  title: string;
  summary: string;
  modules: number;
  lessons: number;
  minutes: number;
  firstLesson: string | null;
}

/** Lists the published courses with their size. */
export async function listCatalogue(kv: Deno.Kv): Promise<CatalogueEntry[]> {
  const views = await listCourseViews(kv);
  return views.map((v) => ({
    id: v.id,
    version: v.version,
    title: v.published.course.title,
    summary: v.published.course.summary,
    modules: v.published.modules.length,
    lessons: v.lessons.length,
    minutes: v.lessons.reduce((n, l) => n + l.lesson.lesson.minutes, 0),
    firstLesson: v.lessons[0]?.url ?? null,
  }));
}
