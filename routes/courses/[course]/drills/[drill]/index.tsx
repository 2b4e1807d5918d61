import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { startDrillRun } from "@/lib/drill/drill_run_store.ts";
import { findDrill, type PublishedDrill } from "@/lib/drill/drill_view.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";

export const handler: Handlers<PublishedDrill, SignedInState> = {
  async GET(_req, ctx) {
    const found = await findDrill(
      ctx.state.kv,
      ctx.params.course,
      ctx.params.drill,
    );
    return found ? ctx.render(found) : ctx.renderNotFound();
  },
  async POST(_req, ctx) {
    const found = await findDrill(
      ctx.state.kv,
      ctx.params.course,
      ctx.params.drill,
    );
    if (!found) return ctx.renderNotFound();
    const run = await startDrillRun(
      ctx.state.kv,
      ctx.state.user.id,
      found.courseId,
      found.version,
      found.drill,
      new Date(),
    );
    return seeOther(
      `/courses/${found.courseId}/drills/${found.drill.id}/runs/${run.id}`,
    );
  },
};

export default function DrillIntro(
  { data, state }: PageProps<PublishedDrill, SignedInState>,
) {
  const { t } = state;
  return (
    <>
      <Head>
        <title>{`${data.drill.title} · ${t("drill.list.title")}`}</title>
      </Head>
      <h1>{data.drill.title}</h1>
      <p class="lead">{t("drill.list.lead")}</p>
      <p class="meta">{t("drill.items", { count: data.drill.items.length })}</p>
      <form method="post">
        <CsrfField token={state.user.csrfToken} />
        <button type="submit">{t("drill.start")}</button>
      </form>
    </>
  );
}
