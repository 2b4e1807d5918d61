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
/**
 * How long a course's latest-version pointer is trusted before it is read
 * again. A publish on another instance shows up within this time; versions
 * themselves are immutable and cached without expiry.
 */
export const HEAD_TTL_MS = 1000;
const heads = new Map<string, { at: number; version: number | null }>();
let courseList: {
  at: number;
  list: Promise<{ courseId: string; version: number }[]>;
} | null = null;

async function latestVersion(
  kv: Deno.Kv,
  courseId: string,
): Promise<number | null> {
  const now = performance.now();
  const cached = heads.get(courseId);
  if (cached && now - cached.at < HEAD_TTL_MS) return cached.version;
  const head = await getHead(kv, courseId);
  if (heads.size > 1000) heads.clear(); // unknown ids probed by bad URLs must not grow it forever
  heads.set(courseId, { at: now, version: head?.version ?? null });
  return head?.version ?? null;
}

/** Forgets cached heads (after an import in this process, and in tests). */
export function forgetCourseHeads(): void {
  heads.clear();
  courseList = null;
}
// Immutable content keyed by (course, version): safe to share between requests.
const views = new Map<string, Promise<CourseView | null>>();

/** The latest published version of a course, or null if there is none. */
export async function getCourseView(
  kv: Deno.Kv,
  courseId: string,
): Promise<CourseView | null> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(courseId)) return null;
  const version = await latestVersion(kv, courseId);
  if (version === null) return null;
  return await getCourseVersionView(kv, courseId, version);
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
  const now = performance.now();
  if (!courseList || now - courseList.at >= HEAD_TTL_MS) {
    const list = listCourses(kv, limit);
    courseList = { at: now, list };
    list.catch(() => (courseList = null));
  }
  const list = await courseList.list;
  // The same list (within HEAD_TTL_MS) gives the same views: versions are
  // immutable, so the home page does not rebuild them on every request.
  const known = listedViews.get(list);
  if (known && known.limit === limit) return known.views;
  const views = (await Promise.all(
    list.slice(0, limit).map((h) =>
      getCourseVersionView(kv, h.courseId, h.version)
    ),
  )).filter((v): v is CourseView => v !== null);
  listedViews.set(list, { limit, views });
  return views;
}

const listedViews = new WeakMap<
  object,
  { limit: number; views: CourseView[] }
>();
