/**
 * What the admin's teams page shows: every team with its managers' names and
 * its cohorts (day of plan, member count), and the staff who can be picked
 * as managers or mentors. Reads only; the stores own the keys.
 */
import { dayOfPlan, listCohortsOfTeam, listMembers } from "./cohort_store.ts";
import { listTeams } from "./team_store.ts";
import {
  listUsersUpTo,
  type User,
} from "@/lib/identity/accounts/user_store.ts";

/** A person to pick in a form. */
export interface StaffOption {
  id: string;
  name: string;
  role: User["role"];
}

/** One team as the admin sees it. */
export interface TeamEntry {
  id: string;
  name: string;
  managers: string[];
  cohorts: {
    id: string;
    name: string;
    startDate: string;
    /** IANA name the plan days follow. */
    timeZone: string;
    day: number;
    members: number;
    mentor: string | null;
  }[];
}

/** Most accounts read to offer managers and mentors. */
const MAX_STAFF_SCAN = 2000;

/** Teams, cohorts and the staff to pick from. */
export async function teamDirectory(
  kv: Deno.Kv,
  now: Date,
): Promise<{ teams: TeamEntry[]; staff: StaffOption[] }> {
  const users = await listUsersUpTo(kv, MAX_STAFF_SCAN);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const staff = users
    .filter((u) => !u.disabled && u.role !== "learner")
    .map((u) => ({ id: u.id, name: u.name, role: u.role }));
  const teams = await Promise.all((await listTeams(kv, 200)).map(async (t) => {
    const cohorts = await listCohortsOfTeam(kv, t.id, 100);
    return {
      id: t.id,
      name: t.name,
      managers: t.managerIds.map((id) => names.get(id) || id),
      cohorts: await Promise.all(
        cohorts.toSorted((a, b) => b.startDate.localeCompare(a.startDate))
          .map(async (c) => ({
            id: c.id,
            name: c.name,
            startDate: c.startDate,
            timeZone: c.timeZone,
            day: dayOfPlan(c.startDate, now, c.timeZone),
            members: (await listMembers(kv, c.id, 1000)).length,
            mentor: c.mentorId ? names.get(c.mentorId) || null : null,
          })),
      ),
    };
  }));
  return { teams, staff };
}
