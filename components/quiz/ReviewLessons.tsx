import type { Translate } from "@/lib/i18n/i18n.ts";
import type { ReviewLesson } from "@/lib/quiz/retake.ts";

/** The lessons to go back to before retaking a quiz. */
export function ReviewLessons(
  { lessons, t }: { lessons: ReviewLesson[]; t: Translate },
) {
  if (lessons.length === 0) {
    return <p class="meta">{t("learner.quiz.review_none")}</p>;
  }
  return (
    <section class="review-lessons" aria-labelledby="review-lessons-heading">
      <h2 id="review-lessons-heading">{t("learner.quiz.review_first")}</h2>
      <ul>
        {lessons.map((l) => (
          <li key={l.url}>
            <a href={l.url}>{l.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
