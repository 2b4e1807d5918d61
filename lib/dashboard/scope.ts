/**
 * Which teams, cohorts and learners a dashboard viewer may see, decided
 * here once for every dashboard page and export: an admin sees every team;
 * a manager only the teams they lead; a mentor (or a trainer mentoring a
 * cohort) only the cohorts they mentor and those cohorts' learners. Anything
 * outside is "not found", exactly like a missing id, so a page never tells
 * who exists in another team.
 */
import { canManagerSeeLearner } from "@/lib/identity/teams/access.ts";
import {
  type Cohort,
  getCohort,
  listCohortsOfTeam,
  listMembershipsOfUser,
} from "@/lib/identity/teams/cohort_store.ts";
import { NotFoundError } from "@/lib/errors.ts";
import { cohortMatches, type DashboardFilters } from "./filters.ts";
import type { Role } from "@/lib/identity/roles.ts";
import {
  getTeam,
  listTeamIdsOfManager,
  listTeams,
  type Team,
} from "@/lib/identity/teams/team_store.ts";
import { getUser } from "@/lib/identity/accounts/user_store.ts";

/** Who is looking. */
export interface DashboardViewer {
  id: string;
  role: Role;
}

/** The teams and cohorts a viewer may see, cohorts newest first. */
export interface Scope {
  teams: Team[];
  cohorts: Cohort[];
}

/** Teams led (manager), every team (admin), teams of mentored cohorts (mentor, trainer). */
export async function viewerScope(
  kv: Deno.Kv,
  viewer: DashboardViewer,
): Promise<Scope> {
  let teams: Team[];
  if (viewer.role === "admin") teams = await listTeams(kv, 200);
  else if (viewer.role === "manager") {
    const ids = await listTeamIdsOfManager(kv, viewer.id);
    teams = (await Promise.all(ids.map((id) => getTeam(kv, id))))
      .filter((t): t is Team => t !== null);
  } else if (viewer.role === "mentor" || viewer.role === "trainer") {
    teams = await listTeams(kv, 200);
  } else return { teams: [], cohorts: [] };
  const perTeam = await Promise.all(
    teams.map((t) => listCohortsOfTeam(kv, t.id, 200)),
  );
  let cohorts = perTeam.flat();
  if (viewer.role === "mentor" || viewer.role === "trainer") {
    cohorts = cohorts.filter((c) => c.mentorId === viewer.id);
    const used = new Set(cohorts.map((c) => c.teamId));
    teams = teams.filter((t) => used.has(t.id));
  }
  cohorts.sort((a, b) =>
    b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name)
  );
  return { teams, cohorts };
}

/** A cohort the viewer may see, or NotFoundError (also for another team's). */
export async function requireVisibleCohort(
  kv: Deno.Kv,
  viewer: DashboardViewer,
  cohortId: string,
): Promise<Cohort> {
  const scope = await viewerScope(kv, viewer);
  const cohort = scope.cohorts.find((c) => c.id === cohortId);
  if (!cohort) {
    throw new NotFoundError(
      `Cannot show cohort "${cohortId}": not a cohort this ${viewer.role} may see`,
    );
  }
  return cohort;
}

/**
 * True when the viewer may see this learner's record: an admin always; a
 * manager when the learner is in a team they lead; a mentor or trainer when
 * the learner is in a cohort they mentor. Never one's own id.
 */
export async function canSeeLearner(
  kv: Deno.Kv,
  viewer: DashboardViewer,
  learnerId: string,
): Promise<boolean> {
  if (viewer.id === learnerId) return false;
  if (viewer.role === "admin") return true;
  if (viewer.role === "manager") {
    return await canManagerSeeLearner(kv, viewer.id, learnerId);
  }
  if (viewer.role !== "mentor" && viewer.role !== "trainer") return false;
  const memberships = await listMembershipsOfUser(kv, learnerId);
  const cohorts = await Promise.all(
    memberships.map((m) => getCohort(kv, m.cohortId)),
  );
  return cohorts.some((c) => c?.mentorId === viewer.id);
}

/** The learner (a learner account the viewer may see), or NotFoundError. */
export async function requireVisibleLearner(
  kv: Deno.Kv,
  viewer: DashboardViewer,
  learnerId: string,
) {
  const notFound = () =>
    new NotFoundError(
      `Cannot show learner "${learnerId}": not a learner this ${viewer.role} may see`,
    );
  if (!await canSeeLearner(kv, viewer, learnerId)) throw notFound();
  const user = await getUser(kv, learnerId);
  if (!user || user.role !== "learner") throw notFound();
  return user;
}

/**
 * The viewer's scope and the cohorts the filters select in it. A team or
 * cohort named in the filters that the viewer may not see is
 * NotFoundError, like a missing one, on every page and export alike.
 */
export async function selectCohorts(
  kv: Deno.Kv,
  viewer: DashboardViewer,
  filters: DashboardFilters,
): Promise<Scope & { selected: Cohort[] }> {
  const scope = await viewerScope(kv, viewer);
  if (filters.team && !scope.teams.some((t) => t.id === filters.team)) {
    throw new NotFoundError(
      `Cannot show team "${filters.team}": not a team this ${viewer.role} may see`,
    );
  }
  if (filters.cohort && !scope.cohorts.some((c) => c.id === filters.cohort)) {
    throw new NotFoundError(
      `Cannot show cohort "${filters.cohort}": not a cohort this ${viewer.role} may see`,
    );
  }
  return {
    ...scope,
    selected: scope.cohorts.filter((c) => cohortMatches(filters, c)),
  };
}

/**
 * Every cohort with its team, for aggregate-only views (the trainer's):
 * no learner is named there, so no team boundary applies.
 */
export async function allCohorts(kv: Deno.Kv): Promise<Scope> {
  const teams = await listTeams(kv, 200);
  const cohorts = (await Promise.all(
    teams.map((t) => listCohortsOfTeam(kv, t.id, 200)),
  )).flat().sort((a, b) =>
    b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name)
  );
  return { teams, cohorts };
}
