import type { LessonLink } from "@/lib/learning/lesson_page.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/**
 * Previous / next lesson links. `f-client-nav`: on the lesson page, which
 * wraps the lesson in `<Partial name="lesson">`, they swap only that area.
 */
export function LessonNav(
  { prev, next, t }: {
    prev: LessonLink | null;
    next: LessonLink | null;
    t: Translate;
  },
) {
  return (
    <nav
      class="lesson-nav"
      f-client-nav
      aria-label={`${t("course.lesson.prev")} / ${t("course.lesson.next")}`}
    >
      {prev && (
        <a href={prev.url} rel="prev">
          ← {t("course.lesson.prev")}
          <br />
          <strong>{prev.title}</strong>
        </a>
      )}
      {next && (
        <a href={next.url} rel="next" class="next">
          {t("course.lesson.next")} →
          <br />
          <strong>{next.title}</strong>
        </a>
      )}
    </nav>
  );
}
