/**
 * The manager's home: each team they lead, each cohort's day of the plan
 * and how many members are on track, behind or at risk (the same standing
 * the team page shows, from lib/learning/team_progress.ts).
 */
import {
  type CohortProgress,
  teamProgress,
} from "@/lib/learning/team_progress.ts";

/** One cohort in a line. */
export interface CohortSummary {
  id: string;
  name: string;
  day: number;
  planDays: number;
  members: number;
  counts: CohortProgress["counts"];
}

/** One team with its cohorts. */
export interface TeamSummary {
  id: string;
  name: string;
  cohorts: CohortSummary[];
}

/** The teams the manager leads (every team for an admin). */
export async function managerHome(
  kv: Deno.Kv,
  viewer: { id: string; role: "manager" | "admin" },
  now: Date,
): Promise<TeamSummary[]> {
  const teams = await teamProgress(kv, viewer, now);
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    cohorts: team.cohorts.map((c) => ({
      id: c.id,
      name: c.name,
      day: c.day,
      planDays: c.planDays,
      members: c.members.length,
      counts: c.counts,
    })),
  }));
}
