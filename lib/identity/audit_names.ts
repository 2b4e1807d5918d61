import type { AuditEntry } from "./audit_store.ts";
import { getUser } from "./user_store.ts";

/** Display names of the users an audit page mentions, by id. */
export type AuditNames = Record<string, string>;

/**
 * Reads the names the table shows: actors and user targets that still have
 * a name. Deleted and anonymised accounts are left out, so the table falls
 * back to their id (the log itself never holds names, see audit_store.ts).
 */
export async function auditNames(
  kv: Deno.Kv,
  entries: readonly AuditEntry[],
): Promise<AuditNames> {
  const ids = new Set<string>();
  for (const e of entries) {
    ids.add(e.actorId);
    if (e.targetType === "user") ids.add(e.targetId);
  }
  const names: AuditNames = {};
  await Promise.all([...ids].map(async (id) => {
    const user = await getUser(kv, id);
    if (user && !user.anonymisedAt && user.name) names[id] = user.name;
  }));
  return names;
}
