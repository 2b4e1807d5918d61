import { useSignal } from "@preact/signals";
import { csrfHeader } from "@/lib/http/csrf_client.ts";
import { useEffect, useRef } from "preact/hooks";
import type { ChatEntry, ChatView } from "@/lib/scenario/run_view.ts";
import type { ScenarioChatLabels } from "@/lib/scenario/chat_labels.ts";

export interface ScenarioChatProps {
  /** Where turns are posted; the server walks the graph and scores. */
  turnUrl: string;
  debriefUrl: string;
  customerName: string;
  initial: ChatView;
  /** First-response limit and the seconds already gone when the page was rendered. */
  limitSeconds: number;
  elapsedSeconds: number;
  labels: ScenarioChatLabels;
}

const TYPING_MS = 900;

/** The simulated customer conversation: shows, times and posts; the server decides. */
export default function ScenarioChat(props: ScenarioChatProps) {
  const { labels } = props;
  const history = useSignal<ChatEntry[]>(props.initial.history);
  const view = useSignal<ChatView>(props.initial);
  const typing = useSignal(false);
  const busy = useSignal(false);
  const error = useSignal(false);
  const reply = useSignal("");
  const left = useSignal(props.limitSeconds - props.elapsedSeconds);
  const firstAnswered = props.initial.history.some((e) => e.from === "agent");
  const answered = useSignal(firstAnswered);
  const log = useRef<HTMLOListElement>(null);
  // One idempotency key per step, reused on every retry of that step until
  // the server has answered it, so a retried turn is never applied twice.
  const stepKey = useRef<{ step: string; key: string } | null>(null);

  useEffect(() => {
    if (answered.value) return;
    const timer = setInterval(() => {
      left.value -= 1;
      if (answered.value) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: "nearest" });
  }, [history.value.length, typing.value]);

  const keyFor = (step: string) => {
    if (stepKey.current?.step !== step) {
      stepKey.current = { step, key: crypto.randomUUID() };
    }
    return stepKey.current.key;
  };

  const send = async (body: Record<string, string>) => {
    if (busy.value) return;
    const nodeId = view.value.step?.nodeId;
    const turn = `${history.value.length}/${nodeId}`;
    busy.value = true;
    error.value = false;
    answered.value = true;
    try {
      const res = await fetch(props.turnUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...csrfHeader(),
        },
        body: JSON.stringify({
          ...body,
          nodeId,
          idempotencyKey: keyFor(turn),
        }),
      });
      if (!res.ok) throw new Error(String(res.status));
      const next: ChatView = await res.json();
      stepKey.current = null;
      const fresh = next.history.slice(history.value.length);
      const mine = fresh.filter((e) => e.from !== "customer");
      history.value = [...history.value, ...mine];
      reply.value = "";
      typing.value = true;
      await new Promise((r) => setTimeout(r, TYPING_MS));
      typing.value = false;
      history.value = next.history;
      view.value = next;
    } catch {
      error.value = true;
    } finally {
      busy.value = false;
    }
  };

  const step = view.value.step;
  const late = left.value < 0;
  return (
    <section class="chat" aria-label={props.customerName}>
      <div class="chat-status">
        <label class="mood">
          <span>{labels.mood}</span>
          {/* A native meter: no inline style, which the CSP forbids. */}
          <meter
            min={0}
            max={100}
            low={35}
            high={70}
            optimum={100}
            value={view.value.mood}
          />
          <span>{view.value.mood}</span>
        </label>
        {!answered.value && (
          <p role="timer" class={late ? "timer urgent" : "timer"}>
            {late ? labels.timerLate : labels.timer.replace(
              "{seconds}",
              String(Math.max(0, left.value)),
            )}
          </p>
        )}
      </div>
      <ol class="chat-log" ref={log} aria-live="polite">
        {history.value.map((e, i) => (
          <li key={i} class={`bubble from-${e.from}`}>
            <span class="who">
              {e.from === "customer"
                ? props.customerName
                : e.from === "agent"
                ? labels.you
                : labels.coach}
            </span>
            <p>{e.text}</p>
            {e.criteria && (
              <ul class="criteria">
                {e.criteria.map((c) => (
                  <li key={c.label} class={c.passed ? "pass" : "fail"}>
                    {c.passed ? "✓" : "✗"} {c.label}
                    {labels.separator}
                    {c.reason}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
        {typing.value && (
          <li class="bubble from-customer typing">{labels.typing}</li>
        )}
      </ol>
      {error.value && <p class="feedback wrong" role="alert">{labels.error}</p>}
      {step?.choices && !typing.value && (
        <div class="chat-choices" role="group">
          {step.choices.map((c) => (
            <button
              key={c.id}
              type="button"
              class="choice"
              disabled={busy.value}
              onClick={() => send({ choiceId: c.id })}
            >
              {c.text}
            </button>
          ))}
        </div>
      )}
      {step?.reply && !typing.value && (
        <form
          class="chat-reply"
          onSubmit={(e) => {
            e.preventDefault();
            send({ text: reply.value });
          }}
        >
          <label for="chat-reply-text">{step.reply.instruction}</label>
          <textarea
            id="chat-reply-text"
            rows={4}
            aria-describedby="chat-reply-length"
            maxLength={step.reply.maxLength}
            value={reply.value}
            onInput={(
              e,
            ) => (reply.value = (e.currentTarget as HTMLTextAreaElement).value)}
          />
          <p class="meta" id="chat-reply-length">
            {[...reply.value].length} / {step.reply.maxLength} {labels.chars}
            {" · "}
            {step.reply.lengthHint}
          </p>
          <button
            type="submit"
            disabled={busy.value || reply.value.trim() === "" ||
              [...reply.value].length > step.reply.maxLength}
          >
            {busy.value ? labels.sending : labels.send}
          </button>
        </form>
      )}
      {view.value.ending && !typing.value && (
        <p class="chat-end">
          {labels.ended}{" "}
          <a class="button" href={props.debriefUrl}>{labels.debrief}</a>
        </p>
      )}
    </section>
  );
}
