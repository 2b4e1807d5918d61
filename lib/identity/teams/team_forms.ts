/**
 * The admin's team and cohort forms, checked field by field before the
 * stores see them. Messages are message keys shown beside the field; the
 * stores check again (managers must be managers, the team must exist).
 */
import { z } from "zod";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "./cohort_store.ts";
import { isCalendarDate } from "@/lib/identity/dates.ts";
import { CONTROL } from "@/lib/identity/contact.ts";
import { formValues } from "@/lib/forms/form.ts";

const Name = z.string().trim()
  .min(1, "teams.name_required")
  .max(50, "teams.name_too_long")
  .refine((v) => !CONTROL.test(v), "teams.name_invalid");

const Id = z.string().trim()
  .min(1, "teams.id_required")
  .max(40, "teams.id_invalid")
  .regex(/^[A-Za-z0-9_-]+$/, "teams.id_invalid");

/** POST /admin/teams, action=team. */
export const TeamForm = z.object({
  id: Id,
  name: Name,
  managerIds: z.array(z.string().max(40, "teams.manager_invalid")).max(
    20,
    "teams.manager_invalid",
  ),
});

/** POST /admin/teams, action=cohort. */
export const CohortForm = z.object({
  teamId: Id,
  id: Id,
  name: Name,
  startDate: z.string().refine(isCalendarDate, "teams.date_invalid"),
  // Left empty (or absent, from older clients): Beijing time. Stored under
  // its canonical IANA name.
  timeZone: z.string("onboarding.cohort.time_zone_invalid").trim()
    .max(64, "onboarding.cohort.time_zone_invalid").optional()
    .transform((v) => v || DEFAULT_TIME_ZONE)
    .refine(
      (v) => canonicalTimeZone(v) !== null,
      "onboarding.cohort.time_zone_invalid",
    )
    .transform((v) => canonicalTimeZone(v)!),
  mentorId: z.string().max(40, "teams.mentor_invalid").optional()
    .transform((v) => v || undefined),
});

/** The fields either form can mark. */
export type TeamFormField =
  | "id"
  | "name"
  | "managerIds"
  | "teamId"
  | "startDate"
  | "timeZone"
  | "mentorId"
  | "action";

/**
 * Reads a submitted form into the shape the schemas expect: repeated
 * checkboxes become an array; a file where text belongs becomes a value no
 * schema accepts, so it is refused like any other wrong type.
 */
export function teamFormValues(form: FormData): Record<string, unknown> {
  return formValues(form, [
    "action",
    "id",
    "name",
    "teamId",
    "startDate",
    "timeZone",
    "mentorId",
  ], ["managerIds"]);
}

/** POST /admin/cohorts/:cohort: add or remove one learner. */
export const CohortMemberForm = z.object({
  action: z.enum(["add", "remove"], "cohort_admin.action_invalid"),
  userId: z.string("cohort_admin.user_required")
    .min(1, "cohort_admin.user_required")
    .max(64, "cohort_admin.user_invalid")
    .regex(/^[A-Za-z0-9_-]+$/, "cohort_admin.user_invalid"),
});
