/**
 * The trainer's home: every published lesson, module quiz, exam, scenario
 * and drill of each course, with what the last `content:check` (run by every
 * import) said about it, and where to open or preview it. Reads the course
 * views and the stored content status only.
 */
import { getContentStatus } from "@/lib/content/content_status_store.ts";
import { listCourseViews } from "@/lib/content/course_view.ts";
import { previewUrl } from "@/lib/preview/preview_kinds.ts";
import type { Problem } from "@/lib/content/source.ts";

/** A problem content:check reported (the view translates it). */
export type ContentProblem = Problem;

/** One item of content as the trainer's list shows it. */
export interface ContentItem {
  kind: "lesson" | "quiz" | "exam" | "scenario" | "drill";
  id: string;
  title: string;
  /** Where a learner opens it (a trainer may open it too). */
  url: string;
  /** Where a trainer tries it as a learner would, counting toward nothing. */
  previewUrl: string | null;
  /** Problems content:check reported in this item's file ([] = checked clean). */
  problems: ContentProblem[];
}

/** One course with its items. */
export interface TrainerCourse {
  id: string;
  title: string;
  version: number;
  modules: { id: string; title: string; items: ContentItem[] }[];
  practice: ContentItem[];
}

/** What the trainer's home shows. */
export interface TrainerHome {
  courses: TrainerCourse[];
  /** When content:check last ran (at import), or null before any import. */
  checkedAt: Date | null;
  /** Courses held back by their problems (not published in this version). */
  heldBack: string[];
  problemCount: number;
  /** Problems not tied to any listed item (held-back courses, shared files). */
  otherProblems: ContentProblem[];
}

/** The file stem of a content path: "assessments/drills/drill-greeting.yaml" -> "drill-greeting". */
function stem(path: string): string {
  const file = path.split("/").pop() ?? "";
  return file.replace(/\.[^.]+$/, "").replace(/^\d+-/, "");
}

/** The trainer's home data. */
export async function trainerHome(kv: Deno.Kv): Promise<TrainerHome> {
  const [views, status] = await Promise.all([
    listCourseViews(kv),
    getContentStatus(kv),
  ]);
  const problems = status?.problems ?? [];
  const used = new Set<ContentProblem>();
  const problemsOf = (id: string) => {
    const mine = problems.filter((p) => stem(p.path) === id);
    mine.forEach((p) => used.add(p));
    return mine;
  };
  const courses = views.map((view): TrainerCourse => {
    const c = view.id;
    return {
      id: c,
      title: view.published.course.title,
      version: view.version,
      modules: view.published.modules.map((m) => ({
        id: m.module.id,
        title: m.module.title,
        items: [
          ...m.lessons.map((l): ContentItem => ({
            kind: "lesson",
            id: l.lesson.id,
            title: l.lesson.title,
            url: `/courses/${c}/${m.module.id}/${l.lesson.id}`,
            previewUrl: null,
            problems: problemsOf(l.lesson.id),
          })),
          ...(m.module.quiz
            ? [{
              kind: "quiz" as const,
              id: m.module.quiz.bank,
              title: m.module.title,
              url: `/courses/${c}/${m.module.id}/quiz`,
              previewUrl: previewUrl("quiz", c, m.module.id),
              problems: problemsOf(m.module.quiz.bank),
            }]
            : []),
        ],
      })),
      practice: [
        ...view.published.exams.map((e): ContentItem => ({
          kind: "exam",
          id: e.id,
          title: e.title,
          url: `/courses/${c}/exams/${e.id}`,
          previewUrl: previewUrl("exam", c, e.id),
          problems: problemsOf(e.id),
        })),
        ...view.published.scenarios.map((s): ContentItem => ({
          kind: "scenario",
          id: s.id,
          title: s.title,
          url: `/courses/${c}/scenarios/${s.id}`,
          previewUrl: previewUrl("scenario", c, s.id),
          problems: problemsOf(s.id),
        })),
        ...view.published.drills.map((d): ContentItem => ({
          kind: "drill",
          id: d.id,
          title: d.title,
          url: `/courses/${c}/drills/${d.id}`,
          previewUrl: previewUrl("drill", c, d.id),
          problems: problemsOf(d.id),
        })),
      ],
    };
  });
  return {
    courses,
    checkedAt: status?.checkedAt ?? null,
    heldBack: status?.heldBack ?? [],
    problemCount: status?.problemCount ?? 0,
    otherProblems: problems.filter((p) => !used.has(p)),
  };
}
