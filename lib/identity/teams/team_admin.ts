/**
 * The admin's team and cohort forms, submitted: an id proposed from the
 * name when none is typed (editable: the page shows it back), every field's
 * problem at once through the shared form helper, then the store (which
 * checks again and audits the creation). Store refusals that name a field
 * come back as that field's message.
 */
import { type FieldErrors, parseForm } from "@/lib/forms/form.ts";
import { proposeId } from "@/lib/forms/slug.ts";
import { createCohort, getCohort } from "./cohort_store.ts";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors.ts";
import { CohortForm, TeamForm, type TeamFormField } from "./team_forms.ts";
import { createTeam, getTeam } from "./team_store.ts";

/** Which of the two forms. */
export type TeamAdminForm = "team" | "cohort";

/** The outcome: created, or the values to show again with every problem. */
export type TeamAdminResult =
  | { ok: true; form: TeamAdminForm; id: string }
  | {
    ok: false;
    form: TeamAdminForm;
    values: Record<string, unknown>;
    errors: FieldErrors<TeamFormField>;
  };

const FALLBACKS: Partial<
  Record<
    TeamFormField,
    | "teams.date_invalid"
    | "teams.manager_invalid"
    | "onboarding.cohort.time_zone_invalid"
  >
> = {
  startDate: "teams.date_invalid",
  timeZone: "onboarding.cohort.time_zone_invalid",
  managerIds: "teams.manager_invalid",
};

/** Handles one submission of either form (admins only: the stores check the actor's role through the route policy). */
export async function submitTeamAdmin(
  kv: Deno.Kv,
  actorId: string,
  submitted: Record<string, unknown>,
  now: Date,
): Promise<TeamAdminResult> {
  const form: TeamAdminForm | null = submitted.action === "team"
    ? "team"
    : submitted.action === "cohort"
    ? "cohort"
    : null;
  if (!form) {
    return {
      ok: false,
      form: "team",
      values: submitted,
      errors: { action: "teams.action_invalid" },
    };
  }
  const values = { ...submitted };
  if (
    (values.id === undefined || values.id === "") &&
    typeof values.name === "string"
  ) {
    values.id = await proposeId(
      values.name,
      async (id) =>
        (form === "team" ? await getTeam(kv, id) : await getCohort(kv, id)) !==
          null,
    );
  }
  const parsed = form === "team"
    ? parseForm(TeamForm, values, "teams.id_invalid", { fallbacks: FALLBACKS })
    : parseForm(CohortForm, values, "teams.id_invalid", {
      fallbacks: FALLBACKS,
    });
  if (!parsed.ok) return { ok: false, form, values, errors: parsed.errors };
  try {
    const created = form === "team"
      ? await createTeam(kv, TeamForm.parse(values), now, actorId)
      : await createCohort(kv, CohortForm.parse(values), now, actorId);
    return { ok: true, form, id: created.id };
  } catch (error) {
    const errors = storeErrors(form, error);
    if (!errors) throw error;
    return { ok: false, form, values, errors };
  }
}

/** Store refusals that name a field, as the page's message keys. */
function storeErrors(
  form: TeamAdminForm,
  error: unknown,
): FieldErrors<TeamFormField> | null {
  if (error instanceof ConflictError) {
    return { id: form === "team" ? "teams.id_taken" : "teams.cohort_id_taken" };
  }
  if (error instanceof NotFoundError) return { teamId: "teams.team_missing" };
  if (error instanceof ValidationError) {
    if (error.field === "managerIds") {
      return { managerIds: "teams.manager_invalid" };
    }
    if (error.field === "mentorId") return { mentorId: "teams.mentor_invalid" };
  }
  return null;
}
