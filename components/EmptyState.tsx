import type { ComponentChildren } from "preact";

/** A friendly "nothing here yet" block that says what to do next. */
export function EmptyState(
  props: { title: string; children?: ComponentChildren },
) {
  return (
    <section class="empty-state" aria-live="polite">
      <div class="empty-icon" aria-hidden="true">📚</div>
      <h3>{props.title}</h3>
      <p>{props.children}</p>
    </section>
  );
}
