import type { ComponentChildren } from "preact";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { PublicQuestion } from "@/lib/quiz/public_question.ts";
import type { Answer } from "@/lib/quiz/score.ts";
import { QuestionInputs } from "@/lib/question_types/fields_view.tsx";
import type { FieldLabels } from "@/lib/question_types/common/fields_props.ts";
import { PromptText } from "@/lib/question_types/common/prompt_text.tsx";

export { PromptText };

/** The words question inputs need, in the request's language. */
export function fieldLabels(t: Translate): FieldLabels {
  return {
    true: t("check.true"),
    false: t("check.false"),
    fill: t("check.fill"),
    choose: t("check.match.choose"),
    placeholder: t("check.written.placeholder"),
    blank: t("learner.blank"),
    up: t("check.order.up"),
    down: t("check.order.down"),
    position: t("quiz.position"),
    sep: t("learner.label_separator"),
  };
}

/** Form inputs for one quiz question (no JavaScript needed); field names per lib/quiz/answer_form.ts. */
export function QuestionFields(
  props: {
    id: string;
    n: number;
    question: PublicQuestion;
    saved?: Answer;
    t: Translate;
    /** Shown after the inputs, inside the question (a confidence rating). */
    children?: ComponentChildren;
  },
) {
  const { id, question: q, saved, t, n } = props;
  // A saved answer of another type (the question changed) pre-fills nothing.
  const answer = saved?.type === q.type ? saved : {};
  return (
    <fieldset class="quiz-question" id={`question-${id}`}>
      <legend>
        <span class="q-number">{n}.</span>{" "}
        <PromptText text={q.prompt} blank={t("learner.blank")} />
      </legend>
      <QuestionInputs
        question={q}
        name={`q.${id}`}
        answer={answer}
        labels={fieldLabels(t)}
      />
      {props.children}
    </fieldset>
  );
}
