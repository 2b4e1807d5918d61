import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AdminNav } from "@/components/AdminNav.tsx";
import { CsrfField } from "@/components/CsrfField.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import { FieldError } from "@/components/FieldError.tsx";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import { createCohort } from "@/lib/identity/cohort_store.ts";
import {
  ConflictError,
  NotFoundError,
  ValidationError,
} from "@/lib/identity/errors.ts";
import {
  type StaffOption,
  teamDirectory,
  type TeamEntry,
} from "@/lib/identity/team_directory.ts";
import {
  CohortForm,
  TeamForm,
  type TeamFormField,
  teamFormValues,
} from "@/lib/identity/team_forms.ts";
import { createTeam } from "@/lib/identity/team_store.ts";

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

/** Store errors that name a field, as the page's message keys. */
function storeError(
  form: Form,
  error: unknown,
): Partial<Record<TeamFormField, MessageKey>> | null {
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

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const done = ctx.url.searchParams.get("done");
    return ctx.render({
      ...await teamDirectory(ctx.state.kv, new Date()),
      done: done === "team" || done === "cohort" ? done : null,
    });
  },
  async POST(req, ctx) {
    const values = teamFormValues(await req.formData());
    const form: Form | null = values.action === "team"
      ? "team"
      : values.action === "cohort"
      ? "cohort"
      : null;
    const fail = async (
      f: Form,
      errors: Partial<Record<TeamFormField, MessageKey>>,
    ) =>
      ctx.render({
        ...await teamDirectory(ctx.state.kv, new Date()),
        done: null,
        failed: { form: f, values, errors },
      }, { status: 422 });
    if (!form) return await fail("team", { action: "teams.action_invalid" });
    const parsed = form === "team"
      ? TeamForm.safeParse(values)
      : CohortForm.safeParse(values);
    if (!parsed.success) {
      const errors: Partial<Record<TeamFormField, MessageKey>> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]) as TeamFormField;
        errors[field] ??= (issue.message.startsWith("teams.")
          ? issue.message
          : field === "startDate"
          ? "teams.date_invalid"
          : field === "managerIds"
          ? "teams.manager_invalid"
          : "teams.id_invalid") as MessageKey;
      }
      return await fail(form, errors);
    }
    try {
      if (form === "team") {
        await createTeam(ctx.state.kv, TeamForm.parse(values), new Date());
      } else {
        await createCohort(ctx.state.kv, CohortForm.parse(values), new Date());
      }
    } catch (error) {
      const errors = storeError(form, error);
      if (!errors) throw error;
      return await fail(form, errors);
    }
    return seeOther(`/admin/teams?done=${form}`);
  },
};

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
                        <td>{c.startDate}</td>
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
          {input("team", "id", "teams.id", {
            maxLength: 40,
            required: true,
            autocomplete: "off",
          })}
          <p class="meta">{t("teams.id_hint")}</p>
          {input("team", "name", "teams.name", {
            maxLength: 50,
            required: true,
          })}
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
            {input("cohort", "id", "teams.cohort_id", {
              maxLength: 40,
              required: true,
              autocomplete: "off",
            })}
            {input("cohort", "name", "teams.cohort_name", {
              maxLength: 50,
              required: true,
            })}
            {input("cohort", "startDate", "teams.start_date", {
              type: "date",
              required: true,
            })}
            <p class="meta">{t("teams.start_hint")}</p>
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
