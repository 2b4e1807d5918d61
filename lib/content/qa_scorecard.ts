/**
 * Scores one observed conversation against a QA scorecard. Critical items
 * are red lines, kept apart from the coaching points: a breach of any of
 * them fails the conversation whatever its points, so a reply that leaks a
 * customer's data cannot pass QA on etiquette.
 *
 * @module
 */
import type { Observation } from "./schema.ts";

/** What the reviewer marked for one conversation. */
export interface QaMarks {
  /** Coaching item ids the agent met. */
  met: ReadonlySet<string>;
  /** Critical item ids the agent breached. */
  breached: ReadonlySet<string>;
}

/** The verdict: points over the coaching items, breaches listed apart. */
export interface QaResult {
  points: number;
  maxPoints: number;
  percent: number;
  /** Critical item ids breached (only ids the scorecard declares). */
  breaches: string[];
  /** Points reached the pass mark and no critical item was breached. */
  passed: boolean;
  /** Why it failed: "critical" wins over "points". */
  failedOn?: "critical" | "points";
}

/** Scores a conversation; unknown ids in the marks are ignored. */
export function scoreConversation(card: Observation, marks: QaMarks): QaResult {
  const items = card.sections.flatMap((s) => s.items);
  const maxPoints = items.reduce((n, it) => n + it.points, 0);
  const points = items.filter((it) => marks.met.has(it.id)).reduce(
    (n, it) => n + it.points,
    0,
  );
  const percent = maxPoints === 0 ? 0 : (points / maxPoints) * 100;
  const breaches = (card.critical ?? []).filter((c) => marks.breached.has(c.id))
    .map((c) => c.id);
  const failedOn = breaches.length > 0
    ? "critical"
    : percent < card.passPercent
    ? "points"
    : undefined;
  return {
    points,
    maxPoints,
    percent,
    breaches,
    passed: failedOn === undefined,
    failedOn,
  };
}
