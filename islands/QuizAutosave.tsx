import type { ComponentChildren } from "preact";
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";

/** Translated text for the quiz helpers (the island holds no catalog). */
export interface QuizAutosaveLabels {
  saved: string;
  saving: string;
  failed: string;
  /** "剩余时间" */
  timeLeft?: string;
  timeUp?: string;
  /** With `{done}` and `{total}` left in, filled here. */
  answered?: string;
  navigator?: string;
  /** Per question, with `{n}` left in. */
  questionAnswered?: string;
  questionOpen?: string;
  confirmTitle?: string;
  /** With `{list}` left in. */
  confirmBody?: string;
  confirmSubmit?: string;
  confirmBack?: string;
  /** A question's name in the unanswered list, with `{n}` left in. */
  question?: string;
  /** Joins names in the unanswered list ("、" or ", "). */
  separator?: string;
}

export interface QuizAutosaveProps {
  /** Where the form's fields are posted as they change. */
  saveUrl: string;
  csrfToken: string;
  labels: QuizAutosaveLabels;
  /** The attempt's questions in order; their fieldsets are `#question-<id>`. */
  questions?: { id: string; n: number }[];
  /** Ids answered when the page was rendered (from the saved answers). */
  answered?: string[];
  /** The server's deadline and its clock when it rendered the page (ISO). */
  deadline?: string | null;
  serverNow?: string;
  /** The server-rendered quiz form. */
  children?: ComponentChildren;
}

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (m, k) => k in values ? String(values[k]) : m);

/** Ids of the questions with an answer in the form right now. */
function answeredIn(form: HTMLFormElement, ids: readonly string[]): string[] {
  return ids.filter((id) => {
    const set = form.querySelector(`#question-${CSS.escape(id)}`);
    if (!set) return false;
    // A confidence rating alone does not answer the question.
    const fields = [...set.querySelectorAll("input, select, textarea")].filter(
      (f) => !f.closest(".confidence"),
    ) as (
      | HTMLInputElement
      | HTMLSelectElement
      | HTMLTextAreaElement
    )[];
    const selects = fields.filter((f) => f.tagName === "SELECT");
    if (selects.length) return selects.every((s) => s.value !== "");
    return fields.some((f) =>
      f instanceof HTMLInputElement &&
        (f.type === "radio" || f.type === "checkbox")
        ? f.checked
        : f.value.trim() !== ""
    );
  });
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const mm = String(Math.floor(s / 60)).padStart(2, "0");
  const ss = String(s % 60).padStart(2, "0");
  return `${mm}:${ss}`;
}

/**
 * The quiz form's safety net: answers saved as the learner works (a reload or
 * another device resumes the attempt), time left counting down from the
 * server's deadline (the server still decides), answered n of N, a question
 * navigator, and a confirmation on 交卷 that names the unanswered questions.
 * The form itself works without it.
 */
