/**
 * Names for what an audit page or export mentions: actors, and subjects
 * that are users, cohorts, teams or courses (and users named in a detail,
 * such as the learner a cohort change was about). The log itself holds ids
 * only (see audit_store.ts), so a PIPL deletion never rewrites it: deleted
 * and anonymised accounts have no name here, and pages fall back to the id.
 */
import type { AuditEntry } from "@/lib/identity/audit/audit_store.ts";
import { getCohort } from "@/lib/identity/teams/cohort_store.ts";
import { getTeam } from "@/lib/identity/teams/team_store.ts";
import { getUser } from "@/lib/identity/accounts/user_store.ts";
import { getCourseView } from "@/lib/content/course_view.ts";

/** Display names by `nameKey(type, id)`. */
export type AuditNames = Record<string, string>;

/** Detail fields that hold a user id. */
export const USER_DETAIL_KEYS = ["userId", "learnerId"] as const;

/** The key of a name: "user:01H…", "cohort:cohort-a". */
export function nameKey(type: string, id: string): string {
  return `${type}:${id}`;
}

/** Reads the names the entries mention (one read per distinct subject). */
export async function auditNames(
  kv: Deno.Kv,
  entries: readonly AuditEntry[],
): Promise<AuditNames> {
  const wanted = new Map<string, [string, string]>();
  const want = (type: string, id: unknown) => {
    if (typeof id === "string" && id) wanted.set(nameKey(type, id), [type, id]);
  };
  for (const e of entries) {
    want("user", e.actorId);
    if (["user", "cohort", "team", "course"].includes(e.targetType)) {
      want(e.targetType, e.targetId);
    }
    for (const k of USER_DETAIL_KEYS) want("user", e.detail[k]);
    want("cohort", e.detail.cohortId);
    want("team", e.detail.teamId);
  }
  const names: AuditNames = {};
  await Promise.all([...wanted].map(async ([key, [type, id]]) => {
    const name = await nameOf(kv, type, id);
    if (name) names[key] = name;
  }));
  return names;
}

async function nameOf(
  kv: Deno.Kv,
  type: string,
  id: string,
): Promise<string | null> {
  switch (type) {
    case "user": {
      if (id.length !== 26) return null; // "system" and other non-accounts
      const u = await getUser(kv, id);
      return u && !u.anonymisedAt && u.name ? u.name : null;
    }
    case "cohort":
      return (await getCohort(kv, id))?.name ?? null;
    case "team":
      return (await getTeam(kv, id))?.name ?? null;
    case "course":
      return (await getCourseView(kv, id))?.published.course.title ?? null;
    default:
      return null;
  }
}
