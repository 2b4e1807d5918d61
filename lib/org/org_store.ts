/**
 * Teams and cohorts. A cohort has a start date (day 1 of the 30-day plan), a
 * team and a mentor; managers lead teams. Only this module reads or writes:
 *
 * | key                          | value  |
 * | ---------------------------- | ------ |
 * | ["teams", teamId]            | Team   |
 * | ["cohorts", cohortId]        | Cohort |
 * | ["cohorts_by_team", teamId, cohortId] | cohortId |
 */
import { z } from "zod";

const teamKey = (id: string) => ["teams", id];
const cohortKey = (id: string) => ["cohorts", id];
const byTeam = (teamId: string) => ["cohorts_by_team", teamId];

export const TeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  managerIds: z.array(z.string()),
});
export type Team = z.infer<typeof TeamSchema>;

export const CohortSchema = z.object({
  id: z.string(),
  name: z.string(),
  teamId: z.string(),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  mentorId: z.string().optional(),
});
export type Cohort = z.infer<typeof CohortSchema>;

/** Saves a team (create or replace). */
export async function saveTeam(kv: Deno.Kv, team: Team): Promise<void> {
  await kv.set(teamKey(team.id), TeamSchema.parse(team));
}

/** Saves a cohort and its team index. */
export async function saveCohort(kv: Deno.Kv, cohort: Cohort): Promise<void> {
  const c = CohortSchema.parse(cohort);
  await kv.atomic().set(cohortKey(c.id), c).set(
    [...byTeam(c.teamId), c.id],
    c.id,
  ).commit();
}

/** Reads a cohort. */
export async function getCohort(
  kv: Deno.Kv,
  id: string,
): Promise<Cohort | null> {
  const e = await kv.get(cohortKey(id));
  if (e.versionstamp === null) return null;
  const parsed = CohortSchema.safeParse(e.value);
  if (!parsed.success) {
    throw new Error(
      `Cannot read ${JSON.stringify(e.key)}: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}

/** The day of the 30-day plan `today` falls on (day 1 = start date), in Beijing time. */
export function dayOfPlan(startDate: string, today: Date): number {
  const start = Date.parse(`${startDate}T00:00:00+08:00`);
  return Math.floor((today.getTime() - start) / 86_400_000) + 1;
}

/** The start date (YYYY-MM-DD, Beijing time) that makes `today` day `day`. */
export function startDateForDay(day: number, today: Date): string {
  const beijing = new Date(
    today.getTime() + 8 * 3600_000 - (day - 1) * 86_400_000,
  );
  return beijing.toISOString().slice(0, 10);
}
