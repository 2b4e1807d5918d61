/**
 * What a change to the house policy touches in the reply library: each
 * figure whose value changed (or that was removed) and the replies that
 * write it. The replies themselves are re-checked by `content:check` with the
 * new figures filled in; this names them so a trainer rereads them.
 *
 * @module
 */
import type { Policy } from "@/lib/content/policy.ts";
import type { ReplySet } from "@/lib/content/reply_schema.ts";

/** One changed figure and the replies that rely on it. */
export interface FigureChange {
  figure: string;
  /** Value before; null when the figure is new. */
  from: string | null;
  /** Value after; null when the figure was removed. */
  to: string | null;
  replies: string[];
}

/** The figures that differ between two policies, each with the replies that cite it (ids sorted). */
export function policyImpact(
  before: Policy,
  after: Policy,
  sets: readonly ReplySet[],
): FigureChange[] {
  const old = new Map(before.figures.map((f) => [f.id, f.value]));
  const now = new Map(after.figures.map((f) => [f.id, f.value]));
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort();
  const out: FigureChange[] = [];
  for (const id of ids) {
    const from = old.get(id) ?? null;
    const to = now.get(id) ?? null;
    if (from === to) continue;
    const replies = sets.flatMap((s) =>
      s.replies.filter((r) => r.policy.includes(id)).map((r) => r.id)
    ).sort();
    out.push({ figure: id, from, to, replies });
  }
  return out;
}
