/**
 * The audit log of privileged actions: append-only (nothing here updates or
 * deletes an entry, and no other module touches these keys), written in the
 * same atomic commit as the change it records via `addAuditEntry(op, ...)`.
 * Filtering by actor, action and date reads the time range of the log
 * (ids are time-ordered) and keeps what matches, a bounded number of entries
 * per page, so old entries need no index they were never given. Ids are ULIDs from the action's time,
 * so listing a prefix in reverse gives newest first. `detail` must hold no
 * personal data (ids, roles and reasons only), so a PIPL deletion never has
 * to rewrite the log. Only this module reads or writes these keys:
 *
 * | key                                                      | value                        |
 * | -------------------------------------------------------- | ---------------------------- |
 * | ["audit", entryId]                                       | AuditEntry                   |
 * | ["audit_by_target", targetType, targetId, entryId]       | AuditEntry (copy; immutable) |
 */
import { encodeTime, monotonicFactory } from "ulid";
import { z } from "zod";
import { decodeStored } from "@/lib/db/decode.ts";

const ulid = monotonicFactory();
const entryKey = (id: string) => ["audit", id];
const byTarget = (targetType: string, targetId: string) => [
  "audit_by_target",
  targetType,
  targetId,
];

/** The actions that are audited: every privileged action, by name. */
export const AUDIT_ACTIONS = [
  "user.role_changed",
  "user.disabled",
  "user.enabled",
  "user.created",
  "grade.overridden",
  "certificate.overridden",
  "certificate.revoked",
  "content.imported",
  "content.published",
  "personal_data.deleted",
  "team.created",
  "team.managers_changed",
  "cohort.created",
  "cohort.member_added",
  "cohort.member_removed",
  "invitation.created",
  "invitation.revoked",
  "invitation.accepted",
  "invitations.imported",
  "sign_in.locked",
] as const;
/** An audited action. */
export type AuditAction = typeof AUDIT_ACTIONS[number];

/** What an entry is about. */
export const AUDIT_TARGET_TYPES = [
  "user",
  "attempt",
  "certificate",
  "course",
  "cohort",
  "team",
  "invitation",
  "login",
] as const;

/**
 * The actor of what the platform does by itself (content imports at
 * start-up, sign-in locks): not a person, shown as "the system".
 */
export const SYSTEM_ACTOR = "system";

/** Detail values: flat and small, never personal data. */
const DetailSchema = z.record(
  z.string(),
  z.union([z.string().max(500), z.number(), z.boolean(), z.null()]),
);

/** A stored audit entry. */
export const AuditEntrySchema = z.object({
  id: z.string().length(26),
  at: z.date(),
  actorId: z.string().min(1),
  action: z.enum(AUDIT_ACTIONS),
  targetType: z.enum(AUDIT_TARGET_TYPES),
  targetId: z.string().min(1),
  detail: DetailSchema,
});
/** A stored audit entry. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
/** What a caller says about an action; id and time are added here. */
export type AuditInput = Omit<AuditEntry, "id" | "at" | "detail"> & {
  detail?: AuditEntry["detail"];
};

/**
 * Adds an audit entry to a commit the caller is building, so the entry exists
 * if and only if the change it records does. Returns the entry.
 */
export function addAuditEntry(
  op: Deno.AtomicOperation,
  input: AuditInput,
  now: Date,
): AuditEntry {
  const entry = AuditEntrySchema.parse({
    detail: {},
    ...input,
    id: ulid(now.getTime()),
    at: now,
  });
  op.check({ key: entryKey(entry.id), versionstamp: null })
    .set(entryKey(entry.id), entry)
    .set([...byTarget(entry.targetType, entry.targetId), entry.id], entry);
  return entry;
}

/** Records an action that has no other write of its own (e.g. a publish done elsewhere). */
export async function appendAuditEntry(
  kv: Deno.Kv,
  input: AuditInput,
  now: Date,
): Promise<AuditEntry> {
  const op = kv.atomic();
  const entry = addAuditEntry(op, input, now);
  if (!(await op.commit()).ok) {
    throw new Error(`Cannot append audit entry "${entry.id}": id is taken`);
  }
  return entry;
}

/** A page of entries and the cursor of the next page ("" at the end). */
export interface AuditPage {
  entries: AuditEntry[];
  cursor: string;
}

async function page(
  kv: Deno.Kv,
  prefix: Deno.KvKey,
  limit: number,
  cursor?: string,
): Promise<AuditPage> {
  const it = kv.list({ prefix }, {
    limit: Math.min(Math.max(1, limit), 500),
    reverse: true,
    cursor: cursor || undefined,
  });
  const entries: AuditEntry[] = [];
  for await (const e of it) {
    entries.push(decodeStored(AuditEntrySchema, e.key, e.value));
  }
  return { entries, cursor: entries.length < limit ? "" : it.cursor };
}

/** Lists the whole log, newest first (at most 500 per page). */
export function listAudit(
  kv: Deno.Kv,
  limit = 50,
  cursor?: string,
): Promise<AuditPage> {
  return page(kv, ["audit"], limit, cursor);
}

/** Lists entries about one target (e.g. a user), newest first. */
export function listAuditAbout(
  kv: Deno.Kv,
  targetType: AuditEntry["targetType"],
  targetId: string,
  limit = 50,
  cursor?: string,
): Promise<AuditPage> {
  return page(kv, byTarget(targetType, targetId), limit, cursor);
}

/** What the log page filters by; every part optional. */
export interface AuditFilter {
  actorId?: string;
  action?: AuditAction;
  /** First day included, YYYY-MM-DD (Beijing time). */
  from?: string;
  /** Last day included, YYYY-MM-DD (Beijing time). */
  to?: string;
}

/** Beijing midnight of a YYYY-MM-DD day, in ms (the teams work on UTC+8). */
function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

/** True when an entry matches the filter's actor and action. */
export function matchesFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  return (!filter.actorId || entry.actorId === filter.actorId) &&
    (!filter.action || entry.action === filter.action);
}

/** Most entries read to fill one filtered page (the rest on the next). */
export const MAX_SCAN_PER_PAGE = 5000;

/**
 * One page of the log, newest first, filtered. The cursor is the id of the
 * last entry read (older entries follow it); "" when nothing is left. A page
 * may hold fewer than `limit` entries and still have a cursor, when it read
 * MAX_SCAN_PER_PAGE entries without filling up.
 */
export async function listAuditFiltered(
  kv: Deno.Kv,
  filter: AuditFilter,
  limit = 50,
  cursor = "",
): Promise<AuditPage> {
  const lower = filter.from ? encodeTime(dayStart(filter.from), 10) : "0";
  const upperMs = filter.to ? dayStart(filter.to) + 86_400_000 : null;
  let upper = upperMs === null ? "~" : encodeTime(upperMs, 10);
  if (cursor && cursor < upper) upper = cursor;
  const entries: AuditEntry[] = [];
  let scanned = 0;
  let last = "";
  const it = kv.list({ start: ["audit", lower], end: ["audit", upper] }, {
    reverse: true,
    batchSize: 500,
  });
  for await (const e of it) {
    const entry = decodeStored(AuditEntrySchema, e.key, e.value);
    scanned++;
    last = entry.id;
    if (matchesFilter(entry, filter)) entries.push(entry);
    if (entries.length >= limit || scanned >= MAX_SCAN_PER_PAGE) {
      return { entries, cursor: last };
    }
  }
  return { entries, cursor: "" };
}
