/**
 * Realistic progress for the demo learners (after lib/identity/demo_seed.ts
 * made the accounts): lessons completed through the real domain function,
 * so their statements and rollups are real too; cohort-a (day 12) about a
 * third of the course, cohort-b (day 27) most of it. Runs once per store.
 *
 * | key                              | value |
 * | -------------------------------- | ----- |
 * | ["demo_seeds", "progress"]       | Date  |
 */
import { getCourseView } from "@/lib/content/course_view.ts";
import { listMembers } from "@/lib/identity/cohort_store.ts";
import { completeLesson } from "./lesson_completion.ts";

const MARKER = ["demo_seeds", "progress"];
/** Lessons done per learner, in cohort order. */
const DONE: Record<string, number[]> = {
  "cohort-a": [10, 7, 11, 9, 8],
  "cohort-b": [22, 18, 25, 20, 24],
};

/** Seeds demo progress in `courseId` once. */
export async function seedDemoProgress(
  kv: Deno.Kv,
  courseId: string,
  now: Date,
): Promise<void> {
  if ((await kv.get(MARKER)).versionstamp !== null) return;
  const view = await getCourseView(kv, courseId);
  if (!view) return;
  for (const [cohortId, counts] of Object.entries(DONE)) {
    const members = (await listMembers(kv, cohortId, 50)).toSorted((a, b) =>
      a.userId < b.userId ? -1 : 1
    );
    for (const [i, m] of members.entries()) {
      const done = counts[i % counts.length];
      for (const [n, l] of view.lessons.slice(0, done).entries()) {
        // Spread completions over the past days, oldest first.
        const at = new Date(now.getTime() - (done - n) * 20 * 3600_000);
        await completeLesson(
          kv,
          m.userId,
          {
            courseId,
            version: view.version,
            moduleId: l.module.module.id,
            lessonId: l.lesson.lesson.id,
            title: l.lesson.lesson.title,
            url: l.url,
          },
          at,
          cohortId,
        );
      }
    }
  }
  await kv.set(MARKER, now);
}
