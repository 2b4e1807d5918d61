import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { ChangeNoteField } from "@/components/authoring/ChangeNoteField.tsx";
import { AuthoringStyles } from "@/components/authoring/AuthoringStyles.tsx";
import { AuthorNav } from "@/components/authoring/AuthorNav.tsx";
import { PublishInput, rollbackCourse } from "@/lib/authoring/workspace.ts";
import { getHead, getVersion } from "@/lib/content/content_store.ts";
import { type FieldErrors, formValues, parseForm } from "@/lib/forms/form.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";

interface Data {
  course: string;
  version: number;
  latest: number;
  note: string;
  errors: FieldErrors<"note">;
}

async function load(kv: Deno.Kv, course: string, raw: unknown) {
  const version = Number(raw);
  if (!Number.isInteger(version) || version < 1) return null;
  const [head, old] = await Promise.all([
    getHead(kv, course).catch(() => null),
    getVersion(kv, course, version).catch(() => null),
  ]);
  return head && old ? { version, latest: head.version } : null;
}

/** Rolling a course back to an earlier version, as a new version, after confirming. */
export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const found = await load(
      ctx.state.kv,
      ctx.params.course,
      ctx.url.searchParams.get("version"),
    );
    if (!found) return ctx.renderNotFound();
    return ctx.render({
      course: ctx.params.course,
      ...found,
      note: ctx.state.t("authoring.rollback.default_note", {
        version: found.version,
      }),
      errors: {},
    });
  },
  async POST(req, ctx) {
    const values = formValues(await req.formData(), ["version", "note"]);
    const found = await load(ctx.state.kv, ctx.params.course, values.version);
    if (!found) return ctx.renderNotFound();
    const note = typeof values.note === "string" ? values.note : "";
    const input = parseForm(
      PublishInput,
      { note: values.note },
      "authoring.publish.note_required",
    );
    if (!input.ok) {
      return ctx.render({
        course: ctx.params.course,
        ...found,
        note,
        errors: input.errors,
      }, { status: 422 });
    }
    const result = await rollbackCourse(
      ctx.state.kv,
      ctx.params.course,
      found.version,
      input.data.note,
      ctx.state.user.id,
      new Date(),
    );
    return seeOther(
      `/author/${ctx.params.course}/versions?rolled_back=${result.version}`,
    );
  },
};

export default function RollbackPage(
  { data, state: { t, csrfToken } }: PageProps<Data, SignedInState>,
) {
  return (
    <section>
      <Head>
        <title>
          {`${t("authoring.rollback.title", { version: data.version })} · ${
            t("app.name")
          }`}
        </title>
      </Head>
      <AuthoringStyles />
      <AuthorNav t={t} course={data.course} current="versions" />
      <h1>{t("authoring.rollback.title", { version: data.version })}</h1>
      <p>
        {t("authoring.rollback.body", {
          version: data.version,
          next: data.latest + 1,
        })}
      </p>
      <p>
        <a
          href={`/author/${data.course}/versions?from=${data.latest}&to=${data.version}`}
        >
          {t("authoring.rollback.compare", {
            latest: data.latest,
            version: data.version,
          })}
        </a>
      </p>
      <form method="post" class="stack-form card">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="version" value={data.version} />
        <ChangeNoteField
          t={t}
          value={data.note}
          errors={data.errors}
          rows={2}
        />
        <p class="dialog-actions">
          <button type="submit" class="danger">
            {t("authoring.rollback.confirm", { version: data.version })}
          </button>
          <a href={`/author/${data.course}/versions`}>
            {t("authoring.delete.cancel")}
          </a>
        </p>
      </form>
    </section>
  );
}
