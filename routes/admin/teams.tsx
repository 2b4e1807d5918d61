import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AdminNav } from "@/components/AdminNav.tsx";
import {
  type FailedTeamForm,
  TeamForms,
} from "@/components/admin/TeamForms.tsx";
import { TeamList } from "@/components/admin/TeamList.tsx";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import {
  type StaffOption,
  teamDirectory,
  type TeamEntry,
} from "@/lib/identity/teams/team_directory.ts";
import {
  submitTeamAdmin,
  type TeamAdminForm,
} from "@/lib/identity/teams/team_admin.ts";
import { teamFormValues } from "@/lib/identity/teams/team_forms.ts";

interface Data {
  teams: TeamEntry[];
  staff: StaffOption[];
  failed?: FailedTeamForm;
  done: TeamAdminForm | null;
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

export default function TeamsPage(
  { data, state: { t, csrfToken } }: PageProps<Data, SignedInState>,
) {
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
      {data.failed?.errors.action && (
        <p class="feedback wrong" role="alert">
          {t(data.failed.errors.action)}
        </p>
      )}
      <TeamList teams={data.teams} t={t} />
      <TeamForms
        teams={data.teams}
        staff={data.staff}
        failed={data.failed}
        t={t}
        csrfToken={csrfToken}
      />
    </section>
  );
}
