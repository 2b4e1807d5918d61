/**
 * The audit log page's query: `?actor=&action=&from=&to=&cursor=`, each
 * optional, checked with message keys for the filter form.
 */
import { z } from "zod";
import { isCalendarDate } from "@/lib/identity/dates.ts";
import { AUDIT_ACTIONS, type AuditFilter } from "./audit_store.ts";

const blank = (v: unknown) => v === "" || v === null ? undefined : v;
const Day = z.string().refine(isCalendarDate, "audit.filter.date_invalid");

/** The filter form (GET /admin/audit and /admin/audit/export). */
export const AuditQuery = z.object({
  actor: z.preprocess(
    blank,
    z.string().regex(/^[0-9A-Za-z_-]{1,40}$/, "audit.filter.actor_invalid")
      .optional(),
  ),
  action: z.preprocess(
    blank,
    z.enum(AUDIT_ACTIONS, "audit.filter.action_invalid").optional(),
  ),
  from: z.preprocess(blank, Day.optional()),
  to: z.preprocess(blank, Day.optional()),
  // Ids of the log are ULIDs (Crockford base32).
  cursor: z.preprocess(
    blank,
    z.string().regex(/^[0-9A-Z]{26}$/, "admin.cursor_invalid").optional(),
  ),
}).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: "audit.filter.range_invalid",
  path: ["to"],
});
/** A checked query. */
export type AuditQuery = z.infer<typeof AuditQuery>;
/** The fields the filter form marks. */
export type AuditQueryField = "actor" | "action" | "from" | "to" | "cursor";

/** The store's filter from a checked query. */
export function toFilter(q: AuditQuery): AuditFilter {
  return { actorId: q.actor, action: q.action, from: q.from, to: q.to };
}

/** The query string of a filter (for paging and export links). */
export function filterSearch(q: AuditQuery, cursor?: string): string {
  const p = new URLSearchParams();
  if (q.actor) p.set("actor", q.actor);
  if (q.action) p.set("action", q.action);
  if (q.from) p.set("from", q.from);
  if (q.to) p.set("to", q.to);
  if (cursor) p.set("cursor", cursor);
  const s = p.toString();
  return s ? `?${s}` : "";
}
