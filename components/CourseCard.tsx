import type { CatalogueEntry } from "@/lib/content/catalogue.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/** One course in the catalogue. */
export function CourseCard(
  { course, t }: { course: CatalogueEntry; t: Translate },
) {
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
      {course.firstLesson && (
        <a class="button" href={course.firstLesson}>{t("home.course.start")}</a>
      )}
    </article>
  );
}
