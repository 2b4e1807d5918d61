import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AdminNav } from "@/components/AdminNav.tsx";
import { CsrfField } from "@/components/CsrfField.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import {
  type StaffOption,
  teamDirectory,
  type TeamEntry,
} from "@/lib/identity/teams/team_directory.ts";
import {
  DEFAULT_TIME_ZONE,
  timeZoneNames,
} from "@/lib/identity/teams/cohort_store.ts";
import { submitTeamAdmin } from "@/lib/identity/teams/team_admin.ts";
import {
  type TeamFormField,
  teamFormValues,
} from "@/lib/identity/teams/team_forms.ts";

type Form = "team" | "cohort";
interface Data {
  teams: TeamEntry[];
  staff: StaffOption[];
  /** The form that failed, its values and messages per field. */
  failed?: {
    form: Form;
    values: Record<string, unknown>;
    errors: Partial<Record<TeamFormField, MessageKey>>;
  };
  done: Form | null;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const done = ctx.url.searchParams.get("done");
    return ctx.render({
      ...await teamDirectory(ctx.state.kv, new Date()),
      done: done === "team" || done === "cohort" ? done : null,
    });
  },
  async POST(req, ctx) {
    const now = new Date();
    const result = await submitTeamAdmin(
      ctx.state.kv,
      ctx.state.user.id,
      teamFormValues(await req.formData()),
      now,
    );
    if (result.ok) return seeOther(`/admin/teams?done=${result.form}`);
    return ctx.render({
      ...await teamDirectory(ctx.state.kv, now),
      done: null,
      failed: result,
    }, { status: 422 });
  },
};

const TIME_ZONES = timeZoneNames();

