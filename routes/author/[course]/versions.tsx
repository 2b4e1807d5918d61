import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { AuthoringStyles } from "@/components/authoring/AuthoringStyles.tsx";
import { AuthorNav } from "@/components/authoring/AuthorNav.tsx";
import { DiffView } from "@/components/authoring/DiffView.tsx";
import {
  type VersionsPage,
  versionsPage,
} from "@/lib/authoring/versions_page.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDateTime } from "@/lib/i18n/i18n.ts";

interface Data {
  page: VersionsPage;
  published: number | null;
  rolledBack: number | null;
}

const num = (v: string | null) => {
  const n = Number(v);
  return v !== null && Number.isInteger(n) && n > 0 ? n : null;
};

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const q = ctx.url.searchParams;
    const from = num(q.get("from"));
    const to = num(q.get("to"));
    const page = await versionsPage(
      ctx.state.kv,
      ctx.params.course,
      from && to ? { from, to } : null,
    );
    if (!page) return ctx.renderNotFound();
    return ctx.render({
      page,
      published: num(q.get("published")),
      rolledBack: num(q.get("rolled_back")),
    });
  },
};

export default function VersionsView(
  { data, state: { t, lang } }: PageProps<Data, SignedInState>,
) {
  const { page } = data;
  const c = page.courseId;
  const options = page.rows.map((r) => r.version);
  return (
    <section>
      <Head>
        <title>{`${t("authoring.versions.title")} · ${t("app.name")}`}</title>
      </Head>
      <AuthoringStyles />
      <AuthorNav t={t} course={c} current="versions" />
      <h1>{t("authoring.versions.title")}</h1>
      {data.published && (
        <p class="notice" role="status">
          {t("authoring.versions.published", { version: data.published })}
        </p>
      )}
      {data.rolledBack && (
        <p class="notice" role="status">
          {t("authoring.versions.rolled_back", { version: data.rolledBack })}
        </p>
      )}
      <p class="lead">{t("authoring.versions.lead")}</p>
      <div class="table-wrap" tabIndex={0}>
        <table class="versions">
          <caption class="sr-only">{t("authoring.versions.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("authoring.versions.version")}</th>
              <th scope="col">{t("authoring.versions.when")}</th>
              <th scope="col">{t("authoring.versions.how")}</th>
              <th scope="col">{t("authoring.versions.note")}</th>
              <th scope="col">{t("authoring.versions.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((r) => (
              <tr key={r.version}>
                <td>
                  v{r.version}
                  {r.latest && (
                    <span class="badge">{t("authoring.versions.latest")}</span>
                  )}
                </td>
                <td>{formatDateTime(lang, r.at)}</td>
                <td>
                  {r.note
                    ? t(`authoring.origin.${r.note.origin}`, {
                      version: r.note.restores ?? "",
                    })
                    : t("authoring.origin.unknown")}
                  {r.note && r.note.actorId !== "system" && (
                    <span class="meta">· {r.note.actorId}</span>
                  )}
                </td>
                <td>{r.note?.note || "—"}</td>
                <td class="row-actions">
                  {r.version > 1 && (
                    <a
                      href={`/author/${c}/versions?from=${
                        r.version - 1
                      }&to=${r.version}`}
                    >
                      {t("authoring.versions.diff_prev", {
                        version: r.version,
                      })}
                    </a>
                  )}
                  {!r.latest && (
                    <a href={`/author/${c}/rollback?version=${r.version}`}>
                      {t("authoring.versions.rollback", { version: r.version })}
                    </a>
                  )}
                  {r.hasFiles && (
                    <a
                      href={`/author/${c}/export?version=${r.version}`}
                      download
                    >
                      {t("authoring.versions.zip", { version: r.version })}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="get" class="filter-form">
        <label>
          {t("authoring.versions.from")}
          <select name="from">
            {options.map((v) => (
              <option
                key={v}
                value={v}
                selected={v === (page.compare?.from ?? page.latest - 1)}
              >
                v{v}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("authoring.versions.to")}
          <select name="to">
            {options.map((v) => (
              <option
                key={v}
                value={v}
                selected={v === (page.compare?.to ?? page.latest)}
              >
                v{v}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t("authoring.versions.compare")}</button>
      </form>
      {page.compare && (
        <section aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            {t("authoring.versions.diff_title", {
              from: page.compare.from,
              to: page.compare.to,
            })}
          </h2>
          {page.compare.diffs
            ? <DiffView diffs={page.compare.diffs} t={t} />
            : <p>{t("authoring.versions.no_files")}</p>}
        </section>
      )}
    </section>
  );
}
