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

/**
 * A list's markup when it has items, else the empty state saying why (the
 * one way a page shows "nothing here" in place of a table or list).
 */
export function ListOrEmpty(
  { count, title, body, children }: {
    count: number;
    /** Both already translated. */
    title: string;
    body?: ComponentChildren;
    children: ComponentChildren;
  },
) {
  if (count === 0) return <EmptyState title={title}>{body}</EmptyState>;
  return <>{children}</>;
}
