import { PreviewBanner } from "@/components/preview/PreviewBanner.tsx";
import { isPreviewRole } from "@/lib/preview/preview_kinds.ts";
import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { PersonaCard } from "@/components/scenario/PersonaCard.tsx";
import ScenarioChat from "@/islands/ScenarioChat.tsx";
import type { SignedInState } from "@/lib/http/state.ts";
import {
  foundHandlers,
  learnerRun,
  secondsSince,
} from "@/lib/http/found_page.ts";
import type { Run } from "@/lib/scenario/run_store.ts";
import { chatView } from "@/lib/scenario/run_view.ts";
import {
  findLearnerRun,
  type PublishedScenario,
} from "@/lib/scenario/scenario_page.ts";
import { chatLabels } from "@/lib/scenario/chat_labels.ts";

interface Data {
  found: PublishedScenario;
  run: Run;
  elapsedSeconds: number;
}

export const handler: Handlers<Data, SignedInState> = foundHandlers(
  learnerRun(findLearnerRun),
  {
    GET: ({ run, found }, _req, ctx) =>
      ctx.render({ found, run, elapsedSeconds: secondsSince(run.startedAt) }),
  },
);

export default function RunPage(
  { data, url, state: { t, user } }: PageProps<Data, SignedInState>,
) {
  const { found, run } = data;
  return (
    <>
      <Head>
        <title>{`${found.scenario.title} · ${t("scenario.list.title")}`}</title>
      </Head>
      {isPreviewRole(user.role) && <PreviewBanner t={t} />}
      <h1>{found.scenario.title}</h1>
      <div class="chat-layout">
        <PersonaCard scenario={found.scenario} t={t} />
        <ScenarioChat
          turnUrl={`${url.pathname}/turns`}
          debriefUrl={`${url.pathname}/debrief`}
          customerName={found.scenario.persona.name}
          initial={chatView(found.scenario, run, found.rubrics, t)}
          limitSeconds={found.scenario.firstResponseSeconds}
          elapsedSeconds={data.elapsedSeconds}
          labels={chatLabels(t)}
        />
      </div>
    </>
  );
}
