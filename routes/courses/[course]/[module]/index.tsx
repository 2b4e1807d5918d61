import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { ModuleCard } from "@/components/course/ModuleCard.tsx";
import type { AppState } from "@/lib/http/state.ts";
import {
  type CoursePage,
  coursePage,
  type ModuleSummary,
} from "@/lib/learning/course_page.ts";

interface Data {
  course: CoursePage;
  module: ModuleSummary;
  learner: boolean;
}

export const handler: Handlers<Data, AppState> = {
  async GET(_req, ctx) {
    const user = ctx.state.user;
    const learner = user?.role === "learner";
    const course = await coursePage(
      ctx.state.kv,
      ctx.params.course,
      learner ? user.id : null,
      new Date(),
    );
    const module = course?.modules.find((m) => m.id === ctx.params.module);
    if (!course || !module) return ctx.renderNotFound();
    return ctx.render({ course, module, learner });
  },
};

/** A module's overview: objectives, lessons with ticks, its quiz and its practice. */
export default function ModulePage(
  { data, state: { t } }: PageProps<Data, AppState>,
) {
  const { course, module: m } = data;
  return (
    <>
      <Head>
        <title>{`${m.title} · ${course.title} · ${t("app.name")}`}</title>
      </Head>
      <nav aria-label={t("course.modules")}>
        <ol class="breadcrumbs">
          <li>
            <a href={`/courses/${course.id}`}>{course.title}</a>
          </li>
          <li aria-current="page">{m.title}</li>
        </ol>
      </nav>
      <h1>{t("learner.module.title", { module: m.title })}</h1>
      <section class="objectives" aria-labelledby="objectives-heading">
        <h2 id="objectives-heading">{t("course.lesson.objectives")}</h2>
        <ul>
          {m.objectives.map((o, i) => <li key={i}>{o}</li>)}
        </ul>
      </section>
      <ModuleCard
        m={m}
        t={t}
        showProgress={data.learner}
        heading={t("learner.module.lessons")}
      />
      <p class="meta">
        <a href={`/courses/${course.id}/scenarios`}>
          {t("learner.module.all_practice")}
        </a>{" "}
        ·{" "}
        <a href={`/courses/${course.id}/drills`}>
          {t("learner.module.all_drills")}
        </a>
      </p>
    </>
  );
}
