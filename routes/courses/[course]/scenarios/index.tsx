import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { EmptyState } from "@/components/EmptyState.tsx";
import type { SignedInState } from "@/lib/http/state.ts";
import {
  listScenarioCards,
  type ScenarioCard,
} from "@/lib/scenario/scenario_list.ts";

interface Data {
  courseId: string;
  courseTitle: string;
  scenarios: ScenarioCard[];
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const list = await listScenarioCards(
      ctx.state.kv,
      ctx.params.course,
      ctx.state.user.id,
      new Date(),
    );
    return list ? ctx.render(list) : ctx.renderNotFound();
  },
};

export default function Scenarios(
  { data, state: { t } }: PageProps<Data, SignedInState>,
) {
  return (
    <>
      <Head>
        <title>{`${t("scenario.list.title")} · ${data.courseTitle}`}</title>
      </Head>
      <h1>{t("scenario.list.title")}</h1>
      <p class="lead">{t("scenario.list.lead")}</p>
      {data.scenarios.length === 0
        ? <EmptyState title={t("scenario.empty")} />
        : (
          <ul class="course-grid">
            {data.scenarios.map((s) => (
              <li key={s.id}>
                <article class="course-card">
                  <h2 class="card-title">
                    <a href={`/courses/${data.courseId}/scenarios/${s.id}`}>
                      {s.title}
                    </a>
                  </h2>
                  <p>{s.summary}</p>
                  <p class="meta">
                    <span>{s.personaName}</span>
                    <span>{t(`scenario.psychology.${s.psychology}`)}</span>
                    <span>{t(`scenario.channel.${s.channel}`)}</span>
                  </p>
                  {s.best && <p class="meta">{t("scenario.best", s.best)}</p>}
                </article>
              </li>
            ))}
          </ul>
        )}
    </>
  );
}
