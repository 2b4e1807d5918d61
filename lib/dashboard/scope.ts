/**
 * Which teams and cohorts a dashboard viewer may see, for every dashboard
 * page and export, by the rule of lib/auth/record_access.ts (which also
 * decides on a single learner): an admin sees every team; a manager only
 * the teams they lead; a mentor (or a trainer mentoring a cohort) only the
 * cohorts they mentor. Anything outside is "not found", exactly like a
 * missing id, so a page never tells who exists in another team.
 */
import {
  cohortsOfTeams,
  ledTeams,
  mentoredCohorts,
  type Viewer,
} from "@/lib/auth/record_access.ts";
import type { Cohort } from "@/lib/identity/teams/cohort_store.ts";
import { NotFoundError } from "@/lib/errors.ts";
import { cohortMatches, type DashboardFilters } from "./filters.ts";
import { listTeams, type Team } from "@/lib/identity/teams/team_store.ts";

/** Who is looking (the record-access viewer). */
export type DashboardViewer = Viewer;

/** The teams and cohorts a viewer may see, cohorts newest first. */
export interface Scope {
  teams: Team[];
  cohorts: Cohort[];
}

/** A scope's teams and cohorts as a page's filter options. */
export interface ScopeOptions {
  teams: { id: string; name: string }[];
  cohorts: { id: string; name: string; teamId: string; startDate: string }[];
}

/** The filter options of a scope: ids and names only. */
export function scopeOptions(scope: Scope): ScopeOptions {
  return {
    teams: scope.teams.map((t) => ({ id: t.id, name: t.name })),
    cohorts: scope.cohorts.map((c) => ({
      id: c.id,
      name: c.name,
      teamId: c.teamId,
      startDate: c.startDate,
    })),
  };
}

/** Every cohort of these teams, newest first. */
async function cohortsOf(kv: Deno.Kv, teams: Team[]): Promise<Cohort[]> {
  return newestFirst(await cohortsOfTeams(kv, teams));
}

function newestFirst(cohorts: Cohort[]): Cohort[] {
  return cohorts.sort((a, b) =>
    b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name)
  );
}

/**
 * Teams led (manager), every team (admin), teams of mentored cohorts
 * (mentor, trainer); the rule is lib/auth/record_access.ts's.
 */
export async function viewerScope(
  kv: Deno.Kv,
  viewer: DashboardViewer,
): Promise<Scope> {
  if (viewer.role === "mentor" || viewer.role === "trainer") {
    const cohorts = newestFirst(await mentoredCohorts(kv, viewer.id));
    const used = new Set(cohorts.map((c) => c.teamId));
    const teams = (await listTeams(kv, 200)).filter((t) => used.has(t.id));
    return { teams, cohorts };
  }
  const teams = await ledTeams(kv, viewer);
  return { teams, cohorts: await cohortsOf(kv, teams) };
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
  return { teams, cohorts: await cohortsOf(kv, teams) };
}
