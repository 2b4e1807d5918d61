import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { EmptyState } from "@/components/EmptyState.tsx";
import { AuthoringStyles } from "@/components/authoring/AuthoringStyles.tsx";
import {
  type AuthorCourse,
  listAuthorCourses,
} from "@/lib/authoring/author_home.ts";
import type { SignedInState } from "@/lib/http/state.ts";

interface Data {
  courses: AuthorCourse[];
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    return ctx.render({ courses: await listAuthorCourses(ctx.state.kv) });
  },
};

export default function AuthorHome(
  { data, state: { t } }: PageProps<Data, SignedInState>,
) {
  return (
    <section>
      <Head>
        <title>{`${t("authoring.title")} · ${t("app.name")}`}</title>
      </Head>
      <AuthoringStyles />
      <h1>{t("authoring.title")}</h1>
      <p class="lead">{t("authoring.lead")}</p>
      {data.courses.length === 0 && (
        <EmptyState title={t("authoring.empty.title")}>
          {t("authoring.empty.body")}
        </EmptyState>
      )}
      <ul class="author-courses">
        {data.courses.map((c) => (
          <li key={c.courseId} class="card">
            <h2>
              <a href={`/author/${c.courseId}`}>{c.title}</a>
            </h2>
            <p class="meta">
              {t("authoring.version", { version: c.version })}
              {" · "}
              {c.drafts > 0
                ? t("authoring.drafts", { count: c.drafts })
                : t("authoring.no_drafts")}
            </p>
            {c.conflict && (
              <p class="feedback wrong" role="alert">
                {t("authoring.conflict.short", {
                  browser: c.conflict.browserVersion,
                  files: c.conflict.fileVersion,
                })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
