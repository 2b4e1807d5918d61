import type { PageProps } from "$fresh/server.ts";
import { RunIntro } from "@/components/runs/RunIntro.tsx";
import { startDrillRun } from "@/lib/drill/drill_run_store.ts";
import { findDrill, type PublishedDrill } from "@/lib/drill/drill_view.ts";
import { runIntroHandlers } from "@/lib/http/run_intro.ts";
import type { SignedInState } from "@/lib/http/state.ts";

export const handler = runIntroHandlers<PublishedDrill>(
  (kv, params) => findDrill(kv, params.course, params.drill),
  async (kv, learnerId, found, now) => {
    const run = await startDrillRun(
      kv,
      learnerId,
      found.courseId,
      found.version,
      found.drill,
      now,
    );
    return `/courses/${found.courseId}/drills/${found.drill.id}/runs/${run.id}`;
  },
);

export default function DrillIntro(
  { data, state }: PageProps<PublishedDrill, SignedInState>,
) {
  const { t } = state;
  return (
    <RunIntro
      title={data.drill.title}
      section={t("drill.list.title")}
      csrfToken={state.user.csrfToken}
      start={t("drill.start")}
    >
      <p class="lead">{t("drill.list.lead")}</p>
      <p class="meta">{t("drill.items", { count: data.drill.items.length })}</p>
    </RunIntro>
  );
}
