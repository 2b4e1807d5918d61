import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import type { ComponentChildren } from "preact";
import { CsrfField } from "@/components/CsrfField.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import { AuthoringStyles } from "@/components/authoring/AuthoringStyles.tsx";
import { AuthorNav } from "@/components/authoring/AuthorNav.tsx";
import { ProblemList } from "@/components/authoring/ProblemList.tsx";
import {
  editTree,
  TreeEditInput,
  type TreeEditRefusal,
  type TreeFile,
} from "@/lib/authoring/course_tree.ts";
import {
  workspaceOf,
  type WorkspacePage,
  workspacePage,
} from "@/lib/authoring/workspace_page.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

interface Data {
  page: WorkspacePage;
  done: string | null;
  refused: TreeEditRefusal | "invalid" | null;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const page = await workspacePage(ctx.state.kv, ctx.params.course);
    if (!page) return ctx.renderNotFound();
    return ctx.render({
      page,
      done: ctx.url.searchParams.get("done"),
      refused: null,
    });
  },
  async POST(req, ctx) {
    const { kv, user } = ctx.state;
    const ws = await workspaceOf(kv, ctx.params.course);
    if (!ws) return ctx.renderNotFound();
    const form = Object.fromEntries(
      [...(await req.formData()).entries()].filter(([k]) => k !== "_csrf"),
    );
    const input = TreeEditInput.safeParse(form);
    const result = input.success
      ? await editTree(kv, ws, input.data, user.id, new Date())
      : { ok: false as const, reason: "invalid" as const };
    if (result.ok) {
      return seeOther(`/author/${ws.courseId}?done=${input.data!.op}`);
    }
    const page = await workspacePage(kv, ws.courseId);
    return ctx.render({ page: page!, done: null, refused: result.reason }, {
      status: 422,
    });
  },
};

const editUrl = (course: string, path: string) =>
  `/author/${course}/edit?path=${encodeURIComponent(path)}`;

/** Move up / move down for a module or a lesson: one form per direction. */
function MoveButtons(
  { path, title, t, csrf }: {
    path: string;
    title: string;
    t: Translate;
    csrf: string;
  },
) {
  return (
    <>
      {(["up", "down"] as const).map((d) => (
        <form method="post" class="inline-form" key={d}>
          <CsrfField token={csrf} />
          <input type="hidden" name="op" value="move" />
          <input type="hidden" name="path" value={path} />
          <input type="hidden" name="direction" value={d} />
          <button
            type="submit"
            class="small secondary"
            aria-label={t(`authoring.move.${d}_label`, { title })}
          >
            {t(`authoring.move.${d}`)}
          </button>
        </form>
      ))}
    </>
  );
}

/** The link to the delete page, which asks for confirmation. */
function DeleteLink(
  { course, path, title, t }: {
    course: string;
    path: string;
    title: string;
    t: Translate;
  },
) {
  return (
    <a
      class="danger-link"
      href={`/author/${course}/delete?path=${encodeURIComponent(path)}`}
      aria-label={t("authoring.delete_label", { title })}
    >
      {t("authoring.delete")}
    </a>
  );
}

/**
 * A new module, lesson (in `module`) or assessment file: its title and slug,
 * after any fields of its own (`children`, the assessment's kind).
 */
function CreateForm(
  { op, module, slugHintId, t, csrf, children }: {
    op: "create-module" | "create-lesson" | "create-assessment";
    children?: ComponentChildren;
    module?: string;
    /** Where the slug's rule is spelled out, when it is. */
    slugHintId?: string;
    t: Translate;
    csrf: string;
  },
) {
  return (
    <form method="post" class="stack-form">
      <CsrfField token={csrf} />
      <input type="hidden" name="op" value={op} />
      {module && <input type="hidden" name="module" value={module} />}
      {children}
      <label>
        {t("authoring.create.title")}
        <input name="title" required maxLength={120} />
      </label>
      <label>
        {t("authoring.create.slug")}
        <input
          name="slug"
          required
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          aria-describedby={slugHintId}
        />
      </label>
      {slugHintId && (
        <p class="meta" id={slugHintId}>{t("authoring.create.slug_hint")}</p>
      )}
      <button type="submit">{t("authoring.create.submit")}</button>
    </form>
  );
}

function FileRow(
  { file, course, t, csrf, movable }: {
    file: TreeFile;
    course: string;
    t: Translate;
    csrf: string;
    movable?: boolean;
  },
) {
  return (
    <li class="tree-file">
      <a href={editUrl(course, file.path)}>{file.title}</a>
      <span class="meta tree-path">{file.path.split("/").at(-1)}</span>
      {file.draft && <span class="badge">{t("authoring.badge.draft")}</span>}
      {file.problems > 0 && (
        <span class="badge bad">
          {t("authoring.badge.problems", { count: file.problems })}
        </span>
      )}
      <span class="tree-actions">
        {movable && (
          <MoveButtons path={file.path} title={file.title} t={t} csrf={csrf} />
        )}
        <details class="rename">
          <summary>{t("authoring.rename")}</summary>
          <form method="post">
            <CsrfField token={csrf} />
            <input type="hidden" name="op" value="rename" />
            <input type="hidden" name="path" value={file.path} />
            <label>
              {t("authoring.rename.label")}
              <input name="title" value={file.title} required maxLength={120} />
            </label>
            <button type="submit" class="small">
              {t("authoring.rename.submit")}
            </button>
          </form>
        </details>
        <DeleteLink course={course} path={file.path} title={file.title} t={t} />
      </span>
    </li>
  );
}

