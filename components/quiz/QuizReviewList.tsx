import type { Translate } from "@/lib/i18n/i18n.ts";
import type { ReviewItem } from "@/lib/quiz/quiz_page.ts";
import { PromptText } from "./QuestionFields.tsx";

/** Each question after the quiz: the learner's answer, the expected one and why. */
export function QuizReviewList(
  { items, t }: { items: ReviewItem[]; t: Translate },
) {
  return (
    <ol class="review-list">
      {items.map((item) => (
        <li
          key={item.id}
          class={item.correct ? "review correct" : "review wrong"}
        >
          <p class="check-prompt">
            <PromptText text={item.prompt} blank={t("learner.blank")} />
          </p>
          <p>
            <span class="meta">
              {t("quiz.review.yours")}
              {t("learner.label_separator")}
            </span>{" "}
            {item.yours}
          </p>
          {!item.correct && (
            <p>
              <span class="meta">
                {t("quiz.review.key")}
                {t("learner.label_separator")}
              </span>{" "}
              {item.key}
            </p>
          )}
          <p class="meta">
            {t("quiz.review.points", {
              points: Math.round(item.points * 100) / 100,
            })}
          </p>
          {item.explanation && <p class="explanation">{item.explanation}</p>}
        </li>
      ))}
    </ol>
  );
}
