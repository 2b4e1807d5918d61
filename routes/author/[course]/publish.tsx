import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { ChangeNoteField } from "@/components/authoring/ChangeNoteField.tsx";
import { AuthoringStyles } from "@/components/authoring/AuthoringStyles.tsx";
import { AuthorNav } from "@/components/authoring/AuthorNav.tsx";
import { DiffView } from "@/components/authoring/DiffView.tsx";
import { ProblemList } from "@/components/authoring/ProblemList.tsx";
import { diffFileSets, type FileDiff } from "@/lib/authoring/version_diff.ts";
import { workspaceOf } from "@/lib/authoring/workspace_page.ts";
import {
  checkFiles,
  DraftHasProblemsError,
  PublishInput,
  publishWorkspace,
  type Workspace,
} from "@/lib/authoring/workspace.ts";
import type { Problem } from "@/lib/content/source.ts";
import { type FieldErrors, formValues, parseForm } from "@/lib/forms/form.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";

interface Data {
  ws: Workspace;
  diffs: FileDiff[];
  problems: Problem[];
  note: string;
  errors: FieldErrors<"note">;
  refused: boolean;
}

async function data(ws: Workspace): Promise<Pick<Data, "diffs" | "problems">> {
  return {
    diffs: diffFileSets(ws.base, ws.files),
    problems: (await checkFiles(ws.files)).problems,
  };
}

/** Publishing the draft as the next version, with a change note. */
export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const ws = await workspaceOf(ctx.state.kv, ctx.params.course);
    if (!ws) return ctx.renderNotFound();
    return ctx.render({
      ws,
      ...await data(ws),
      note: "",
      errors: {},
      refused: false,
    });
  },
  async POST(req, ctx) {
    const { kv, user } = ctx.state;
    const ws = await workspaceOf(kv, ctx.params.course);
    if (!ws) return ctx.renderNotFound();
    const values = formValues(await req.formData(), ["note"]);
    const note = typeof values.note === "string" ? values.note : "";
    const input = parseForm(
      PublishInput,
      values,
      "authoring.publish.note_required",
    );
    if (!input.ok) {
      return ctx.render({
        ws,
        ...await data(ws),
        note,
        errors: input.errors,
        refused: false,
      }, { status: 422 });
    }
    try {
      const result = await publishWorkspace(
        kv,
        ws,
        input.data.note,
        user.id,
        new Date(),
      );
      return seeOther(
        `/author/${ws.courseId}/versions?published=${result.version}`,
      );
    } catch (e) {
      if (!(e instanceof DraftHasProblemsError)) throw e;
      return ctx.render({
        ws,
        diffs: diffFileSets(ws.base, ws.files),
        problems: e.problems,
        note,
        errors: {},
        refused: true,
      }, { status: 422 });
    }
  },
};

export default function PublishPage(
  { data, state: { t, csrfToken } }: PageProps<Data, SignedInState>,
) {
  const { ws } = data;
  const blocked = data.problems.length > 0;
  return (
    <section>
      <Head>
        <title>{`${t("authoring.publish.title")} · ${t("app.name")}`}</title>
      </Head>
      <AuthoringStyles />
      <AuthorNav t={t} course={ws.courseId} current="publish" />
      <h1>{t("authoring.publish.title")}</h1>
      <p class="lead">
        {t("authoring.publish.lead", { version: ws.baseVersion + 1 })}
      </p>
      {data.refused && (
        <p class="feedback wrong" role="alert">
          {t("authoring.publish.refused")}
        </p>
      )}
      <ProblemList problems={data.problems} course={ws.courseId} t={t} />
      {data.diffs.length === 0
        ? <p>{t("authoring.draft.none")}</p>
        : (
          <form method="post" class="stack-form card">
            <CsrfField token={csrfToken} />
            <ChangeNoteField
              t={t}
              value={data.note}
              errors={data.errors}
              rows={3}
              hint={t("authoring.publish.note_hint")}
            />
            {blocked && <p class="meta">{t("authoring.publish.blocked")}</p>}
            <button type="submit">{t("authoring.publish.submit")}</button>
          </form>
        )}
      <h2>{t("authoring.publish.changes")}</h2>
      <DiffView diffs={data.diffs} t={t} />
    </section>
  );
}
