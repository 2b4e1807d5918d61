import type { ComponentChildren } from "preact";
import { PaperHeading } from "@/components/quiz/PaperHeading.tsx";
import { QuizReviewList } from "@/components/quiz/QuizReviewList.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { AttemptResult } from "@/lib/quiz/attempt.ts";
import { type QuizReview, reviewAttempt } from "@/lib/quiz/quiz_page.ts";
import type { ModuleQuizView } from "@/lib/quiz/quiz_page.ts";
import type { Attempt } from "@/lib/quiz/attempt.ts";

/**
 * A submitted quiz's page (a learner's attempt, a trainer's preview): the
 * verdict and score as graded on the server, whether it was stored, what
 * the page adds (retakes), the weak skills with their lessons (a learner's),
 * each question reviewed, and the way back.
 */
export function QuizResultView(props: {
  headTitle: string;
  title: string;
  t: Translate;
  found: ModuleQuizView;
  /** A submitted attempt and its result. */
  attempt: Attempt;
  result: AttemptResult;
  /** Whether to list the skills missed and the lessons that teach them. */
  weakSkills?: boolean;
  /** Whether and where the result was kept, in words. */
  stored: string;
  back: { href: string; label: string };
  /** Between the title and the heading (a preview banner). */
  top?: ComponentChildren;
  /** Right under the heading (the attempt was closed meanwhile). */
  notice?: string;
  /** Between the score and the review. */
  children?: ComponentChildren;
}) {
  const { t, result: r } = props;
  const review = reviewAttempt(props.found, props.attempt, {
    true: t("check.true"),
    false: t("check.false"),
  });
  return (
    <>
      <PaperHeading
        headTitle={props.headTitle}
        title={props.title}
        top={props.top}
      />
      {props.notice && <p class="notice">{props.notice}</p>}
      <p class={`outcome ${r.passed ? "outcome-resolved" : "outcome-lost"}`}>
        {r.passed ? t("quiz.result.passed") : t("quiz.result.failed")}
      </p>
      <p class="lead">
        {t("quiz.result.score", {
          percent: r.percent,
          points: r.points,
          max: r.max,
        })}
      </p>
      <p class="meta">{props.stored}</p>
      {props.children}
      {props.weakSkills && <WeakSkills skills={review.weakSkills} t={t} />}
      <h2>{t("quiz.review")}</h2>
      <QuizReviewList items={review.items} t={t} />
      <p>
        <a class="button secondary" href={props.back.href}>
          {props.back.label}
        </a>
      </p>
    </>
  );
}

/** The skills a learner missed, each with the lessons that teach it. */
function WeakSkills(
  { skills, t }: { skills: QuizReview["weakSkills"]; t: Translate },
) {
  return (
    <>
      <h2>{t("quiz.weak")}</h2>
      {skills.length === 0
        ? <p>{t("quiz.weak.none")}</p>
        : (
          <ul class="weak-skills">
            {skills.map((s) => (
              <li key={s.id}>
                <strong>{s.title}</strong>
                {s.lessons.map((l) => (
                  <span key={l.url}>
                    {" · "}
                    <a href={l.url}>{l.title}</a>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
    </>
  );
}
