import { useSignal } from "@preact/signals";
import { csrfHeader } from "@/lib/http/csrf_client.ts";
import { useEffect, useRef } from "preact/hooks";
import type {
  DrillItemView,
  DrillLabels,
  DrillResultView,
} from "@/lib/drill/drill_types.ts";

export interface DrillRunnerProps {
  answerUrl: string;
  items: DrillItemView[];
  results: DrillResultView[];
  /** Seconds the current item has been showing when the page was rendered. */
  shownSeconds: number;
  total: number | null;
  labels: DrillLabels;
  /** The run's page, which shows the finished round in full. */
  resultUrl: string;
}

/** Timed quick replies: shows the countdown; the server times and grades. */
export default function DrillRunner(props: DrillRunnerProps) {
  const { labels, items } = props;
  const results = useSignal<DrillResultView[]>(props.results);
  const total = useSignal<number | null>(props.total);
  const elapsed = useSignal(props.shownSeconds);
  const text = useSignal("");
  const busy = useSignal(false);
  const error = useSignal(false);
  const index = results.value.length;
  const item = items[index];
  // One idempotency key per item, reused on every retry of that item until
  // the server has stored it, so a retried answer is never stored twice.
  const itemKey = useRef<{ item: string; key: string } | null>(null);
  const keyFor = (step: string) => {
    if (itemKey.current?.item !== step) {
      itemKey.current = { item: step, key: crypto.randomUUID() };
    }
    return itemKey.current.key;
  };

  useEffect(() => {
    const timer = setInterval(() => (elapsed.value += 1), 1000);
    return () => clearInterval(timer);
  }, []);

  // An adapt item starts from its library reply, placeholders and all.
  useEffect(() => {
    if (item?.adapt && text.value === "") text.value = item.adapt.text;
  }, [item?.id]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy.value || !item) return;
    busy.value = true;
    error.value = false;
    try {
      const res = await fetch(props.answerUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...csrfHeader(),
        },
        body: JSON.stringify({
          itemId: item.id,
          text: text.value,
          idempotencyKey: keyFor(`${index}/${item.id}`),
        }),
      });
      if (!res.ok) throw new Error(String(res.status));
      const body: { results: DrillResultView[]; total: number | null } =
        await res.json();
      itemKey.current = null;
      results.value = body.results;
      total.value = body.total;
      text.value = "";
      elapsed.value = 0;
    } catch {
      error.value = true;
    } finally {
      busy.value = false;
    }
  };

  const left = item ? item.seconds - elapsed.value : 0;
  return (
    <section class="drill">
      <ol class="drill-results">
        {results.value.map((r, i) => (
          <li key={r.itemId} class="drill-result">
            <p class="bubble from-customer">{items[i]?.customer}</p>
            <p class="bubble from-agent">{r.text}</p>
            <p class="meta">
              {fill(labels.score, { score: r.score, seconds: r.seconds })}
            </p>
            <ul class="criteria">
              {r.criteria.map((c) => (
                <li key={c.label} class={c.passed ? "pass" : "fail"}>
                  <span aria-hidden="true">{c.passed ? "✓" : "✗"}</span>{" "}
                  <strong>{c.label}</strong> {c.reason}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {item
        ? (
          <form class="drill-item" onSubmit={submit}>
            <p class="meta">{labels.item} {index + 1} / {items.length}</p>
            <p class="bubble from-customer">{item.customer}</p>
            <p role="timer" class={left <= 3 ? "timer urgent" : "timer"}>
              {left >= 0 ? fill(labels.left, { seconds: left }) : labels.over}
            </p>
            {item.adapt && (
              <div class="adapt-from">
                <p class="meta">
                  <strong>{labels.adaptFrom}</strong>
                  {labels.separator}
                  {item.adapt.title}
                </p>
                <p class="reply-text">
                  {item.adapt.parts.map((p, i) =>
                    p.placeholder !== undefined
                      ? (
                        <mark
                          key={i}
                          class="placeholder"
                          data-placeholder={p.placeholder}
                        >
                          {p.text}
                        </mark>
                      )
                      : p.text
                  )}
                </p>
                <p class="meta" id="adapt-hint">{labels.adaptHint}</p>
              </div>
            )}
            <label for="drill-answer">{labels.answer}</label>
            <textarea
              id="drill-answer"
              rows={item.adapt ? 5 : 3}
              aria-describedby={item.adapt ? "adapt-hint" : undefined}
              maxLength={500}
              value={text.value}
              onInput={(
                e,
              ) => (text.value =
                (e.currentTarget as HTMLTextAreaElement).value)}
            />
            <button
              type="submit"
              disabled={busy.value || text.value.trim() === ""}
            >
              {busy.value ? labels.sending : labels.send}
            </button>
            {error.value && (
              <p class="feedback wrong" role="alert">{labels.error}</p>
            )}
          </form>
        )
        : (
          <div class="drill-done-box">
            <p class="drill-done" role="status">
              {labels.done} {labels.total}
              {labels.separator}
              <strong>{total.value}</strong>
            </p>
            <a class="button" href={props.resultUrl}>{labels.review}</a>
          </div>
        )}
    </section>
  );
}

/** Fills `{name}` placeholders the server left in a label. */
function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(
    /\{(\w+)\}/g,
    (m, k) => k in values ? String(values[k]) : m,
  );
}
