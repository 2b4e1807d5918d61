import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { PersonaCard } from "@/components/scenario/PersonaCard.tsx";
import type { SignedInState } from "@/lib/http/state.ts";
import { seeOther } from "@/lib/http/responses.ts";
import { startScenarioRun } from "@/lib/scenario/run_store.ts";
import {
  findScenario,
  type PublishedScenario,
} from "@/lib/scenario/scenario_page.ts";

export const handler: Handlers<PublishedScenario, SignedInState> = {
  async GET(_req, ctx) {
    const found = await findScenario(
      ctx.state.kv,
      ctx.params.course,
      ctx.params.scenario,
    );
    return found ? ctx.render(found) : ctx.renderNotFound();
  },
  async POST(_req, ctx) {
    const found = await findScenario(
      ctx.state.kv,
      ctx.params.course,
      ctx.params.scenario,
    );
    if (!found) return ctx.renderNotFound();
    const run = await startScenarioRun(
      ctx.state.kv,
      ctx.state.user.id,
      found.courseId,
      found.version,
      found.scenario,
      new Date(),
    );
    return seeOther(
      `/courses/${found.courseId}/scenarios/${found.scenario.id}/runs/${run.id}`,
    );
  },
};

export default function ScenarioIntro(
  { data, state }: PageProps<PublishedScenario, SignedInState>,
) {
  const { t } = state;
  return (
    <>
      <Head>
        <title>{`${data.scenario.title} · ${t("scenario.list.title")}`}</title>
      </Head>
      <p class="breadcrumbs-inline">
        <a href={`/courses/${data.courseId}/scenarios`}>
          {t("scenario.list.title")}
        </a>
      </p>
      <h1>{data.scenario.title}</h1>
      <p class="lead">{data.scenario.summary}</p>
      <PersonaCard scenario={data.scenario} t={t} />
      <form method="post">
        <CsrfField token={state.user.csrfToken} />
        <button type="submit">{t("scenario.start")}</button>
      </form>
    </>
  );
}
