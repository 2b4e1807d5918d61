/**
 * "My learning": per course, each module's lesson progress and quiz result,
 * recent scenario and drill scores, and where to resume. Reads the progress
 * rollup only (never scans attempts or statements).
 */
import { listCourseViews } from "@/lib/content/course_view.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";

/** One course as the learner's home shows it. */
export interface MyCourse {
  id: string;
  title: string;
  resume: { url: string; title: string } | null;
  modules: {
    id: string;
    title: string;
    done: number;
    total: number;
    quiz: { best: number; passed: boolean; url: string } | null;
    quizUrl: string | null;
  }[];
  recent: {
    title: string;
    best: number;
    latest: number;
    kind: "scenario" | "drill";
  }[];
}

/** The signed-in learner's courses with their progress. */
export async function myLearning(
  kv: Deno.Kv,
  learnerId: string,
  now: Date,
): Promise<MyCourse[]> {
  const views = await listCourseViews(kv);
  return await Promise.all(views.map(async (view) => {
    const p = await getProgress(kv, learnerId, view.id, now);
    const next = view.lessons.find((l) => !p.lessons[l.lesson.lesson.id]);
    const scenarioTitles = new Map(
      view.published.scenarios.map((s) => [s.id, s.title]),
    );
    const drillTitles = new Map(
      view.published.drills.map((d) => [d.id, d.title]),
    );
    const recent = [
      ...Object.entries(p.scenarios).map(([id, s]) => ({
        kind: "scenario" as const,
        title: scenarioTitles.get(id) ?? id,
        ...s,
      })),
      ...Object.entries(p.drills).map(([id, s]) => ({
        kind: "drill" as const,
        title: drillTitles.get(id) ?? id,
        ...s,
      })),
    ].sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime()).slice(0, 5);
    return {
      id: view.id,
      title: view.published.course.title,
      resume: next
        ? { url: next.url, title: next.lesson.lesson.title }
        : p.last,
      modules: view.published.modules.map((m) => {
        const q = p.quizzes[m.module.id];
        const quizUrl = m.module.quiz
          ? `/courses/${view.id}/${m.module.id}/quiz`
          : null;
        return {
          id: m.module.id,
          title: m.module.title,
          done: m.lessons.filter((l) => p.lessons[l.lesson.id]).length,
          total: m.lessons.length,
          quiz: q && quizUrl
            ? { best: q.best, passed: q.passed, url: quizUrl }
            : null,
          quizUrl,
        };
      }),
      recent: recent.map(({ kind, title, best, latest }) => ({
        kind,
        title,
        best,
        latest,
      })),
    };
  }));
}
