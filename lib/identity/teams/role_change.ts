/**
 * A role change with its consequences. Cohort membership is for learners:
 * changing a learner to any other role ends their cohort memberships in the
 * same commit as the change, each audited, and only once the admin has
 * confirmed it (otherwise a ConflictError "memberships-active"). Their
 * learning record stays. Without this a learner made trainer stayed in the
 * cohort and read "at risk" forever.
 */
import { addAuditEntry } from "@/lib/identity/audit/audit_store.ts";
import {
  addMembershipRemoval,
  getMembership,
  listMembershipsOfUser,
} from "./cohort_store.ts";
import { ConflictError } from "@/lib/errors.ts";
import type { Role } from "@/lib/identity/roles.ts";
import {
  changeRole,
  requireUser,
  type User,
} from "@/lib/identity/accounts/user_store.ts";

/**
 * Changes the role; `endMemberships` is the admin's confirmation that a
 * learner leaving the learner role leaves their cohorts too.
 */
export async function changeUserRole(
  kv: Deno.Kv,
  actorId: string,
  userId: string,
  role: Role,
  now: Date,
  options: { endMemberships?: boolean } = {},
): Promise<User> {
  const user = await requireUser(kv, userId);
  const leaving = user.role === "learner" && role !== "learner";
  const memberships = leaving ? await listMembershipsOfUser(kv, userId) : [];
  if (memberships.length > 0 && !options.endMemberships) {
    throw new ConflictError(
      `Cannot make "${userId}" a ${role}: still in ${memberships.length} cohort(s); confirm ending the memberships`,
      "memberships-active",
    );
  }
  return await changeRole(kv, actorId, userId, role, now, async (op, u) => {
    if (u.role !== "learner") return;
    for (const m of await listMembershipsOfUser(kv, userId)) {
      const found = await getMembership(kv, m.cohortId, userId);
      if (!found) continue;
      addMembershipRemoval(op, m.cohortId, userId, found.versionstamp);
      addAuditEntry(op, {
        actorId,
        action: "cohort.member_removed",
        targetType: "cohort",
        targetId: m.cohortId,
        detail: { userId, reason: "role_changed" },
      }, now);
    }
  });
}
