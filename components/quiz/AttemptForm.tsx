import { CsrfField } from "@/components/CsrfField.tsx";
import { QuestionFields } from "@/components/quiz/QuestionFields.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { PublicQuestion } from "@/lib/quiz/public_question.ts";
import type { Answer } from "@/lib/quiz/score.ts";

/**
 * An open attempt's form (module quiz, exam, trainer preview): every
 * question numbered, with its saved answer filled in, and the submit button.
 * A learner's form carries a fresh idempotency key, so a double submit is
 * stored once.
 */
export function AttemptForm(
  { csrfToken, questions, answers, t, submit, idempotent = false }: {
    csrfToken: string;
    questions: { id: string; question: PublicQuestion }[];
    answers: Record<string, Answer>;
    t: Translate;
    /** The submit button's words. */
    submit: string;
    idempotent?: boolean;
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
        />
      ))}
      <button type="submit">{submit}</button>
    </form>
  );
}