export default function WorkspacePageView(
  { data, state: { t, csrfToken } }: PageProps<Data, SignedInState>,
) {
  const { page } = data;
  const { ws, tree } = page;
  const c = ws.courseId;
  return (
    <section>
      <Head>
        <title>
          {`${page.title} · ${t("authoring.title")} · ${t("app.name")}`}
        </title>
      </Head>
      <AuthoringStyles />
      <AuthorNav t={t} course={c} current="tree" />
      <h1>{page.title}</h1>
      <p class="meta">
        {t("authoring.based_on", { version: ws.baseVersion })}
      </p>
      {data.done && <p class="notice" role="status">{t("authoring.done")}</p>}
      {data.refused && (
        <p class="feedback wrong" role="alert">
          {t(`authoring.refused.${data.refused}`)}
        </p>
      )}
      {page.conflict && (
        <div class="feedback wrong" role="alert">
          <p>
            {t("authoring.conflict.body", {
              browser: page.conflict.browserVersion,
              files: page.conflict.fileVersion,
            })}
          </p>
          <p>
            <a
              href={`/author/${c}/versions?from=${page.conflict.browserVersion}&to=${page.conflict.fileVersion}`}
            >
              {t("authoring.conflict.compare")}
            </a>
          </p>
        </div>
      )}

      <section class="card" aria-labelledby="draft-heading">
        <h2 id="draft-heading">{t("authoring.draft.title")}</h2>
        {page.changes.length === 0 ? <p>{t("authoring.draft.none")}</p> : (
          <>
            <ul class="change-list">
              {page.changes.map((d) => (
                <li key={d.path}>
                  <a href={editUrl(c, d.path)}>{d.path}</a>{" "}
                  <span class="meta">
                    {t(`authoring.change.${d.status}`)} +{d.added} −{d.removed}
                  </span>
                </li>
              ))}
            </ul>
            <p>
              <a class="button" href={`/author/${c}/publish`}>
                {t("authoring.publish.open")}
              </a>
            </p>
          </>
        )}
        <ProblemList problems={page.problems} course={c} t={t} />
      </section>

      {page.copies.length > 0 && (
        <section class="card" aria-labelledby="copies-heading">
          <h2 id="copies-heading">{t("authoring.copies.title")}</h2>
          <p>{t("authoring.copies.lead")}</p>
          <ul>
            {page.copies.map((cp) => (
              <li key={cp.id}>
                <a href={`${editUrl(c, cp.path)}#copies`}>{cp.path}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="tree-heading">
        <h2 id="tree-heading">{t("authoring.tree.title")}</h2>
        <ul class="tree">
          {tree.course && (
            <FileRow file={tree.course} course={c} t={t} csrf={csrfToken} />
          )}
          {tree.coverage && (
            <FileRow file={tree.coverage} course={c} t={t} csrf={csrfToken} />
          )}
        </ul>
        {tree.modules.length === 0 && (
          <EmptyState title={t("authoring.tree.no_modules")}>
            {t("authoring.tree.no_modules_body")}
          </EmptyState>
        )}
        {tree.modules.map((m) => (
          <article class="tree-module" key={m.dir}>
            <header class="tree-module-head">
              <h3>{m.title}</h3>
              <span class="meta tree-path">{m.dir}</span>
              <span class="tree-actions">
                <MoveButtons
                  path={m.path}
                  title={m.title}
                  t={t}
                  csrf={csrfToken}
                />
                <DeleteLink course={c} path={m.path} title={m.title} t={t} />
              </span>
            </header>
            <ul class="tree">
              {m.moduleFile && (
                <FileRow
                  file={m.moduleFile}
                  course={c}
                  t={t}
                  csrf={csrfToken}
                />
              )}
              {m.lessons.map((l) => (
                <FileRow
                  key={l.path}
                  file={l}
                  course={c}
                  t={t}
                  csrf={csrfToken}
                  movable
                />
              ))}
            </ul>
            {m.lessons.length === 0 && (
              <p class="meta">{t("authoring.tree.no_lessons")}</p>
            )}
            <details class="create">
              <summary>{t("authoring.create.lesson")}</summary>
              <CreateForm
                op="create-lesson"
                module={m.dir}
                slugHintId={`slug-hint-${m.dir}`}
                t={t}
                csrf={csrfToken}
              />
            </details>
          </article>
        ))}
        <details class="create">
          <summary>{t("authoring.create.module")}</summary>
          <CreateForm op="create-module" t={t} csrf={csrfToken} />
        </details>

        {tree.groups.map((g) => (
          <article class="tree-module" key={g.kind}>
            <h3>{t(`authoring.kind.${g.kind}`)}</h3>
            <ul class="tree">
              {g.files.map((f) => (
                <FileRow
                  key={f.path}
                  file={f}
                  course={c}
                  t={t}
                  csrf={csrfToken}
                />
              ))}
            </ul>
          </article>
        ))}
        <details class="create">
          <summary>{t("authoring.create.assessment")}</summary>
          <CreateForm op="create-assessment" t={t} csrf={csrfToken}>
            <label>
              {t("authoring.create.kind")}
              <select name="kind">
                {(["scenario", "drill", "survey", "bank"] as const).map((k) => (
                  <option key={k} value={k}>{t(`authoring.kind.${k}`)}</option>
                ))}
              </select>
            </label>
          </CreateForm>
        </details>
        {tree.deleted.length > 0 && (
          <p class="meta">
            {t("authoring.tree.deleted", { list: tree.deleted.join(", ") })}
          </p>
        )}
      </section>
    </section>
  );
}
