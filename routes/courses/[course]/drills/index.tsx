import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { EmptyState } from "@/components/EmptyState.tsx";
import { getCourseView } from "@/lib/content/course_view.ts";
import type { Drill } from "@/lib/content/schema.ts";
import type { SignedInState } from "@/lib/http/state.ts";

interface Data {
  courseId: string;
  drills: Drill[];
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const view = await getCourseView(ctx.state.kv, ctx.params.course);
    return view
      ? ctx.render({ courseId: view.id, drills: view.published.drills })
      : ctx.renderNotFound();
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
                </article>
              </li>
            ))}
          </ul>
        )}
    </>
  );
}
