/**
 * An admin manages who is in a cohort: the roster page's data, and adding
 * or removing a learner, each audited in the same commit as the change.
 * Removing a learner keeps their learning record (evidence belongs to the
 * learner); only the membership ends.
 */
import { addAuditEntry } from "@/lib/identity/audit/audit_store.ts";
import {
  addMembership,
  addMembershipRemoval,
  type Cohort,
  dayOfPlan,
  getMembership,
  listMembers,
  requireCohort,
} from "./cohort_store.ts";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors.ts";
import { getTeam } from "./team_store.ts";
import {
  getUser,
  listUsersUpTo,
  requireAdmin,
  type User,
} from "@/lib/identity/accounts/user_store.ts";

/** One person on the roster page. */
export interface RosterPerson {
  id: string;
  name: string;
  login: string;
}

/** What the roster page shows. */
export interface CohortRoster {
  cohort: Cohort;
  teamName: string;
  mentor: string | null;
  day: number;
  members: (RosterPerson & { joinedAt: Date })[];
  /** Active learners who are not in this cohort, to add. */
  candidates: RosterPerson[];
}

/** Most accounts read to offer learners to add. */
const MAX_SCAN = 2000;

function person(u: User): RosterPerson {
  return { id: u.id, name: u.name, login: u.email ?? u.phone ?? "" };
}

/** The roster of a cohort; NotFoundError when there is no such cohort. */
export async function cohortRoster(
  kv: Deno.Kv,
  cohortId: string,
  now: Date,
): Promise<CohortRoster> {
  const cohort = await requireCohort(kv, cohortId);
  const users = await listUsersUpTo(kv, MAX_SCAN);
  const byId = new Map(users.map((u) => [u.id, u]));
  const memberships = await listMembers(kv, cohortId, 1000);
  const inCohort = new Set(memberships.map((m) => m.userId));
  const members = memberships.flatMap((m) => {
    const u = byId.get(m.userId);
    return u ? [{ ...person(u), joinedAt: m.joinedAt }] : [];
  }).sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  const candidates = users
    .filter((u) =>
      u.role === "learner" && !u.disabled && !u.anonymisedAt &&
      !inCohort.has(u.id)
    )
    .map(person)
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  const mentor = cohort.mentorId ? byId.get(cohort.mentorId) : undefined;
  return {
    cohort,
    teamName: (await getTeam(kv, cohort.teamId))?.name ?? cohort.teamId,
    mentor: mentor?.name ?? null,
    day: dayOfPlan(cohort.startDate, now, cohort.timeZone),
    members,
    candidates,
  };
}

/**
 * Puts an active learner into a cohort (admins only). ValidationError on
 * `userId` when it is not an active learner; ConflictError when already in.
 */
export async function addLearnerToCohort(
  kv: Deno.Kv,
  actorId: string,
  cohortId: string,
  userId: string,
  now: Date,
): Promise<void> {
  await requireAdmin(kv, actorId, `add a learner to cohort "${cohortId}"`);
  const cohort = await requireCohort(kv, cohortId);
  const user = await getUser(kv, userId);
  if (
    !user || user.role !== "learner" || user.disabled || user.anonymisedAt
  ) {
    throw new ValidationError("userId", `"${userId}" is not an active learner`);
  }
  const op = kv.atomic();
  addMembership(op, {
    cohortId,
    teamId: cohort.teamId,
    userId,
    joinedAt: now,
  });
  audit(op, actorId, "cohort.member_added", cohortId, userId, now);
  if (!(await op.commit()).ok) {
    throw new ConflictError(
      `Cannot add "${userId}" to cohort "${cohortId}": already a member`,
      "already-member",
    );
  }
}

/**
 * Takes a learner out of a cohort (admins only); their learning record
 * stays. NotFoundError when they are not in it.
 */
export async function removeLearnerFromCohort(
  kv: Deno.Kv,
  actorId: string,
  cohortId: string,
  userId: string,
  now: Date,
): Promise<void> {
  await requireAdmin(
    kv,
    actorId,
    `remove a learner from cohort "${cohortId}"`,
  );
  await requireCohort(kv, cohortId);
  const found = await getMembership(kv, cohortId, userId);
  if (!found) {
    throw new NotFoundError(
      `Cannot remove "${userId}" from cohort "${cohortId}": not a member`,
    );
  }
  const op = kv.atomic();
  addMembershipRemoval(op, cohortId, userId, found.versionstamp);
  audit(op, actorId, "cohort.member_removed", cohortId, userId, now);
  if (!(await op.commit()).ok) {
    throw new ConflictError(
      `Cannot remove "${userId}" from cohort "${cohortId}": it changed meanwhile`,
      "retry",
    );
  }
}

/** Records a membership change in the commit that makes it. */
function audit(
  op: Deno.AtomicOperation,
  actorId: string,
  action: "cohort.member_added" | "cohort.member_removed",
  cohortId: string,
  userId: string,
  now: Date,
): void {
  addAuditEntry(op, {
    actorId,
    action,
    targetType: "cohort",
    targetId: cohortId,
    detail: { userId },
  }, now);
}
