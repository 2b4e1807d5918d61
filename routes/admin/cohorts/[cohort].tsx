import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AdminNav } from "@/components/AdminNav.tsx";
import { ActionForm } from "@/components/ActionForm.tsx";
import { ConfirmForm } from "@/components/ConfirmForm.tsx";
import { ListOrEmpty } from "@/components/EmptyState.tsx";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDate, type MessageKey } from "@/lib/i18n/i18n.ts";
import {
  addLearnerToCohort,
  type CohortRoster,
  cohortRoster,
  removeLearnerFromCohort,
} from "@/lib/identity/teams/cohort_roster.ts";
import { requireCohort } from "@/lib/identity/teams/cohort_store.ts";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors.ts";
import { CohortMemberForm } from "@/lib/identity/teams/team_forms.ts";
import { formValues, parseForm } from "@/lib/forms/form.ts";

const DONE = ["added", "removed"] as const;

interface Data {
  roster: CohortRoster;
  done: typeof DONE[number] | null;
  /** What went wrong with the last form, shown beside the add form. */
  error: MessageKey | null;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const done = ctx.url.searchParams.get("done");
    return ctx.render({
      roster: await cohortRoster(ctx.state.kv, ctx.params.cohort, new Date()),
      done: DONE.find((d) => d === done) ?? null,
      error: null,
    });
  },
  async POST(req, ctx) {
    const { kv, user } = ctx.state;
    const cohortId = ctx.params.cohort;
    const now = new Date();
    const fail = async (status: number, error: MessageKey) =>
      ctx.render({
        roster: await cohortRoster(kv, cohortId, now),
        done: null,
        error,
      }, { status });
    const input = parseForm(
      CohortMemberForm,
      formValues(await req.formData(), ["action", "userId"]),
      "cohort_admin.user_invalid",
    );
    // One message above the form: the first problem found.
    if (!input.ok) return await fail(422, Object.values(input.errors)[0]!);
    const { action, userId } = input.data;
    try {
      if (action === "add") {
        await addLearnerToCohort(kv, user.id, cohortId, userId, now);
      } else {
        await removeLearnerFromCohort(kv, user.id, cohortId, userId, now);
      }
    } catch (error) {
      if (error instanceof NotFoundError && action === "remove") {
        // An unknown cohort stays the 404 it is; a learner not in it is
        // the form's problem.
        await requireCohort(kv, cohortId);
        return await fail(409, "cohort_admin.not_member");
      }
      if (error instanceof ValidationError) {
        return await fail(422, "cohort_admin.not_learner");
      }
      if (error instanceof ConflictError) {
        return await fail(
          409,
          action === "add"
            ? "cohort_admin.already_member"
            : "cohort_admin.changed",
        );
      }
      throw error;
    }
    const done = action === "add" ? "added" : "removed";
    return seeOther(
      `/admin/cohorts/${encodeURIComponent(cohortId)}?done=${done}`,
    );
  },
};

export default function CohortPage(
  { data, state: { t, lang, csrfToken } }: PageProps<Data, SignedInState>,
) {
  const { roster } = data;
  const title = t("cohort_admin.title", { name: roster.cohort.name });
  return (
    <section>
      <Head>
        <title>{`${title} · ${t("app.name")}`}</title>
      </Head>
      <AdminNav t={t} current="/admin/teams" />
      <p>
        <a href="/admin/teams">← {t("cohort_admin.back")}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        {t("cohort_admin.lead", {
          team: roster.teamName,
          start: roster.cohort.startDate,
          day: roster.day,
          mentor: roster.mentor ?? t("teams.none"),
        })}
      </p>
      {data.done && (
        <p class="notice" role="status">
          {t(`cohort_admin.done_${data.done}`)}
        </p>
      )}
      {data.error && (
        <p class="feedback wrong" role="alert" id="member-error">
          {t(data.error)}
        </p>
      )}

      <h2>{t("cohort_admin.members", { count: roster.members.length })}</h2>
      <ListOrEmpty
        count={roster.members.length}
        title={t("cohort_admin.empty.title")}
        body={t("cohort_admin.empty.body")}
      >
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t("cohort_admin.col.name")}</th>
                <th scope="col">{t("cohort_admin.col.login")}</th>
                <th scope="col">{t("cohort_admin.col.joined")}</th>
                <th scope="col">{t("cohort_admin.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {roster.members.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <a href={`/admin/users/${encodeURIComponent(m.id)}`}>
                      {m.name}
                    </a>
                  </th>
                  <td class="user-login">{m.login}</td>
                  <td>{formatDate(lang, m.joinedAt)}</td>
                  <td>
                    <ConfirmForm
                      summary={t("cohort_admin.remove")}
                      question={t("cohort_admin.remove_confirm", {
                        name: m.name,
                      })}
                      submit={t("cohort_admin.remove_submit")}
                      fields={{ action: "remove", userId: m.id }}
                      csrfToken={csrfToken}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListOrEmpty>

      <div class="admin-forms">
        <ActionForm
          action="add"
          headingId="add-member"
          heading={t("cohort_admin.add_title")}
          csrfToken={csrfToken}
        >
          {roster.candidates.length === 0
            ? <p class="meta">{t("cohort_admin.no_candidates")}</p>
            : (
              <>
                <label for="member-userId">{t("cohort_admin.learner")}</label>
                <select
                  id="member-userId"
                  name="userId"
                  aria-describedby={data.error
                    ? "member-error member-userId-hint"
                    : "member-userId-hint"}
                  aria-invalid={data.error ? "true" : undefined}
                >
                  {roster.candidates.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}({c.login})
                    </option>
                  ))}
                </select>
                <p id="member-userId-hint" class="meta">
                  {t("cohort_admin.add_hint")}
                </p>
                <button type="submit">{t("cohort_admin.add_submit")}</button>
              </>
            )}
        </ActionForm>
      </div>
    </section>
  );
}
