/**
 * Where a learner is in a course: per module its lessons with ticks, its quiz
 * with the best score, and the scenarios and drills that practise it. The
 * course page, the module page and the home card read it. Reads the progress
 * rollup only (never scans attempts or runs).
 */
import { getCourseView } from "@/lib/content/course_view.ts";
import { getProgress, type Progress } from "@/lib/evidence/progress_store.ts";

/** A practice item (scenario or drill) with the learner's scores. */
export interface PracticeLink {
  id: string;
  url: string;
  title: string;
  best: number | null;
  latest: number | null;
}

/** One module as the course and module pages show it. */
export interface ModuleSummary {
  id: string;
  title: string;
  url: string;
  objectives: string[];
  done: number;
  total: number;
  lessons: {
    id: string;
    url: string;
    title: string;
    minutes: number;
    done: boolean;
  }[];
  quiz: { url: string; best: number | null; passed: boolean } | null;
  scenarios: PracticeLink[];
  drills: (PracticeLink & { items: number })[];
}

/** A course with the learner's progress (all zero for someone without any). */
export interface CoursePage {
  id: string;
  version: number;
  title: string;
  summary: string;
  done: number;
  total: number;
  /** The first lesson not done, else the last one opened; null for an empty course. */
  resume: { url: string; title: string } | null;
  modules: ModuleSummary[];
}

/**
 * The course page's data for `learnerId` (null: nobody's progress, as a
 * trainer sees it), or null for an unknown course.
 */
export async function coursePage(
  kv: Deno.Kv,
  courseId: string,
  learnerId: string | null,
  now: Date,
): Promise<CoursePage | null> {
  const view = await getCourseView(kv, courseId);
  if (!view) return null;
  const p: Pick<Progress, "lessons" | "quizzes" | "scenarios" | "drills"> & {
    last?: Progress["last"];
  } = learnerId
    ? await getProgress(kv, learnerId, courseId, now)
    : { lessons: {}, quizzes: {}, scenarios: {}, drills: {} };
  const base = `/courses/${view.id}`;
  const scores = (s: { best: number; latest: number } | undefined) => ({
    best: s?.best ?? null,
    latest: s?.latest ?? null,
  });
  const modules = view.published.modules.map((m): ModuleSummary => {
    const lessons = view.lessons.filter((l) => l.module === m).map((l) => ({
      id: l.lesson.lesson.id,
      url: l.url,
      title: l.lesson.lesson.title,
      minutes: l.lesson.lesson.minutes,
      done: Boolean(p.lessons[l.lesson.lesson.id]),
    }));
    const q = p.quizzes[m.module.id];
    return {
      id: m.module.id,
      title: m.module.title,
      url: `${base}/${m.module.id}`,
      objectives: m.module.objectives,
      done: lessons.filter((l) => l.done).length,
      total: lessons.length,
      lessons,
      quiz: m.module.quiz
        ? {
          url: `${base}/${m.module.id}/quiz`,
          best: q?.best ?? null,
          passed: q?.passed ?? false,
        }
        : null,
      scenarios: view.published.scenarios.filter((s) =>
        s.module === m.module.id
      ).map((s) => ({
        id: s.id,
        url: `${base}/scenarios/${s.id}`,
        title: s.title,
        ...scores(p.scenarios[s.id]),
      })),
      drills: view.published.drills.filter((d) => d.module === m.module.id)
        .map((d) => ({
          id: d.id,
          url: `${base}/drills/${d.id}`,
          title: d.title,
          items: d.items.length,
          ...scores(p.drills[d.id]),
        })),
    };
  });
  const all = modules.flatMap((m) => m.lessons);
  const next = all.find((l) => !l.done);
  return {
    id: view.id,
    version: view.version,
    title: view.published.course.title,
    summary: view.published.course.summary,
    done: all.filter((l) => l.done).length,
    total: all.length,
    resume: next
      ? { url: next.url, title: next.title }
      : p.last
      ? { url: p.last.url, title: p.last.title }
      : all[0]
      ? { url: all[0].url, title: all[0].title }
      : null,
    modules,
  };
}

/** The course page as one viewer sees it: a learner with their own ticks. */
export interface ViewedCourse {
  course: CoursePage;
  /** Whether the viewer is a learner (shows ticks and "continue"). */
  learner: boolean;
}

/**
 * The course page for `viewer` (signed out or staff: nobody's progress), or
 * null for an unknown course.
 */
export async function coursePageFor(
  kv: Deno.Kv,
  viewer: { id: string; role: string } | null,
  courseId: string,
  now: Date,
): Promise<ViewedCourse | null> {
  const learner = viewer?.role === "learner";
  const course = await coursePage(
    kv,
    courseId,
    learner ? viewer.id : null,
    now,
  );
  return course && { course, learner };
}

/** One module of {@link coursePageFor}, or null when either is unknown. */
export async function modulePageFor(
  kv: Deno.Kv,
  viewer: { id: string; role: string } | null,
  courseId: string,
  moduleId: string,
  now: Date,
): Promise<ViewedCourse & { module: ModuleSummary } | null> {
  const page = await coursePageFor(kv, viewer, courseId, now);
  const module = page?.course.modules.find((m) => m.id === moduleId);
  return page && module ? { ...page, module } : null;
}
