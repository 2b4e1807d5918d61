import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { TextField } from "@/components/TextField.tsx";
import { AuthoringStyles } from "@/components/authoring/AuthoringStyles.tsx";
import { AuthorNav } from "@/components/authoring/AuthorNav.tsx";
import { unzipFiles, type ZipProblem } from "@/lib/authoring/course_zip.ts";
import { draftsFromFiles } from "@/lib/authoring/workspace.ts";
import { workspaceOf } from "@/lib/authoring/workspace_page.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";

interface Data {
  course: string;
  version: number;
  imported: number | null;
  problem: ZipProblem | { code: "missing" } | null;
}

/** Exporting the course as a zip, and importing one into the draft. */
export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const ws = await workspaceOf(ctx.state.kv, ctx.params.course);
    if (!ws) return ctx.renderNotFound();
    const imported = Number(ctx.url.searchParams.get("imported"));
    return ctx.render({
      course: ws.courseId,
      version: ws.baseVersion,
      imported: ctx.url.searchParams.has("imported") ? imported : null,
      problem: null,
    });
  },
  async POST(req, ctx) {
    const { kv, user } = ctx.state;
    const ws = await workspaceOf(kv, ctx.params.course);
    if (!ws) return ctx.renderNotFound();
    const file = (await req.formData()).get("zip");
    const fail = (problem: Data["problem"]) =>
      ctx.render({
        course: ws.courseId,
        version: ws.baseVersion,
        imported: null,
        problem,
      }, { status: 422 });
    if (!(file instanceof File) || file.size === 0) {
      return fail({ code: "missing" });
    }
    const read = unzipFiles(
      new Uint8Array(await file.arrayBuffer()),
      ws.courseDir,
    );
    if ("problem" in read) return fail(read.problem);
    const changed = await draftsFromFiles(
      kv,
      ws,
      read.files,
      user.id,
      new Date(),
    );
    return seeOther(`/author/${ws.courseId}/zip?imported=${changed}`);
  },
};

export default function ZipPage(
  { data, state: { t, csrfToken } }: PageProps<Data, SignedInState>,
) {
  const c = data.course;
  const p = data.problem;
  return (
    <section>
      <Head>
        <title>{`${t("authoring.zip.title")} · ${t("app.name")}`}</title>
      </Head>
      <AuthoringStyles />
      <AuthorNav t={t} course={c} current="zip" />
      <h1>{t("authoring.zip.title")}</h1>
      {data.imported !== null && (
        <p class="notice" role="status">
          {t("authoring.zip.imported", { count: data.imported })}{" "}
          <a href={`/author/${c}/publish`}>{t("authoring.publish.open")}</a>
        </p>
      )}
      <section class="card" aria-labelledby="export-heading">
        <h2 id="export-heading">{t("authoring.zip.export")}</h2>
        <p>{t("authoring.zip.export_lead")}</p>
        <p class="dialog-actions">
          <a
            class="button"
            href={`/author/${c}/export?version=${data.version}`}
            download
          >
            {t("authoring.zip.export_version", { version: data.version })}
          </a>
          <a href={`/author/${c}/export`} download>
            {t("authoring.zip.export_draft")}
          </a>
        </p>
      </section>
      <section class="card" aria-labelledby="import-heading">
        <h2 id="import-heading">{t("authoring.zip.import")}</h2>
        <p>{t("authoring.zip.import_lead")}</p>
        <form method="post" enctype="multipart/form-data" class="stack-form">
          <CsrfField token={csrfToken} />
          <TextField
            id="zip"
            type="file"
            name="zip"
            accept=".zip,application/zip"
            required
            label={t("authoring.zip.file")}
            error={p
              ? t(`authoring.zip.problem.${p.code}`, {
                path: "path" in p ? p.path : "",
              })
              : undefined}
          />
          <button type="submit">{t("authoring.zip.import_submit")}</button>
        </form>
      </section>
    </section>
  );
}
