import type { CatalogueEntry } from "@/lib/content/catalogue.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/** A learner's place in a course, for the card's button. */
export interface CardProgress {
  done: number;
  total: number;
  /** Where "继续学习" leads: the first lesson not done. */
  url: string;
}

/**
 * One course in the catalogue. With `progress` (a signed-in learner) the
 * button says how far they are: "继续学习 · 17/25".
 */
export function CourseCard(
  { course, t, progress }: {
    course: CatalogueEntry;
    t: Translate;
    progress?: CardProgress | null;
  },
) {
  const started = progress && progress.done > 0;
  const finished = progress && progress.total > 0 &&
    progress.done >= progress.total;
  return (
    <article class="course-card">
      <h3>
        <a href={`/courses/${course.id}`}>{course.title}</a>
      </h3>
      <p>{course.summary}</p>
      <p class="meta">
        <span>{t("home.course.modules", { count: course.modules })}</span>
        <span>{t("home.course.lessons", { count: course.lessons })}</span>
        <span>{t("home.course.minutes", { count: course.minutes })}</span>
      </p>
      {finished
        ? (
          <a class="button secondary" href={`/courses/${course.id}`}>
            {t("learner.home.review", {
              done: progress.done,
              total: progress.total,
            })}
          </a>
        )
        : started
        ? (
          <a class="button" href={progress.url}>
            {t("learner.home.continue", {
              done: progress.done,
              total: progress.total,
            })}
          </a>
        )
        : course.firstLesson && (
          <a class="button" href={course.firstLesson}>
            {t("home.course.start")}
          </a>
        )}
    </article>
  );
}
