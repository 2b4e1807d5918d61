/**
 * How the reply library is used, per ISO week: what agents search for, which
 * searches found nothing (the replies to write next) and which replies are
 * copied. Counters only: no user id is stored, so the figures say what the
 * team needs, not who asked. Only this module reads or writes these keys:
 *
 * | key                                         | value                    |
 * | ------------------------------------------- | ------------------------ |
 * | ["reply_usage", week, "search", query]      | Deno.KvU64: searches     |
 * | ["reply_usage", week, "zero", query]        | Deno.KvU64: no result    |
 * | ["reply_usage", week, "copy", replyId]      | Deno.KvU64: copies       |
 *
 * `week` is "2026-W49" (ISO 8601). Queries are stored trimmed and cut to
 * {@link MAX_QUERY} characters, so a key stays small.
 *
 * @module
 */
import { MAX_QUERY } from "./search.ts";

type Kind = "search" | "zero" | "copy";
const key = (week: string, kind: Kind, what: string) => [
  "reply_usage",
  week,
  kind,
  what,
];
const prefix = (week: string, kind: Kind) => ["reply_usage", week, kind];

/** Most keys read per list: far above one week of distinct searches shown. */
const LIST_LIMIT = 2000;

/** The ISO 8601 week of a date ("2026-W49"), in UTC. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
  ));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day); // the week's Thursday names its year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** True for a week string this module writes. */
export function isWeek(s: string): boolean {
  return /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(s);
}

/** The week before `week`. */
export function previousWeek(week: string): string {
  const [y, w] = week.split("-W").map(Number);
  // The Thursday of ISO week w is in it; a week back is 7 days earlier.
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86400000;
  return isoWeek(new Date(monday + (w - 1) * 7 * 86400000 - 7 * 86400000));
}

function normalise(q: string): string {
  return q.normalize("NFKC").trim().replace(/\s+/g, " ").slice(0, MAX_QUERY);
}

/** Counts one search (and one zero-result search when it found nothing). */
export async function logSearch(
  kv: Deno.Kv,
  query: string,
  results: number,
  now: Date,
): Promise<void> {
  const q = normalise(query);
  if (!q) return;
  const week = isoWeek(now);
  const op = kv.atomic().sum(key(week, "search", q), 1n);
  if (results === 0) op.sum(key(week, "zero", q), 1n);
  await op.commit();
}

/** Counts one copy of a reply. */
export async function logCopy(
  kv: Deno.Kv,
  replyId: string,
  now: Date,
): Promise<void> {
  await kv.atomic().sum(key(isoWeek(now), "copy", replyId), 1n).commit();
}

/** One counted thing. */
export interface Count {
  what: string;
  count: number;
}

/** A week's figures, each list most first, at most `top` long. */
export interface WeekUsage {
  week: string;
  searches: Count[];
  zero: Count[];
  copies: Count[];
  totalSearches: number;
  totalCopies: number;
}

async function counts(kv: Deno.Kv, week: string, kind: Kind) {
  const out: Count[] = [];
  for await (
    const e of kv.list<Deno.KvU64>({ prefix: prefix(week, kind) }, {
      limit: LIST_LIMIT,
    })
  ) {
    if (!(e.value instanceof Deno.KvU64)) {
      throw new Error(`Cannot read ${JSON.stringify(e.key)}: not a counter`);
    }
    out.push({ what: String(e.key[3]), count: Number(e.value.value) });
  }
  return out.sort((a, b) =>
    b.count - a.count || (a.what < b.what ? -1 : a.what > b.what ? 1 : 0)
  );
}

/** The usage of one week. */
export async function weekUsage(
  kv: Deno.Kv,
  week: string,
  top = 10,
): Promise<WeekUsage> {
  const [searches, zero, copies] = await Promise.all([
    counts(kv, week, "search"),
    counts(kv, week, "zero"),
    counts(kv, week, "copy"),
  ]);
  const sum = (xs: Count[]) => xs.reduce((n, x) => n + x.count, 0);
  return {
    week,
    searches: searches.slice(0, top),
    zero: zero.slice(0, top),
    copies: copies.slice(0, top),
    totalSearches: sum(searches),
    totalCopies: sum(copies),
  };
}
