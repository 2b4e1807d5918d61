/** A course's modules and lessons, for the course page. */
import { getCourseView } from "./course_view.ts";

/** The course page's content. */
export interface CourseOutline {
  id: string;
  version: number;
  title: string;
  summary: string;
  modules: {
    id: string;
    title: string;
    lessons: { url: string; title: string; minutes: number }[];
  }[];
}

/** The outline of the latest version of a course, or null. */
export async function getCourseOutline(
  kv: Deno.Kv,
  courseId: string,
): Promise<CourseOutline | null> {
  const view = await getCourseView(kv, courseId);
  if (!view) return null;
  return {
    id: view.id,
    version: view.version,
    title: view.published.course.title,
    summary: view.published.course.summary,
    modules: view.published.modules.map((m) => ({
      id: m.module.id,
      title: m.module.title,
      lessons: view.lessons.filter((l) => l.module === m).map((l) => ({
        url: l.url,
        title: l.lesson.lesson.title,
        minutes: l.lesson.lesson.minutes,
      })),
    })),
  };
}
