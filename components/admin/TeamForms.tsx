import { ActionForm } from "@/components/ActionForm.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { SelectField } from "@/components/SelectField.tsx";
import { TextField } from "@/components/TextField.tsx";
import type { FieldErrors } from "@/lib/forms/form.ts";
import type { MessageKey, Translate } from "@/lib/i18n/i18n.ts";
import {
  DEFAULT_TIME_ZONE,
  timeZoneNames,
} from "@/lib/identity/teams/cohort_store.ts";
import type { TeamAdminForm } from "@/lib/identity/teams/team_admin.ts";
import type {
  StaffOption,
  TeamEntry,
} from "@/lib/identity/teams/team_directory.ts";
import type { TeamFormField } from "@/lib/identity/teams/team_forms.ts";

/** The form that failed, its values and messages per field. */
export interface FailedTeamForm {
  form: TeamAdminForm;
  values: Record<string, unknown>;
  errors: FieldErrors<TeamFormField>;
}

const TIME_ZONES = timeZoneNames();

/**
 * The admin's two forms: a new team (name, proposed id, managers) and a new
 * cohort of a team (name, id, start date, time zone, mentor). A failed
 * submit shows its own form again with its values and every problem.
 */
export function TeamForms(
  { teams, staff, failed, t, csrfToken }: {
    teams: readonly TeamEntry[];
    staff: readonly StaffOption[];
    failed?: FailedTeamForm;
    t: Translate;
    csrfToken: string;
  },
) {
  const value = (form: TeamAdminForm, name: string) =>
    failed?.form === form && typeof failed.values[name] === "string"
      ? failed.values[name] as string
      : "";
  const error = (form: TeamAdminForm, field: TeamFormField) =>
    failed?.form === form && failed.errors[field]
      ? t(failed.errors[field]!)
      : undefined;
  const input = (
    form: TeamAdminForm,
    name: TeamFormField,
    label: MessageKey,
    attrs: Record<string, unknown> = {},
  ) => (
    <TextField
      id={`${form}-${name}`}
      name={name}
      label={t(label)}
      value={value(form, name)}
      error={error(form, name)}
      {...attrs}
    />
  );
  const managers = staff.filter((s) => s.role === "manager");
  const picked = failed?.form === "team" &&
      Array.isArray(failed.values.managerIds)
    ? failed.values.managerIds
    : [];
  return (
    <div class="admin-forms">
      <ActionForm
        action="team"
        headingId="new-team"
        heading={t("teams.new_team")}
        csrfToken={csrfToken}
      >
        {input("team", "name", "teams.name", { maxLength: 50, required: true })}
        {input("team", "id", "teams.id", {
          maxLength: 40,
          autocomplete: "off",
          describedBy: "team-id-error team-id-hint",
        })}
        <p class="meta" id="team-id-hint">{t("teams.id_proposed_hint")}</p>
        <fieldset aria-describedby="team-managerIds-error">
          <legend>{t("teams.pick_managers")}</legend>
          {managers.length === 0 && <p class="meta">{t("teams.no_managers")}
          </p>}
          {managers.map((m) => (
            <label key={m.id} class="check-option">
              <input
                type="checkbox"
                name="managerIds"
                value={m.id}
                checked={picked.includes(m.id)}
              />{" "}
              {m.name}
            </label>
          ))}
        </fieldset>
        <FieldError
          id="team-managerIds-error"
          message={error("team", "managerIds")}
        />
        <button type="submit">{t("teams.create_team")}</button>
      </ActionForm>

      {teams.length > 0 && (
        <ActionForm
          action="cohort"
          headingId="new-cohort"
          heading={t("teams.new_cohort")}
          csrfToken={csrfToken}
        >
          <SelectField
            id="cohort-teamId"
            name="teamId"
            label={t("teams.team")}
            error={error("cohort", "teamId")}
          >
            {teams.map((team) => (
              <option
                key={team.id}
                value={team.id}
                selected={value("cohort", "teamId") === team.id}
              >
                {team.name}
              </option>
            ))}
          </SelectField>
          {input("cohort", "name", "teams.cohort_name", {
            maxLength: 50,
            required: true,
          })}
          {input("cohort", "id", "teams.cohort_id", {
            maxLength: 40,
            autocomplete: "off",
            describedBy: "cohort-id-error cohort-id-hint",
          })}
          <p class="meta" id="cohort-id-hint">
            {t("teams.id_proposed_hint")}
          </p>
          {input("cohort", "startDate", "teams.start_date", {
            type: "date",
            required: true,
          })}
          <p class="meta">{t("teams.start_hint")}</p>
          {input("cohort", "timeZone", "onboarding.cohort.time_zone", {
            value: value("cohort", "timeZone") || DEFAULT_TIME_ZONE,
            list: "time-zones",
            autocomplete: "off",
            spellcheck: false,
            describedBy: "cohort-timeZone-error cohort-timeZone-hint",
          })}
          <p class="meta" id="cohort-timeZone-hint">
            {t("onboarding.cohort.time_zone_hint")}
          </p>
          <datalist id="time-zones">
            {TIME_ZONES.map((z) => <option key={z} value={z} />)}
          </datalist>
          <SelectField
            id="cohort-mentorId"
            name="mentorId"
            label={t("teams.mentor")}
            error={error("cohort", "mentorId")}
          >
            <option value="">{t("teams.none")}</option>
            {staff.map((s) => (
              <option
                key={s.id}
                value={s.id}
                selected={value("cohort", "mentorId") === s.id}
              >
                {s.name}({t(`role.${s.role}`)})
              </option>
            ))}
          </SelectField>
          <button type="submit">{t("teams.create_cohort")}</button>
        </ActionForm>
      )}
    </div>
  );
}
