/**
 * Whose records a staff member may see, beyond what the route policy
 * (`policy.ts`) allows by role: decided here once for every page and export
 * that names a learner (the dashboards' drill-down, the evaluator's agent
 * record, team progress, the QA observation). An admin sees every team; a
 * manager the teams they lead; a mentor (or a trainer mentoring a cohort)
 * the cohorts they mentor. Anything else is refused, and a learner outside
 * is "not found", exactly like a missing id, so no page tells who exists in
 * another team.
 */
import { NotFoundError } from "@/lib/errors.ts";
import { getUser, type User } from "@/lib/identity/accounts/user_store.ts";
import type { Role } from "@/lib/identity/roles.ts";
import { canManagerSeeLearner } from "@/lib/identity/teams/access.ts";
import {
  type Cohort,
  getCohort,
  listCohortsOfTeam,
  listMembershipsOfUser,
} from "@/lib/identity/teams/cohort_store.ts";
import {
  getTeam,
  listTeamIdsOfManager,
  listTeams,
  type Team,
} from "@/lib/identity/teams/team_store.ts";

/** Who is looking. */
export interface Viewer {
  id: string;
  role: Role;
}

/** Teams the viewer leads: every team for an admin, none for other roles. */
export async function ledTeams(kv: Deno.Kv, viewer: Viewer): Promise<Team[]> {
  if (viewer.role === "admin") return await listTeams(kv, 200);
  if (viewer.role !== "manager") return [];
  const ids = await listTeamIdsOfManager(kv, viewer.id);
  return (await Promise.all(ids.map((id) => getTeam(kv, id))))
    .filter((t): t is Team => t !== null);
}

/** Every cohort of these teams. */
export async function cohortsOfTeams(
  kv: Deno.Kv,
  teams: readonly Team[],
): Promise<Cohort[]> {
  const perTeam = await Promise.all(
    teams.map((t) => listCohortsOfTeam(kv, t.id, 200)),
  );
  return perTeam.flat();
}

/** Cohorts of any team whose mentor is `mentorId`. */
export async function mentoredCohorts(
  kv: Deno.Kv,
  mentorId: string,
): Promise<Cohort[]> {
  return (await cohortsOfTeams(kv, await listTeams(kv, 200)))
    .filter((c) => c.mentorId === mentorId);
}

/**
 * True when the viewer may see this learner's record: an admin always; a
 * manager when the learner is in a team they lead; a mentor or trainer when
 * the learner is in a cohort they mentor. Never one's own id; any other
 * role, never.
 */
export async function canSeeLearner(
  kv: Deno.Kv,
  viewer: Viewer,
  learnerId: string,
): Promise<boolean> {
  if (viewer.id === learnerId) return false;
  switch (viewer.role) {
    case "admin":
      return true;
    case "manager":
      return await canManagerSeeLearner(kv, viewer.id, learnerId);
    case "mentor":
    case "trainer": {
      const memberships = await listMembershipsOfUser(kv, learnerId);
      const cohorts = await Promise.all(
        memberships.map((m) => getCohort(kv, m.cohortId)),
      );
      return cohorts.some((c) => c?.mentorId === viewer.id);
    }
    default:
      return false;
  }
}

/**
 * The learner (a learner account the viewer may see, by `canSeeLearner`),
 * or NotFoundError, the same for a missing id as for someone else's.
 */
export async function requireVisibleLearner(
  kv: Deno.Kv,
  viewer: Viewer,
  learnerId: string,
): Promise<User> {
  const notFound = () =>
    new NotFoundError(
      `Cannot show learner "${learnerId}": not a learner this ${viewer.role} may see`,
    );
  if (!await canSeeLearner(kv, viewer, learnerId)) throw notFound();
  const user = await getUser(kv, learnerId);
  if (!user || user.role !== "learner") throw notFound();
  return user;
}
