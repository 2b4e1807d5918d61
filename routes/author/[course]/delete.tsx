import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { AuthoringStyles } from "@/components/authoring/AuthoringStyles.tsx";
import { AuthorNav } from "@/components/authoring/AuthorNav.tsx";
import { editTree } from "@/lib/authoring/course_tree.ts";
import { workspaceOf } from "@/lib/authoring/workspace_page.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";

interface Data {
  course: string;
  path: string;
  /** The files the deletion takes with it. */
  files: string[];
  refused: boolean;
}

async function load(kv: Deno.Kv, course: string, path: string) {
  const ws = await workspaceOf(kv, course);
  if (!ws) return null;
  const files = ws.files[path] !== undefined
    ? [path]
    : Object.keys(ws.files).filter((p) => p.startsWith(`${path}/`));
  return files.length > 0 ? { ws, files } : null;
}

/** Deleting a file or a module folder, after the trainer confirms it. */
export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const path = ctx.url.searchParams.get("path") ?? "";
    const found = await load(ctx.state.kv, ctx.params.course, path);
    if (!found) return ctx.renderNotFound();
    return ctx.render({
      course: found.ws.courseId,
      path,
      files: found.files,
      refused: false,
    });
  },
  async POST(req, ctx) {
    const path = String((await req.formData()).get("path") ?? "");
    const found = await load(ctx.state.kv, ctx.params.course, path);
    if (!found) return ctx.renderNotFound();
    const result = await editTree(
      ctx.state.kv,
      found.ws,
      { op: "delete", path },
      ctx.state.user.id,
      new Date(),
    );
    if (result.ok) return seeOther(`/author/${found.ws.courseId}?done=delete`);
    return ctx.render({
      course: found.ws.courseId,
      path,
      files: found.files,
      refused: true,
    }, { status: 409 });
  },
};

export default function DeletePage(
  { data, state: { t, csrfToken } }: PageProps<Data, SignedInState>,
) {
  return (
    <section>
      <Head>
        <title>{`${t("authoring.delete.title")} · ${t("app.name")}`}</title>
      </Head>
      <AuthoringStyles />
      <AuthorNav t={t} course={data.course} current="tree" />
      <h1>{t("authoring.delete.title")}</h1>
      {data.refused && (
        <p class="feedback wrong" role="alert">
          {t("authoring.refused.conflict")}
        </p>
      )}
      <p>{t("authoring.delete.body", { count: data.files.length })}</p>
      <ul>
        {data.files.map((f) => (
          <li key={f}>
            <code>{f}</code>
          </li>
        ))}
      </ul>
      <form method="post" class="dialog-actions">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="path" value={data.path} />
        <button type="submit" class="danger">
          {t("authoring.delete.confirm")}
        </button>
        <a href={`/author/${data.course}`}>{t("authoring.delete.cancel")}</a>
      </form>
    </section>
  );
}
