import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { ConfirmForm } from "@/components/ConfirmForm.tsx";
import { AuthoringStyles } from "@/components/authoring/AuthoringStyles.tsx";
import { AuthorNav } from "@/components/authoring/AuthorNav.tsx";
import {
  editorCheck,
  editorLabels,
} from "@/components/authoring/editor_data.tsx";
import FileEditor from "@/islands/FileEditor.tsx";
import { type EditorPage, editorPage } from "@/lib/authoring/editor_page.ts";
import { workspaceOf } from "@/lib/authoring/workspace_page.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDateTime } from "@/lib/i18n/i18n.ts";

/** A scenario's id is its file name (content:check holds them equal). */
const scenarioId = (path: string) =>
  path.split("/").at(-1)!.replace(/\.ya?ml$/, "");

interface Data {
  course: string;
  page: EditorPage;
  line?: number;
  saved: boolean;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const ws = await workspaceOf(ctx.state.kv, ctx.params.course);
    const path = ctx.url.searchParams.get("path") ?? "";
    const page = ws && await editorPage(ctx.state.kv, ws, path);
    if (!ws || !page) return ctx.renderNotFound();
    const line = Number(ctx.url.searchParams.get("line"));
    return ctx.render({
      course: ws.courseId,
      page,
      line: Number.isInteger(line) && line > 0 ? line : undefined,
      saved: ctx.url.searchParams.has("saved"),
    });
  },
};

export default function EditPage(
  { data, state: { t, csrfToken, lang } }: PageProps<Data, SignedInState>,
) {
  const { page, course } = data;
  const name = page.path.split("/").at(-1)!;
  const nodes = page.check.graph?.nodes.filter((n) => n.kind === "node") ?? [];
  return (
    <section>
      <Head>
        <title>{`${name} · ${t("authoring.title")} · ${t("app.name")}`}</title>
      </Head>
      <AuthoringStyles />
      <AuthorNav t={t} course={course} current="edit" />
      <h1>
        {t("authoring.editor.title", { name })}
      </h1>
      <p class="meta">
        <code>{page.path}</code>
        {" · "}
        {page.draftBy
          ? t("authoring.editor.draft_by", {
            by: page.draftBy,
            at: formatDateTime(lang, page.draftAt!),
          })
          : page.published
          ? t("authoring.editor.published_text")
          : t("authoring.editor.new_file")}
      </p>
      {data.saved && (
        <p class="notice" role="status">{t("authoring.editor.saved_plain")}</p>
      )}
      {page.deleted && (
        <p class="feedback wrong" role="alert">
          {t("authoring.editor.deleted")}
        </p>
      )}
      <FileEditor
        checkUrl={`/author/${course}/check`}
        saveUrl={`/author/${course}/save`}
        path={page.path}
        text={page.text}
        basedOn={page.basedOn}
        initial={editorCheck(page.check, t)}
        labels={editorLabels(t)}
        focusLine={data.line}
        csrfToken={csrfToken}
      />
      {nodes.length > 0 && (
        <section class="card" aria-labelledby="play-heading">
          <h2 id="play-heading">{t("authoring.play.title")}</h2>
          <p>{t("authoring.play.lead")}</p>
          <p>
            <a
              href={`/dashboard/trainer?scenario=${
                encodeURIComponent(scenarioId(page.path))
              }`}
            >
              {t("authoring.play.analytics")}
            </a>
          </p>
          <form
            method="get"
            action={`/author/${course}/play`}
            class="stack-form"
          >
            <input type="hidden" name="path" value={page.path} />
            <label>
              {t("authoring.play.node")}
              <select name="node">
                {nodes.map((n) => (
                  <option key={n.id} value={n.id}>{n.id}</option>
                ))}
              </select>
            </label>
            <label>
              {t("authoring.play.mood")}
              <input
                type="number"
                name="mood"
                min={0}
                max={100}
                value={40}
                required
              />
            </label>
            <button type="submit">{t("authoring.play.start")}</button>
          </form>
        </section>
      )}
      {page.copies.length > 0 && (
        <section class="card" id="copies" aria-labelledby="copies-heading">
          <h2 id="copies-heading">{t("authoring.copies.title")}</h2>
          <p>{t("authoring.copies.lead")}</p>
          {page.copies.map((cp) => (
            <details key={cp.id}>
              <summary>
                {t("authoring.copies.item", {
                  by: cp.by,
                  at: formatDateTime(lang, cp.at),
                })}
              </summary>
              {cp.text === null
                ? <p>{t("authoring.conflict_save.deleted")}</p>
                : <pre class="their-text" tabIndex={0}>{cp.text}</pre>}
              <ConfirmForm
                summary={t("authoring.copies.dismiss")}
                question={t("authoring.copies.dismiss_confirm")}
                submit={t("authoring.copies.dismiss_submit")}
                fields={{ path: cp.path, id: cp.id }}
                csrfToken={csrfToken}
                action={`/author/${course}/copies`}
                small
              />
            </details>
          ))}
        </section>
      )}
    </section>
  );
}
