/**
 * The team the identity tests invite into, enrol and export from:
 * "售前一组" with cohort "第 11 期" (starting 2026-03-01), created at the
 * fixed NOW of `../accounts/testing.ts`. Test-only: no module of the app
 * imports it.
 *
 * @module
 */
import { NOW } from "@/lib/identity/accounts/testing.ts";
import { type Cohort, createCohort } from "./cohort_store.ts";
import { createTeam, type Team } from "./team_store.ts";

/** Team "售前一组", led by `managerIds`, with cohort "第 11 期" (mentored by `mentorId`, when given). */
export async function teamWithCohort(
  kv: Deno.Kv,
  managerIds: string[] = [],
  mentorId?: string,
): Promise<{ team: Team; cohort: Cohort }> {
  const team = await createTeam(kv, { name: "售前一组", managerIds }, NOW);
  const cohort = await createCohort(kv, {
    name: "第 11 期",
    teamId: team.id,
    startDate: "2026-03-01",
    ...(mentorId ? { mentorId } : {}),
  }, NOW);
  return { team, cohort };
}
