/**
 * `/` for staff: each role starts at its own work. Learners keep their
 * learning home (routes/index.tsx); every other role gets the data of its
 * own home here, one loader per role.
 */
import type { Role } from "@/lib/identity/roles.ts";
import { type AdminHome, adminHome } from "./admin_home.ts";
import { managerHome, type TeamSummary } from "./manager_home.ts";
import { type MentoredCohort, mentorHome } from "./mentor_home.ts";
import { type TrainerHome, trainerHome } from "./trainer_home.ts";

/** The home of a staff role, with its data. */
export type StaffHome =
  | { role: "trainer"; data: TrainerHome }
  | { role: "mentor"; data: MentoredCohort[] }
  | { role: "manager"; data: TeamSummary[] }
  | { role: "admin"; data: AdminHome };

/** Loads the home of a staff member; null for a learner. */
export async function staffHome(
  kv: Deno.Kv,
  user: { id: string; role: Role },
  now: Date,
): Promise<StaffHome | null> {
  switch (user.role) {
    case "learner":
      return null;
    case "trainer":
      return { role: "trainer", data: await trainerHome(kv) };
    case "mentor":
      return { role: "mentor", data: await mentorHome(kv, user.id, now) };
    case "manager":
      return {
        role: "manager",
        data: await managerHome(kv, { id: user.id, role: "manager" }, now),
      };
    case "admin":
      return { role: "admin", data: await adminHome(kv, now) };
  }
}
