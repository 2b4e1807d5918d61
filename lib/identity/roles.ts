/**
 * The four roles of the platform. What each role may open is declared in the
 * access policy; this module only names them, so stores and the policy agree.
 */
import { z } from "zod";

/** Every role, least privileged first. */
export const ROLES = [
  "learner",
  "mentor",
  "trainer",
  "manager",
  "admin",
] as const;

/** Validates a role. */
export const RoleSchema = z.enum(ROLES);

/**
 * A role: a learner is a new hire in a 30-day onboarding cohort; a mentor
 * (an experienced agent) accompanies the learners of the cohorts they
 * mentor; a trainer authors content and sees item statistics; a manager leads one or more teams
 * and sees only their learners; an admin manages users, teams and cohorts.
 */
export type Role = z.infer<typeof RoleSchema>;

/** The roles of staff accounts: everyone but learners. */
export const STAFF_ROLES = ["mentor", "trainer", "manager", "admin"] as const;
/** A staff role. */
export type StaffRole = typeof STAFF_ROLES[number];

/** True for a string that names a role. */
export function isRole(value: unknown): value is Role {
  return RoleSchema.safeParse(value).success;
}
