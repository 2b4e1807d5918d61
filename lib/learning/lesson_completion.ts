/**
 * "Mark complete" on a lesson: recorded once per learner and lesson, with
 * its statement and the progress rollup in one commit. Marking again is a
 * no-op, so a double click or a resubmitted form changes nothing.
 */
import { buildStatement } from "@/lib/evidence/statement.ts";
import { addStatement } from "@/lib/evidence/statement_store.ts";
import { commitWithProgress } from "@/lib/evidence/progress_store.ts";

/** The lesson being completed, as published. */
export interface LessonRef {
  courseId: string;
  version: number;
  moduleId: string;
  lessonId: string;
  title: string;
  url: string;
}

/** Records completion; returns false when it was already complete. */
export async function completeLesson(
  kv: Deno.Kv,
  learnerId: string,
  lesson: LessonRef,
  now: Date,
  cohortId?: string,
): Promise<boolean> {
  return await commitWithProgress(
    kv,
    learnerId,
    lesson.courseId,
    now,
    (op, progress) => {
      if (progress.lessons[lesson.lessonId]) {
        return {
          next: null,
          value: false,
        };
      }
      progress.lessons[lesson.lessonId] = now;
      progress.last = { url: lesson.url, title: lesson.title, at: now };
      addStatement(
        op,
        buildStatement({
          learnerId,
          verb: "completed",
          activity: {
            kind: "lesson",
            path: `lessons/${lesson.lessonId}`,
            name: lesson.title,
          },
          courseId: lesson.courseId,
          moduleId: lesson.moduleId,
          contentVersion: lesson.version,
          cohortId,
          completion: true,
          at: now,
        }),
        now,
      );
      return { next: progress, value: true };
    },
  );
}
