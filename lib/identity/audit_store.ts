/**
 * The audit log of sensitive actions: append-only (nothing here updates or
 * deletes an entry), written in the same atomic commit as the change it
 * records via `addAuditEntry(op, ...)`. Ids are ULIDs from the action's time,
 * so listing a prefix in reverse gives newest first. `detail` must hold no
 * personal data (ids, roles and reasons only), so a PIPL deletion never has
 * to rewrite the log. Only this module reads or writes these keys:
 *
 * | key                                                      | value                        |
 * | -------------------------------------------------------- | ---------------------------- |
 * | ["audit", entryId]                                       | AuditEntry                   |
 * | ["audit_by_target", targetType, targetId, entryId]       | AuditEntry (copy; immutable) |
 */
import { monotonicFactory } from "ulid";
import { z } from "zod";
import { decodeStored } from "./errors.ts";

const ulid = monotonicFactory();
const entryKey = (id: string) => ["audit", id];
const byTarget = (targetType: string, targetId: string) => [
  "audit_by_target",
  targetType,
  targetId,
];

/** The actions that are audited. */
export const AUDIT_ACTIONS = [
  "user.role_changed",
  "user.disabled",
  "user.enabled",
  "grade.overridden",
  "certificate.overridden",
  "certificate.revoked",
  "content.published",
  "personal_data.deleted",
  "cohort.member_added",
  "cohort.member_removed",
] as const;

/** What an entry is about. */
export const AUDIT_TARGET_TYPES = [
  "user",
  "attempt",
  "certificate",
  "course",
  "cohort",
  "team",
] as const;

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
