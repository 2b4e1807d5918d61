/**
 * Who may see whose records, beyond what the route policy says by role: a
 * manager sees only learners in cohorts of teams they lead. The rule is a
 * pure function over plain data, and the KV helper feeds it with two small
 * reads, so pages that already hold the data need no store access.
 */
import { listMembershipsOfUser } from "./cohort_store.ts";
import { listTeamIdsOfManager } from "./team_store.ts";

/** The data the manager rule needs. */
export interface ManagerScope {
  /** Teams the manager leads. */
  managedTeamIds: readonly string[];
  /** Teams of the cohorts the learner belongs to. */
  learnerTeamIds: readonly string[];
}

/** True when one of the learner's cohorts belongs to a team the manager leads. */
export function managerScopeAllows(scope: ManagerScope): boolean {
  const managed = new Set(scope.managedTeamIds);
  return scope.learnerTeamIds.some((t) => managed.has(t));
}

/**
 * True when the manager may see the learner. Pass the store, or the data
 * already at hand. Roles are not checked here: the caller already knows the
 * actor is a manager (admins see everyone by policy).
 */
export async function canManagerSeeLearner(
  source: Deno.Kv | ManagerScope,
  managerId: string,
  learnerId: string,
): Promise<boolean> {
  if (!(source instanceof Deno.Kv)) return managerScopeAllows(source);
  if (managerId === learnerId) return false;
  const [managedTeamIds, memberships] = await Promise.all([
    listTeamIdsOfManager(source, managerId),
    listMembershipsOfUser(source, learnerId),
  ]);
  return managerScopeAllows({
    managedTeamIds,
    learnerTeamIds: memberships.map((m) => m.teamId),
  });
}
