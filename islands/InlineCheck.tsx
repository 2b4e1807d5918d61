import { useSignal } from "@preact/signals";
import { csrfHeader } from "@/lib/http/csrf_client.ts";
import type { PublicQuestion } from "@/lib/quiz/public_question.ts";
import type { CheckFeedback } from "@/lib/quiz/check_feedback.ts";
import {
  initialAnswerFields,
  QuestionInputs,
} from "@/lib/question_types/fields_view.tsx";
import { PromptText } from "@/lib/question_types/common/prompt_text.tsx";
import { useEffect } from "preact/hooks";
import type { InlineCheckLabels } from "@/lib/quiz/check_labels.ts";

export interface InlineCheckProps {
  /** Where the answer is posted; the server grades it. */
  action: string;
  question: PublicQuestion;
  labels: InlineCheckLabels;
  /** Distinguishes form field names when a lesson has several checks. */
  index: number;
}

type Answer = Record<string, unknown>;

/** What the server sends back: graded feedback, a hint, or the explanation alone. */
interface Shown extends Partial<Omit<CheckFeedback, "explanation">> {
  explanation?: string;
  hint?: string;
}

/** What survives a reload (kept in this browser, per check). */
interface Saved {
  answer: Answer;
  feedback: Shown | null;
  tries: number;
}

const storageKey = (action: string) => `sa-check:${action}`;

function load(action: string): Saved | null {
  try {
    const raw = globalThis.localStorage?.getItem(storageKey(action));
    return raw ? JSON.parse(raw) as Saved : null;
  } catch {
    return null;
  }
}

/**
 * A formative knowledge check inside a lesson: unlimited tries, feedback from
 * the server, which alone holds the answer key. A wrong first try gets a
 * hint; the explanation comes on the second try or on "查看解析". The answer
 * and feedback are kept in localStorage, so a reload shows them again.
 */
export default function InlineCheck(
  { action, question, labels, index }: InlineCheckProps,
) {
  const answer = useSignal<Answer>(initialAnswerFields(question));
  const feedback = useSignal<Shown | null>(null);
  const tries = useSignal(0);
  const status = useSignal<"idle" | "pending" | "revealing" | "error">(
    "idle",
  );
  const name = `check-${index}`;

  useEffect(() => {
    const saved = load(action);
    if (saved) {
      answer.value = { ...initialAnswerFields(question), ...saved.answer };
      feedback.value = saved.feedback;
      tries.value = saved.tries;
    }
  }, []);
  const save = () => {
    try {
      globalThis.localStorage?.setItem(
        storageKey(action),
        JSON.stringify(
          {
            answer: answer.value,
            feedback: feedback.value,
            tries: tries.value,
          } satisfies Saved,
        ),
      );
    } catch { /* private mode: the check still works, it just forgets */ }
  };

  const post = async (body: unknown): Promise<Shown> => {
    const res = await fetch(action, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...csrfHeader(),
      },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(String(res.status));
    return await res.json();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    status.value = "pending";
    try {
      const next = tries.value + 1;
      const shown = await post({
        answer: { type: question.type, ...answer.value },
        tries: next,
      });
      tries.value = next;
      // A revealed explanation stays revealed.
      feedback.value = {
        ...shown,
        explanation: shown.explanation ?? feedback.value?.explanation,
      };
      status.value = "idle";
      save();
    } catch {
      status.value = "error";
    }
  };
  const reveal = async () => {
    status.value = "revealing";
    try {
      const { explanation } = await post({ reveal: true });
      feedback.value = { ...feedback.value, explanation };
      status.value = "idle";
      save();
    } catch {
      status.value = "error";
    }
  };
  const set = (patch: Answer) => (answer.value = { ...answer.value, ...patch });
  const fb = feedback.value;

  return (
    <form class="check" onSubmit={submit} aria-labelledby={`${name}-prompt`}>
      <p class="check-title">{labels.title}</p>
      <p class="check-prompt" id={`${name}-prompt`}>
        <PromptText text={question.prompt} blank={labels.blank} />
      </p>
      <QuestionInputs
        question={question}
        name={name}
        answer={answer.value}
        set={set}
        labels={labels}
      />
      <p class="check-actions">
        <button type="submit" disabled={status.value === "pending"}>
          {status.value === "pending"
            ? labels.pending
            : fb?.result
            ? labels.retry
            : labels.submit}
        </button>
        {fb?.result && fb.result !== "correct" && !fb.explanation && (
          <button
            type="button"
            class="secondary"
            disabled={status.value === "revealing"}
            onClick={reveal}
          >
            {status.value === "revealing" ? labels.revealing : labels.reveal}
          </button>
        )}
      </p>
      <div aria-live="polite">
        {status.value === "error" && (
          <p class="feedback wrong">{labels.error}</p>
        )}
        {fb && (
          <div class={`feedback ${fb.result ?? "explained"}`}>
            {fb.result && (
              <p>
                <strong>{labels[fb.result]}</strong>
              </p>
            )}
            {fb.hint && !fb.explanation && (
              <p class="hint">
                {labels.hint}
                {labels.sep}
                {fb.hint}
              </p>
            )}
            {fb.criteria?.map((c) => (
              <p key={c.label}>
                {c.passed ? "✓" : "✗"} {c.label}
                {labels.sep}
                {c.reason}
              </p>
            ))}
            {fb.explanation && (
              <p class="explanation">
                {labels.why}
                {labels.sep}
                {fb.explanation}
              </p>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
