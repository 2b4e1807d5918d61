/**
 * Read side of published courses for pages. A version is immutable, so its
 * parsed content and rendered lessons are cached per (course, version) in a
 * small LRU: a request costs one head read in KV, rendering happens once per
 * version and process.
 */
import { getHead, getVersion, listCourses } from "./content_store.ts";
import {
  createRenderCache,
  type RenderCache,
  type RenderedLesson,
} from "./markdown.ts";
import {
  type PublishedCourse,
  PublishedCourseSchema,
  type PublishedLesson,
  type PublishedModule,
} from "./published.ts";

/** A course version ready to show. */
export interface CourseView {
  id: string;
  version: number;
  published: PublishedCourse;
  /** Lessons in course order, with their module. */
  lessons: { module: PublishedModule; lesson: PublishedLesson; url: string }[];
  /** Renders a lesson body once per version. */
  render(lessonId: string): Readonly<RenderedLesson>;
}

const MAX_CACHED_VERSIONS = 8;
// Immutable content keyed by (course, version): safe to share between requests.
const views = new Map<string, Promise<CourseView | null>>();

/** The latest published version of a course, or null if there is none. */
export async function getCourseView(
  kv: Deno.Kv,
  courseId: string,
): Promise<CourseView | null> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(courseId)) return null;
  const head = await getHead(kv, courseId);
  if (!head) return null;
  return await getCourseVersionView(kv, courseId, head.version);
}

/** A specific version of a course (attempts point at the version they were made on). */
export function getCourseVersionView(
  kv: Deno.Kv,
  courseId: string,
  version: number,
): Promise<CourseView | null> {
  const key = `${courseId}@${version}`;
  let view = views.get(key);
  if (view) {
    views.delete(key);
    views.set(key, view); // most recently used last
    return view;
  }
  view = loadView(kv, courseId, version);
  views.set(key, view);
  view.catch(() => views.delete(key));
  while (views.size > MAX_CACHED_VERSIONS) {
    views.delete(views.keys().next().value!);
  }
  return view;
}

async function loadView(
  kv: Deno.Kv,
  courseId: string,
  version: number,
): Promise<CourseView | null> {
  const snapshot = await getVersion(kv, courseId, version);
  if (!snapshot) return null;
  const parsed = PublishedCourseSchema.safeParse(snapshot.content);
  if (!parsed.success) {
    throw new Error(
      `Cannot read course "${courseId}" version ${version}: ${parsed.error.message}`,
    );
  }
  const published = parsed.data;
  const lessons = published.modules.flatMap((module) =>
    module.lessons.map((lesson) => ({
      module,
      lesson,
      url: `/courses/${courseId}/${module.module.id}/${lesson.lesson.id}`,
    }))
  );
  const cache: RenderCache = createRenderCache({
    maxEntries: lessons.length + 1,
  });
  const byId = new Map(lessons.map((l) => [l.lesson.lesson.id, l.lesson]));
  return {
    id: courseId,
    version,
    published,
    lessons,
    render(lessonId) {
      const lesson = byId.get(lessonId);
      if (!lesson) {
        throw new Error(
          `Cannot render lesson "${lessonId}": not in course "${courseId}" version ${version}`,
        );
      }
      return cache.render(lesson.body);
    },
  };
}

/** The latest version of every course, for catalogues. */
export async function listCourseViews(
  kv: Deno.Kv,
  limit = 50,
): Promise<CourseView[]> {
  const heads = await listCourses(kv, limit);
  const views = await Promise.all(
    heads.map((h) => getCourseVersionView(kv, h.courseId, h.version)),
  );
  return views.filter((v): v is CourseView => v !== null);
}
