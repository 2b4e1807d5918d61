import { Head } from "$fresh/runtime.ts";
import { type Handlers, type PageProps, RenderCache } from "$fresh/server.ts";
import {
  type CourseOutline,
  getCourseOutline,
} from "@/lib/content/course_outline.ts";
import type { AppState } from "@/lib/http/state.ts";

export const handler: Handlers<CourseOutline, AppState> = {
  async GET(_req, ctx) {
    const outline = await getCourseOutline(ctx.state.kv, ctx.params.course);
    return outline ? ctx.render(outline) : ctx.renderNotFound();
  },
};

export default function Course(
  { data, state: { t, lang } }: PageProps<CourseOutline, AppState>,
) {
  return (
    <RenderCache id={`course:${data.id}@${data.version}:${lang}`}>
      <Head>
        <title>{`${data.title} · ${t("app.name")}`}</title>
      </Head>
      <h1>{data.title}</h1>
      <p class="lead">{data.summary}</p>
      <h2>{t("course.modules")}</h2>
      <ol class="module-list">
        {data.modules.map((m) => (
          <li class="module-card">
            <h3>{m.title}</h3>
            <ol>
              {m.lessons.map((l) => (
                <li>
                  <a href={l.url}>{l.title}</a>{" "}
                  <span class="meta">
                    {t("course.lesson.minutes", { count: l.minutes })}
                  </span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </RenderCache>
  );
}
