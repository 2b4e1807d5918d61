import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { ModuleCard } from "@/components/course/ModuleCard.tsx";
import type { AppState } from "@/lib/http/state.ts";
import { foundHandlers, renderFound } from "@/lib/http/found_page.ts";
import {
  modulePageFor,
  type ModuleSummary,
  type ViewedCourse,
} from "@/lib/learning/course_page.ts";

type Data = ViewedCourse & { module: ModuleSummary };

export const handler: Handlers<Data, AppState> = foundHandlers(
  (ctx) =>
    modulePageFor(
      ctx.state.kv,
      ctx.state.user,
      ctx.params.course,
      ctx.params.module,
      new Date(),
    ),
  { GET: renderFound },
);

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
