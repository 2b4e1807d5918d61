import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDate } from "@/lib/i18n/i18n.ts";
import {
  exportPersonalData,
  type PersonalDataExport,
} from "@/lib/identity/personal_data/personal_data.ts";

interface MeData {
  record: PersonalDataExport;
  /** Set after a password change (the redirect says so). */
  notice: "password" | null;
}

export const handler: Handlers<MeData, SignedInState> = {
  async GET(_req, ctx) {
    return ctx.render({
      record: await exportPersonalData(ctx.state.kv, ctx.state.user.id),
      notice: ctx.url.searchParams.get("done") === "password"
        ? "password"
        : null,
    });
  },
};

export default function MePage(
  { data: { record, notice }, state: { t, lang } }: PageProps<
    MeData,
    SignedInState
  >,
) {
  const u = record.user;
  return (
    <section class="narrow">
      <Head>
        <title>{`${t("me.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1>{t("me.title")}</h1>
      {notice && <p class="notice" role="status">{t("me.password_done")}</p>}
      <p class="lead">{t("me.lead")}</p>
      <dl class="record">
        <dt>{t("me.name")}</dt>
        <dd>{u.name}</dd>
        {u.email && (
          <>
            <dt>{t("me.email")}</dt>
            <dd>{u.email}</dd>
          </>
        )}
        {u.phone && (
          <>
            <dt>{t("me.phone")}</dt>
            <dd>{u.phone}</dd>
          </>
        )}
        <dt>{t("me.role")}</dt>
        <dd>{t(`role.${u.role}`)}</dd>
        <dt>{t("me.since")}</dt>
        <dd>{formatDate(lang, u.createdAt)}</dd>
        <dt>{t("me.cohorts")}</dt>
        <dd>
          {record.memberships.length === 0 ? t("me.no_cohort") : (
            <ul>
              {record.memberships.map((m) => (
                <li key={m.cohortId}>
                  {t("me.cohort_line", {
                    name: m.cohortName ?? m.cohortId,
                    date: m.startDate ?? "",
                  })}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <p>
        <a class="button" href="/me/export" download>{t("me.export")}</a>
      </p>
      <p class="meta">{t("me.export_hint")}</p>
      <p>
        <a class="button secondary" href="/me/password">{t("me.password")}</a>
      </p>
      <p class="meta">{t("me.delete_hint")}</p>
    </section>
  );
}
