/**
 * The mentor's home: the cohorts they mentor, each with its day of the
 * plan and its learners by name. (The mentor's confirmation page comes with
 * the onboarding work; this lists whom they accompany.)
 */
import { mentoredCohorts } from "@/lib/auth/record_access.ts";
import { dayOfPlan, listMembers } from "@/lib/identity/teams/cohort_store.ts";
import { getTeam } from "@/lib/identity/teams/team_store.ts";
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
  const out = await Promise.all(
    (await mentoredCohorts(kv, mentorId)).map(async (c) => {
      const [team, members] = await Promise.all([
        getTeam(kv, c.teamId),
        listMembers(kv, c.id, 1000),
      ]);
      const users = await Promise.all(
        members.map((m) => getUser(kv, m.userId)),
      );
      return {
        id: c.id,
        name: c.name,
        teamName: team?.name ?? "",
        day: dayOfPlan(c.startDate, now, c.timeZone),
        mentees: users.flatMap((u) =>
          u && !u.anonymisedAt ? [{ id: u.id, name: u.name }] : []
        ).sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
      };
    }),
  );
  return out.sort((a, b) => a.day - b.day);
}
