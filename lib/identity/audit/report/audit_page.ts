/**
 * What the audit log page and its export read: a filtered page (or every
 * matching entry, for the CSV) with the names it mentions, and the people
 * the actor filter offers.
 */
import { listUsersUpTo } from "@/lib/identity/accounts/user_store.ts";
import { type AuditNames, auditNames } from "./audit_names.ts";
import {
  type AuditEntry,
  type AuditFilter,
  listAuditFiltered,
} from "@/lib/identity/audit/audit_store.ts";

/** Entries per page. */
export const AUDIT_PAGE_SIZE = 50;
/** Most entries one CSV export holds (an auditor narrows by date beyond). */
export const MAX_EXPORT = 20_000;

/** A person the actor filter offers. */
export interface ActorOption {
  id: string;
  name: string;
}

/** One page with names. */
export interface AuditPageData {
  entries: AuditEntry[];
  names: AuditNames;
  next: string;
}

/** Reads one filtered page and the names on it. */
export async function auditPage(
  kv: Deno.Kv,
  filter: AuditFilter,
  cursor?: string,
): Promise<AuditPageData> {
  const page = await listAuditFiltered(kv, filter, AUDIT_PAGE_SIZE, cursor);
  return {
    entries: page.entries,
    names: await auditNames(kv, page.entries),
    next: page.cursor,
  };
}

/** Every entry matching the filter, newest first (at most MAX_EXPORT). */
export async function auditExport(
  kv: Deno.Kv,
  filter: AuditFilter,
): Promise<{ entries: AuditEntry[]; names: AuditNames; truncated: boolean }> {
  const entries: AuditEntry[] = [];
  let cursor = "";
  do {
    const page = await listAuditFiltered(kv, filter, 1000, cursor);
    entries.push(...page.entries);
    cursor = page.cursor;
  } while (cursor && entries.length < MAX_EXPORT);
  const kept = entries.slice(0, MAX_EXPORT);
  return {
    entries: kept,
    names: await auditNames(kv, kept),
    truncated: entries.length > MAX_EXPORT || cursor !== "",
  };
}

/** Staff accounts, by name, for the actor filter (actors are staff, mostly). */
export async function actorOptions(kv: Deno.Kv): Promise<ActorOption[]> {
  const users = await listUsersUpTo(kv, 5000);
  return users.filter((u) => u.role !== "learner" && !u.anonymisedAt)
    .map((u) => ({ id: u.id, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}
