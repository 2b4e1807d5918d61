import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { ModuleCard } from "@/components/course/ModuleCard.tsx";
import type { AppState } from "@/lib/http/state.ts";
import { foundHandlers, renderFound } from "@/lib/http/found_page.ts";
import {
  coursePageFor,
  type ViewedCourse,
} from "@/lib/learning/course_page.ts";

type Data = ViewedCourse;

export const handler: Handlers<Data, AppState> = foundHandlers(
  (ctx) =>
    coursePageFor(ctx.state.kv, ctx.state.user, ctx.params.course, new Date()),
  { GET: renderFound },
);

/** The course: each module with its lessons (ticked), its quiz and its practice. */
export default function Course(
  { data, state: { t } }: PageProps<Data, AppState>,
) {
  const { course } = data;
  return (
    <>
      <Head>
        <title>{`${course.title} · ${t("app.name")}`}</title>
      </Head>
      <h1>{course.title}</h1>
      <p class="lead">{course.summary}</p>
      {data.learner && course.resume && (
        <p>
          <a class="button" href={course.resume.url}>
            {t("learner.home.continue", {
              done: course.done,
              total: course.total,
            })}
          </a>
        </p>
      )}
      <p class="meta">
        {t("learner.course.practice")}
        {t("learner.label_separator")}
        <a href={`/courses/${course.id}/scenarios`}>
          {t("scenario.list.title")}
        </a>{" "}
        · <a href={`/courses/${course.id}/drills`}>{t("drill.list.title")}</a>
      </p>
      <div class="module-list">
        {course.modules.map((m) => (
          <ModuleCard
            key={m.id}
            m={m}
            t={t}
            showProgress={data.learner}
          />
        ))}
      </div>
    </>
  );
}
