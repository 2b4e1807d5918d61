import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { EmptyState } from "@/components/EmptyState.tsx";
import { getCourseView } from "@/lib/content/course_view.ts";
import type { Drill } from "@/lib/content/schema.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";

interface Data {
  courseId: string;
  drills: Drill[];
  /** Best and latest score per drill the learner has finished. */
  scores: Record<string, { best: number; latest: number }>;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const view = await getCourseView(ctx.state.kv, ctx.params.course);
    if (!view) return ctx.renderNotFound();
    const progress = await getProgress(
      ctx.state.kv,
      ctx.state.user.id,
      view.id,
      new Date(),
    );
    return ctx.render({
      courseId: view.id,
      drills: view.published.drills,
      scores: progress.drills,
    });
  },
};

export default function Drills(
  { data, state: { t } }: PageProps<Data, SignedInState>,
) {
  return (
    <>
      <Head>
        <title>{t("drill.list.title")}</title>
      </Head>
      <h1>{t("drill.list.title")}</h1>
      <p class="lead">{t("drill.list.lead")}</p>
      {data.drills.length === 0
        ? <EmptyState title={t("drill.empty")} />
        : (
          <ul class="course-grid">
            {data.drills.map((d) => (
              <li key={d.id}>
                <article class="course-card">
                  <h2 class="card-title">
                    <a href={`/courses/${data.courseId}/drills/${d.id}`}>
                      {d.title}
                    </a>
                  </h2>
                  <p class="meta">
                    {t("drill.items", { count: d.items.length })}
                  </p>
                  <p class="meta drill-scores">
                    {data.scores[d.id]
                      ? t("grading.drill.best_last", {
                        best: data.scores[d.id].best,
                        latest: data.scores[d.id].latest,
                      })
                      : t("grading.drill.not_yet")}
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
    </>
  );
}
