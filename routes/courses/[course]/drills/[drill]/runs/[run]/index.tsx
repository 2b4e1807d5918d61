import { PreviewBanner } from "@/components/preview/PreviewBanner.tsx";
import { isPreviewRole } from "@/lib/preview/preview_kinds.ts";
import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import DrillRunner from "@/islands/DrillRunner.tsx";
import type { DrillRun } from "@/lib/drill/drill_run_store.ts";
import {
  drillItems,
  drillLabels,
  drillResults,
  drillRound,
  findLearnerDrillRun,
  type PublishedDrill,
} from "@/lib/drill/drill_view.ts";
import { DrillRound } from "@/components/drill/DrillRound.tsx";
import type { SignedInState } from "@/lib/http/state.ts";
import {
  foundHandlers,
  learnerRun,
  secondsSince,
} from "@/lib/http/found_page.ts";

interface Data {
  found: PublishedDrill;
  run: DrillRun;
  shownSeconds: number;
}

export const handler: Handlers<Data, SignedInState> = foundHandlers(
  learnerRun(findLearnerDrillRun),
  {
    GET: ({ run, found }, _req, ctx) =>
      ctx.render({ found, run, shownSeconds: secondsSince(run.shownAt) }),
  },
);

export default function DrillRunPage(
  { data, url, state }: PageProps<Data, SignedInState>,
) {
  const { t } = state;
  const round = drillRound(data.found.drill, data.run);
  const drillUrl =
    `/courses/${data.found.courseId}/drills/${data.found.drill.id}`;
  return (
    <>
      <Head>
        <title>{`${data.found.drill.title} · ${t("drill.list.title")}`}</title>
      </Head>
      {isPreviewRole(state.user.role) && <PreviewBanner t={t} />}
      <h1>{data.found.drill.title}</h1>
      {round
        ? (
          <DrillRound
            round={round}
            againUrl={drillUrl}
            backUrl={`/courses/${data.found.courseId}/drills`}
            csrfToken={state.user.csrfToken}
            t={t}
          />
        )
        : (
          <DrillRunner
            answerUrl={`${url.pathname}/answers`}
            items={drillItems(data.found.drill, data.found.replies)}
            results={drillResults(data.run, t)}
            shownSeconds={data.shownSeconds}
            total={data.run.score ?? null}
            labels={drillLabels(t)}
            resultUrl={url.pathname}
          />
        )}
    </>
  );
}
