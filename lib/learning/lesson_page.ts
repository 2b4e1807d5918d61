/**
 * Everything a lesson page shows, computed once per course version and
 * lesson (versions are immutable) and shared by every request for it.
 */
import {
  type PublicQuestion,
  toPublicQuestion,
} from "@/lib/quiz/public_question.ts";
import { type CourseView, getCourseView } from "../content/course_view.ts";
import { splitAtChecks } from "../content/lesson_parts.ts";
import type { TocEntry } from "../content/markdown.ts";
import type { LessonFrontmatter } from "../content/schema.ts";

/** A link to a neighbouring lesson. */
export interface LessonLink {
  url: string;
  title: string;
}

/** The lesson page's content. */
export interface LessonPage {
  courseId: string;
  courseTitle: string;
  version: number;
  moduleId: string;
  moduleTitle: string;
  lesson: LessonFrontmatter;
  /** Balanced HTML parts; an inline check sits between consecutive parts. */
  parts: string[];
  /** The check after each part but the last, without answer keys. */
  checks: { index: number; question: PublicQuestion }[];
  toc: TocEntry[];
  prev: LessonLink | null;
  next: LessonLink | null;
  /** 1-based position in its module and the module's lesson count. */
  position: number;
  moduleLessons: number;
  /** Lesson ids of the module, for module progress. */
  moduleLessonIds: string[];
  url: string;
}

const pages = new WeakMap<CourseView, Map<string, LessonPage>>();

/** The lesson at `/courses/<course>/<module>/<lesson>`, or null. */
export async function getLessonPage(
  kv: Deno.Kv,
  courseId: string,
  moduleId: string,
  lessonId: string,
): Promise<LessonPage | null> {
  const view = await getCourseView(kv, courseId);
  if (!view) return null;
  let cache = pages.get(view);
  if (!cache) pages.set(view, cache = new Map());
  const key = `${moduleId}/${lessonId}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const page = buildPage(view, moduleId, lessonId);
  if (page) cache.set(key, page);
  return page;
}

function buildPage(
  view: CourseView,
  moduleId: string,
  lessonId: string,
): LessonPage | null {
  const at = view.lessons.findIndex((l) =>
    l.module.module.id === moduleId && l.lesson.lesson.id === lessonId
  );
  if (at < 0) return null;
  const { module, lesson, url } = view.lessons[at];
  const rendered = view.render(lessonId);
  const { parts, checks } = splitAtChecks(rendered.html);
  const link = (i: number): LessonLink | null =>
    view.lessons[i]
      ? { url: view.lessons[i].url, title: view.lessons[i].lesson.lesson.title }
      : null;
  return {
    courseId: view.id,
    courseTitle: view.published.course.title,
    version: view.version,
    moduleId,
    moduleTitle: module.module.title,
    lesson: lesson.lesson,
    parts,
    checks: checks.map((index) => ({
      index,
      // Options are shuffled by a seed of the check itself, so the key is
      // not where the author wrote it, every reload (and the labels the page
      // gives) stays the same, and the page can be cached for everyone.
      question: toPublicQuestion(
        lesson.checks[index],
        inlineCheckSeed(view.id, lessonId, index),
        true,
      ),
    })),
    toc: rendered.toc,
    prev: link(at - 1),
    next: link(at + 1),
    position: module.lessons.indexOf(lesson) + 1,
    moduleLessons: module.lessons.length,
    moduleLessonIds: module.lessons.map((l) => l.lesson.id),
    url,
  };
}

/** The seed of an inline check's shown order; the check route labels by it too. */
export function inlineCheckSeed(
  courseId: string,
  lessonId: string,
  index: number | string,
): string {
  return `${courseId}/${lessonId}/${index}`;
}
