import { CsrfField } from "@/components/CsrfField.tsx";
import { QuestionFields } from "@/components/quiz/QuestionFields.tsx";
import { ConfidenceFields } from "@/components/quiz/ConfidenceFields.tsx";
import type { ConfidenceMap } from "@/lib/quiz/confidence.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { PublicQuestion } from "@/lib/quiz/public_question.ts";
import type { Answer } from "@/lib/quiz/score.ts";

/**
 * An open attempt's form (module quiz, exam, trainer preview): every
 * question numbered, with its saved answer filled in, and the submit button.
 * A learner's form carries a fresh idempotency key, so a double submit is
 * stored once. With `confidence` (a quiz or exam that asks it) each
 * question gets its rating group, the saved rating checked and a refused
 * one's message at its question.
 */
export function AttemptForm(
  { csrfToken, questions, answers, t, submit, idempotent = false, confidence }:
    {
      csrfToken: string;
      questions: { id: string; question: PublicQuestion }[];
      answers: Record<string, Answer>;
      t: Translate;
      /** The submit button's words. */
      submit: string;
      idempotent?: boolean;
      confidence?: { saved?: ConfidenceMap; refused?: string };
    },
) {
  return (
    <form method="post" class="quiz-form">
      <CsrfField token={csrfToken} />
      {idempotent && (
        <input
          type="hidden"
          name="idempotencyKey"
          value={crypto.randomUUID()}
        />
      )}
      {questions.map((q, i) => (
        <QuestionFields
          key={q.id}
          id={q.id}
          n={i + 1}
          question={q.question}
          saved={answers[q.id]}
          t={t}
        >
          {confidence && (
            <ConfidenceFields
              id={q.id}
              n={i + 1}
              saved={confidence.saved?.[q.id]}
              error={confidence.refused === q.id
                ? t("confidence.field_error", { n: i + 1 })
                : undefined}
              t={t}
            />
          )}
        </QuestionFields>
      ))}
      <button type="submit">{submit}</button>
    </form>
  );
}