export default function QuizAutosave(props: QuizAutosaveProps) {
  const { labels } = props;
  const questions = props.questions ?? [];
  const root = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const status = useSignal<"idle" | "saving" | "saved" | "failed">("idle");
  const answered = useSignal<string[]>(props.answered ?? []);
  const missing = useSignal<{ id: string; n: number }[]>([]);
  const initialLeft = props.deadline && props.serverNow
    ? (Date.parse(props.deadline) - Date.parse(props.serverNow)) / 1000
    : null;
  const left = useSignal<number | null>(initialLeft);

  useEffect(() => {
    const el = root.current;
    const form = el?.querySelector("form");
    if (!el || !form) return;
    const ids = questions.map((q) => q.id);
    let confirmed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The save on its way, if any: a submit waits for it, so a save never
    // reaches an attempt the submit has closed (refused 409).
    let inflight: Promise<void> | undefined;
    const save = () => {
      inflight = post().finally(() => inflight = undefined);
    };
    const post = async () => {
      status.value = "saving";
      try {
        const body = new URLSearchParams(
          new FormData(form) as unknown as Record<string, string>,
        );
        const res = await fetch(props.saveUrl, {
          method: "POST",
          body,
          headers: { "x-csrf-token": props.csrfToken },
        });
        status.value = res.ok ? "saved" : "failed";
      } catch {
        status.value = "failed";
      }
    };
    const onChange = () => {
      answered.value = answeredIn(form, ids);
      clearTimeout(timer);
      timer = setTimeout(save, 400);
    };
    const onSubmit = (e: SubmitEvent) => {
      const done = new Set(answeredIn(form, ids));
      const open = confirmed || !ids.length
        ? []
        : questions.filter((q) => !done.has(q.id));
      if (open.length === 0) {
        // The submit carries every answer: a save still waiting on its
        // debounce is not needed, and one on its way is let finish first.
        clearTimeout(timer);
        if (inflight) {
          e.preventDefault();
          const submitter = e.submitter;
          inflight.then(() => {
            confirmed = true;
            form.requestSubmit(submitter);
          });
        }
        return;
      }
      e.preventDefault();
      missing.value = open;
      dialog.current?.showModal();
    };
    answered.value = answeredIn(form, ids);
    form.addEventListener("change", onChange);
    form.addEventListener("input", onChange);
    form.addEventListener("submit", onSubmit);
    // Confirmed in the dialog: submit for real, once.
    (el as unknown as { submitAnyway: () => void }).submitAnyway = () => {
      confirmed = true;
      dialog.current?.close();
      form.requestSubmit();
    };
    // Count down from the server's deadline, on this device's monotonic clock.
    let tick: ReturnType<typeof setInterval> | undefined;
    if (initialLeft !== null) {
      const start = performance.now();
      tick = setInterval(() => {
        left.value = initialLeft - (performance.now() - start) / 1000;
        if (left.value <= 0) clearInterval(tick);
      }, 1000);
    }
    return () => {
      form.removeEventListener("change", onChange);
      form.removeEventListener("input", onChange);
      form.removeEventListener("submit", onSubmit);
      clearTimeout(timer);
      clearInterval(tick);
    };
  }, []);

  const text = status.value === "saving"
    ? labels.saving
    : status.value === "saved"
    ? labels.saved
    : status.value === "failed"
    ? labels.failed
    : "";
  const done = new Set(answered.value);
  const back = () => {
    dialog.current?.close();
    const first = missing.value[0];
    const target = first &&
      root.current?.querySelector<HTMLElement>(`#question-${first.id}`);
    target?.scrollIntoView({ block: "start" });
    target?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  };
  return (
    <div ref={root} class="quiz-shell">
      {questions.length > 0 && (
        <div class="quiz-status">
          {left.value !== null && (
            <p class="timer" data-urgent={left.value < 120 ? "" : undefined}>
              {left.value > 0
                ? (
                  <>
                    {labels.timeLeft}{" "}
                    <strong role="timer" class="countdown">
                      {clock(left.value)}
                    </strong>
                  </>
                )
                : <strong role="alert">{labels.timeUp}</strong>}
            </p>
          )}
          <p class="answered-count">
            {fill(labels.answered ?? "", {
              done: done.size,
              total: questions.length,
            })}
          </p>
          <nav class="quiz-nav" aria-label={labels.navigator}>
            <ol>
              {questions.map((q) => (
                <li key={q.id}>
                  <a
                    href={`#question-${q.id}`}
                    class={done.has(q.id) ? "answered" : undefined}
                    aria-label={fill(
                      (done.has(q.id)
                        ? labels.questionAnswered
                        : labels.questionOpen) ?? "",
                      { n: q.n },
                    )}
                  >
                    {q.n}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        </div>
      )}
      <p class="autosave" role="status" data-status={status.value}>{text}</p>
      {props.children}
      {questions.length > 0 && (
        <dialog
          ref={dialog}
          class="confirm-submit"
          aria-labelledby="confirm-submit-title"
        >
          <h2 id="confirm-submit-title">{labels.confirmTitle}</h2>
          <p>
            {fill(labels.confirmBody ?? "", {
              list: missing.value.map((q) =>
                fill(labels.question ?? "{n}", { n: q.n })
              ).join(labels.separator ?? ", "),
            })}
          </p>
          <p class="dialog-actions">
            <button type="button" class="secondary" onClick={back}>
              {labels.confirmBack}
            </button>
            <button
              type="button"
              class="danger"
              onClick={() =>
                (root.current as unknown as { submitAnyway?: () => void })
                  ?.submitAnyway?.()}
            >
              {labels.confirmSubmit}
            </button>
          </p>
        </dialog>
      )}
    </div>
  );
}
