import type { PageProps } from "$fresh/server.ts";
import { RunIntro } from "@/components/runs/RunIntro.tsx";
import { PersonaCard } from "@/components/scenario/PersonaCard.tsx";
import { runIntroHandlers } from "@/lib/http/run_intro.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { startScenarioRun } from "@/lib/scenario/run_store.ts";
import {
  findScenario,
  type PublishedScenario,
} from "@/lib/scenario/scenario_page.ts";

export const handler = runIntroHandlers<PublishedScenario>(
  (kv, params) => findScenario(kv, params.course, params.scenario),
  async (kv, learnerId, found, now) => {
    const run = await startScenarioRun(
      kv,
      learnerId,
      found.courseId,
      found.version,
      found.scenario,
      now,
    );
    return `/courses/${found.courseId}/scenarios/${found.scenario.id}/runs/${run.id}`;
  },
);

export default function ScenarioIntro(
  { data, state }: PageProps<PublishedScenario, SignedInState>,
) {
  const { t } = state;
  return (
    <RunIntro
      title={data.scenario.title}
      section={t("scenario.list.title")}
      back={`/courses/${data.courseId}/scenarios`}
      csrfToken={state.user.csrfToken}
      start={t("scenario.start")}
    >
      <p class="lead">{data.scenario.summary}</p>
      <PersonaCard scenario={data.scenario} t={t} />
    </RunIntro>
  );
}
