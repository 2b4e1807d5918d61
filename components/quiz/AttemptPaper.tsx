import type { ComponentChildren } from "preact";
import { PaperHeading } from "@/components/quiz/PaperHeading.tsx";
import { AttemptForm } from "@/components/quiz/AttemptForm.tsx";
import QuizAutosave, {
  type QuizAutosaveLabels,
  type QuizAutosaveProps,
} from "@/islands/QuizAutosave.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { Attempt } from "@/lib/quiz/attempt.ts";
import type { PublicQuestion } from "@/lib/quiz/public_question.ts";

/**
 * An open attempt's page (module quiz, exam, trainer preview): the heading,
 * what the page says above the questions (a deadline, a banner, a
 * checklist), the refusal alert, and the form. A learner's paper carries an
 * idempotency key and autosaves through QuizAutosave; a preview's does
 * neither. The form posts without JavaScript either way.
 */
export function AttemptPaper(props: {
  /** The document title. */
  headTitle: string;
  title: string;
  t: Translate;
  csrfToken: string;
  attempt: Attempt;
  questions: { id: string; question: PublicQuestion }[];
  /** The submit button's words. */
  submit: string;
  /** Between the title and the heading (a preview banner). */
  top?: ComponentChildren;
  /** Right under the heading (the deadline or timer). */
  timer?: ComponentChildren;
  /** The refusal's sentence for the alert. */
  alert?: string;
  /** Whether the paper asks a confidence rating per question. */
  asksConfidence?: boolean;
  /** The question whose rating was refused. */
  refusedConfidence?: string;
  /**
   * A learner's paper: saved as it changes, submitted once. The saving
   * words are added here; `labels` holds any more the page shows.
   */
  autosave?:
    & Omit<QuizAutosaveProps, "csrfToken" | "children" | "labels">
    & { labels?: Partial<QuizAutosaveLabels> };
  /** Above the form (the exam's required scenarios). */
  children?: ComponentChildren;
}) {
  const { t, attempt, asksConfidence, autosave } = props;
  const form = (
    <AttemptForm
      csrfToken={props.csrfToken}
      questions={props.questions}
      answers={attempt.answers}
      t={t}
      submit={props.submit}
      idempotent={autosave !== undefined}
      confidence={asksConfidence
        ? { saved: attempt.confidence, refused: props.refusedConfidence }
        : undefined}
    />
  );
  return (
    <>
      <PaperHeading
        headTitle={props.headTitle}
        title={props.title}
        top={props.top}
      />
      {props.timer}
      {props.alert && <p class="feedback wrong" role="alert">{props.alert}</p>}
      {asksConfidence && <p class="meta">{t("confidence.lead")}</p>}
      {props.children}
      {autosave
        ? (
          <QuizAutosave
            {...autosave}
            csrfToken={props.csrfToken}
            labels={{
              saved: t("quiz.saved"),
              saving: t("quiz.saving"),
              failed: t("quiz.save_failed"),
              ...autosave.labels,
            }}
          >
            {form}
          </QuizAutosave>
        )
        : form}
    </>
  );
}
