/**
 * The mentor's home: the cohorts they mentor, each with its day of the
 * plan and its learners by name. (The mentor's confirmation page comes with
 * the onboarding work; this lists whom they accompany.)
 */
import { dayOfPlan, listMembers } from "@/lib/identity/teams/cohort_store.ts";
import { listTeams } from "@/lib/identity/teams/team_store.ts";
import { listCohortsOfTeam } from "@/lib/identity/teams/cohort_store.ts";
import { getUser } from "@/lib/identity/accounts/user_store.ts";

/** A cohort the mentor accompanies. */
export interface MentoredCohort {
  id: string;
  name: string;
  teamName: string;
  day: number;
  mentees: { id: string; name: string }[];
}

/** The cohorts whose mentor is `mentorId`, newest first. */
export async function mentorHome(
  kv: Deno.Kv,
  mentorId: string,
  now: Date,
): Promise<MentoredCohort[]> {
  const out: MentoredCohort[] = [];
  for (const team of await listTeams(kv, 200)) {
    for (const c of await listCohortsOfTeam(kv, team.id, 100)) {
      if (c.mentorId !== mentorId) continue;
      const members = await listMembers(kv, c.id, 1000);
      const users = await Promise.all(
        members.map((m) => getUser(kv, m.userId)),
      );
      out.push({
        id: c.id,
        name: c.name,
        teamName: team.name,
        day: dayOfPlan(c.startDate, now, c.timeZone),
        mentees: users.flatMap((u) =>
          u && !u.anonymisedAt ? [{ id: u.id, name: u.name }] : []
        ).sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
      });
    }
  }
  return out.sort((a, b) => a.day - b.day);
}