export default function TeamsPage(
  { data, state: { t, csrfToken } }: PageProps<Data, SignedInState>,
) {
  const failed = data.failed;
  const value = (form: Form, name: string) =>
    failed?.form === form && typeof failed.values[name] === "string"
      ? failed.values[name] as string
      : "";
  const error = (form: Form, field: TeamFormField) =>
    failed?.form === form && failed.errors[field]
      ? t(failed.errors[field]!)
      : undefined;
  const input = (
    form: Form,
    name: TeamFormField,
    label: MessageKey,
    attrs: Record<string, unknown> = {},
  ) => (
    <>
      <label for={`${form}-${name}`}>{t(label)}</label>
      <input
        id={`${form}-${name}`}
        name={name}
        value={value(form, name)}
        aria-invalid={error(form, name) ? "true" : undefined}
        aria-describedby={`${form}-${name}-error`}
        {...attrs}
      />
      <FieldError id={`${form}-${name}-error`} message={error(form, name)} />
    </>
  );
  const managers = data.staff.filter((s) => s.role === "manager");
  return (
    <section>
      <Head>
        <title>{`${t("teams.title")} · ${t("app.name")}`}</title>
      </Head>
      <AdminNav t={t} current="/admin/teams" />
      <h1>{t("teams.title")}</h1>
      <p class="lead">{t("teams.lead")}</p>
      {data.done && (
        <p class="notice" role="status">{t(`teams.done_${data.done}`)}</p>
      )}
      {failed?.errors.action && (
        <p class="feedback wrong" role="alert">{t(failed.errors.action)}</p>
      )}
      {data.teams.length === 0 && (
        <EmptyState title={t("teams.empty.title")}>
          {t("teams.empty.body")}
        </EmptyState>
      )}
      {data.teams.map((team) => (
        <article key={team.id} class="cohort">
          <header class="cohort-head">
            <h2>{team.name}</h2>
            <span class="meta">{team.id}</span>
            <span class="meta">
              {t("teams.managers", {
                names: team.managers.join("、") || t("teams.none"),
              })}
            </span>
          </header>
          {team.cohorts.length === 0
            ? <p class="meta">{t("team.no_cohorts")}</p>
            : (
              <div class="table-wrap">
                <table class="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("teams.col.cohort")}</th>
                      <th scope="col">{t("teams.col.start")}</th>
                      <th scope="col">{t("teams.col.day")}</th>
                      <th scope="col">{t("teams.col.members")}</th>
                      <th scope="col">{t("teams.col.mentor")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {team.cohorts.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">
                          <a
                            href={`/admin/cohorts/${encodeURIComponent(c.id)}`}
                          >
                            {c.name}
                          </a>
                        </th>
                        <td>
                          {c.startDate} <span class="meta">{c.timeZone}</span>
                        </td>
                        <td>{c.day}</td>
                        <td>{c.members}</td>
                        <td>{c.mentor ?? t("teams.none")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
        </article>
      ))}

      <div class="admin-forms">
        <form method="post" class="stack" novalidate aria-labelledby="new-team">
          <h2 id="new-team">{t("teams.new_team")}</h2>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="action" value="team" />
          {input("team", "name", "teams.name", {
            maxLength: 50,
            required: true,
          })}
          {input("team", "id", "teams.id", {
            maxLength: 40,
            autocomplete: "off",
            "aria-describedby": "team-id-error team-id-hint",
          })}
          <p class="meta" id="team-id-hint">{t("teams.id_proposed_hint")}</p>
          <fieldset aria-describedby="team-managerIds-error">
            <legend>{t("teams.pick_managers")}</legend>
            {managers.length === 0 && (
              <p class="meta">{t("teams.no_managers")}</p>
            )}
            {managers.map((m) => (
              <label key={m.id} class="check-option">
                <input
                  type="checkbox"
                  name="managerIds"
                  value={m.id}
                  checked={failed?.form === "team" &&
                    Array.isArray(failed.values.managerIds) &&
                    failed.values.managerIds.includes(m.id)}
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
        </form>

        {data.teams.length > 0 && (
          <form
            method="post"
            class="stack"
            novalidate
            aria-labelledby="new-cohort"
          >
            <h2 id="new-cohort">{t("teams.new_cohort")}</h2>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="action" value="cohort" />
            <label for="cohort-teamId">{t("teams.team")}</label>
            <select
              id="cohort-teamId"
              name="teamId"
              aria-describedby="cohort-teamId-error"
              aria-invalid={error("cohort", "teamId") ? "true" : undefined}
            >
              {data.teams.map((team) => (
                <option
                  key={team.id}
                  value={team.id}
                  selected={value("cohort", "teamId") === team.id}
                >
                  {team.name}
                </option>
              ))}
            </select>
            <FieldError
              id="cohort-teamId-error"
              message={error("cohort", "teamId")}
            />
            {input("cohort", "name", "teams.cohort_name", {
              maxLength: 50,
              required: true,
            })}
            {input("cohort", "id", "teams.cohort_id", {
              maxLength: 40,
              autocomplete: "off",
              "aria-describedby": "cohort-id-error cohort-id-hint",
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
              "aria-describedby": "cohort-timeZone-error cohort-timeZone-hint",
            })}
            <p class="meta" id="cohort-timeZone-hint">
              {t("onboarding.cohort.time_zone_hint")}
            </p>
            <datalist id="time-zones">
              {TIME_ZONES.map((z) => <option key={z} value={z} />)}
            </datalist>
            <label for="cohort-mentorId">{t("teams.mentor")}</label>
            <select
              id="cohort-mentorId"
              name="mentorId"
              aria-describedby="cohort-mentorId-error"
            >
              <option value="">{t("teams.none")}</option>
              {data.staff.map((s) => (
                <option
                  key={s.id}
                  value={s.id}
                  selected={value("cohort", "mentorId") === s.id}
                >
                  {s.name}({t(`role.${s.role}`)})
                </option>
              ))}
            </select>
            <FieldError
              id="cohort-mentorId-error"
              message={error("cohort", "mentorId")}
            />
            <button type="submit">{t("teams.create_cohort")}</button>
          </form>
        )}
      </div>
    </section>
  );
}
