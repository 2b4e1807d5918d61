/** The course catalogue shown on the home page. */
import { type CourseView, listCourseViews } from "./course_view.ts";

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
  let catalogue = catalogues.get(views);
  if (!catalogue) {
    catalogue = views.map(catalogueEntry);
    catalogues.set(views, catalogue);
  }
  return catalogue;
}

// The same views (versions are immutable) give the same, read-only catalogue.
const catalogues = new WeakMap<readonly CourseView[], CatalogueEntry[]>();

function catalogueEntry(v: CourseView): CatalogueEntry {
  return {
    id: v.id,
    version: v.version,
    title: v.published.course.title,
    summary: v.published.course.summary,
    modules: v.published.modules.length,
    lessons: v.lessons.length,
    minutes: v.lessons.reduce((n, l) => n + l.lesson.lesson.minutes, 0),
    firstLesson: v.lessons[0]?.url ?? null,
  };
}

/** Names exactly the course versions a catalogue lists (for render caches). */
export function catalogueKey(catalogue: readonly CatalogueEntry[]): string {
  return catalogue.map((c) => `${c.id}@${c.version}`).join(",");
}
