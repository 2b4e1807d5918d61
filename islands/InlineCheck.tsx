import { useSignal } from "@preact/signals";
import { csrfHeader } from "@/lib/http/csrf_client.ts";
import type { PublicQuestion } from "@/lib/quiz/public_question.ts";
import type { CheckFeedback } from "@/lib/quiz/check_feedback.ts";
import { optionLabel } from "@/lib/quiz/option_labels.ts";
import { promptParts } from "@/lib/quiz/prompt_parts.ts";
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
  const answer = useSignal<Answer>(initialAnswer(question));
  const feedback = useSignal<Shown | null>(null);
  const tries = useSignal(0);
  const status = useSignal<"idle" | "pending" | "revealing" | "error">(
    "idle",
  );
  const name = `check-${index}`;

  useEffect(() => {
    const saved = load(action);
    if (saved) {
      answer.value = { ...initialAnswer(question), ...saved.answer };
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
        <Prompt text={question.prompt} blank={labels.blank} />
      </p>
      <Inputs
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

/** A prompt with its fill-in blanks drawn as blanks, not underscores. */
function Prompt({ text, blank }: { text: string; blank: string }) {
  return (
    <>
      {promptParts(text).map((part, i) =>
        part === null
          ? (
            <span key={i} class="blank">
              <span class="sr-only">{blank}</span>
            </span>
          )
          : part
      )}
    </>
  );
}

function initialAnswer(q: PublicQuestion): Answer {
  if (q.type === "ordering") return { order: q.items.map((i) => i.id) };
  if (q.type === "matching") return { pairs: {} };
  if (q.type === "multiple") return { choices: [] };
  return {};
}

interface InputsProps {
  question: PublicQuestion;
  name: string;
  answer: Answer;
  set: (patch: Answer) => void;
  labels: InlineCheckLabels;
}

function Inputs({ question: q, name, answer, set, labels }: InputsProps) {
  switch (q.type) {
    case "single":
    case "multiple": {
      const chosen = (answer.choices as string[] | undefined) ?? [];
      return (
        <fieldset>
          <legend class="sr-only">
            {promptParts(q.prompt).map((p) => p ?? labels.blank).join("")}
          </legend>
          {q.options.map((o, i) => (
            <label class="option">
              <input
                type={q.type === "single" ? "radio" : "checkbox"}
                name={name}
                value={o.id}
                checked={q.type === "single"
                  ? answer.choice === o.id
                  : chosen.includes(o.id)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  if (q.type === "single") set({ choice: o.id });
                  else {set({
                      choices: on
                        ? [...chosen, o.id]
                        : chosen.filter((c) => c !== o.id),
                    });}
                }}
              />
              <span class="option-label" aria-hidden="true">
                {optionLabel(i)}
              </span>
              <span>
                <span class="sr-only">{optionLabel(i)}.</span>
                {o.text}
              </span>
            </label>
          ))}
        </fieldset>
      );
    }
    case "truefalse":
      return (
        <fieldset>
          {[true, false].map((v) => (
            <label class="option">
              <input
                type="radio"
                name={name}
                checked={answer.value === v}
                onChange={() => set({ value: v })}
              />
              <span>{v ? labels.true : labels.false}</span>
            </label>
          ))}
        </fieldset>
      );
    case "ordering": {
      const order = answer.order as string[];
      const text = new Map(q.items.map((i) => [i.id, i.text]));
      const move = (i: number, d: number) => {
        const next = order.slice();
        [next[i], next[i + d]] = [next[i + d], next[i]];
        set({ order: next });
      };
      return (
        <ol class="order">
          {order.map((id, i) => (
            <li key={id}>
              <span>{text.get(id)}</span>
              <button
                type="button"
                class="secondary"
                aria-label={`${labels.up}${labels.sep}${text.get(id)}`}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="secondary"
                aria-label={`${labels.down}${labels.sep}${text.get(id)}`}
                disabled={i === order.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
      );
    }
    case "matching": {
      const pairs = answer.pairs as Record<string, string>;
      return (
        <div>
          {q.left.map((l) => (
            <div class="match-row">
              <label for={`${name}-${l.id}`}>{l.text}</label>
              <select
                id={`${name}-${l.id}`}
                value={pairs[l.id] ?? ""}
                onChange={(e) =>
                  set({
                    pairs: {
                      ...pairs,
                      [l.id]: (e.currentTarget as HTMLSelectElement).value,
                    },
                  })}
              >
                <option value="">{labels.choose}</option>
                {q.right.map((r) => (
                  <option key={r.id} value={r.id}>{r.text}</option>
                ))}
              </select>
            </div>
          ))}
        </div>
      );
    }
    case "fillin":
      return (
        <p>
          <input
            type="text"
            aria-label={labels.fill}
            maxLength={200}
            value={(answer.text as string) ?? ""}
            onInput={(e) =>
              set({ text: (e.currentTarget as HTMLInputElement).value })}
          />
        </p>
      );
    case "written":
      return (
        <p>
          <textarea
            rows={4}
            maxLength={2000}
            aria-label={labels.placeholder}
            placeholder={labels.placeholder}
            value={(answer.text as string) ?? ""}
            onInput={(e) =>
              set({ text: (e.currentTarget as HTMLTextAreaElement).value })}
          />
        </p>
      );
  }
}
