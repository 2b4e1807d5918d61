import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import {
  RunVerdict,
  StepCostTable,
} from "@/components/scenario/DebriefScore.tsx";
import { VerdictDetails } from "@/components/rubric/VerdictDetails.tsx";
import type { SignedInState } from "@/lib/http/state.ts";
import { foundHandlers, learnerRun } from "@/lib/http/found_page.ts";
import { type Debrief, DIMENSIONS } from "@/lib/scenario/engine.ts";
import { debriefView } from "@/lib/scenario/run_view.ts";
import {
  findLearnerRun,
  type PublishedScenario,
} from "@/lib/scenario/scenario_page.ts";
import { seeOther } from "@/lib/http/responses.ts";

interface Data {
  found: PublishedScenario;
  debrief: Debrief;
}

export const handler: Handlers<Data, SignedInState> = foundHandlers(
  learnerRun(findLearnerRun),
  {
    GET: ({ run, found }, _req, ctx) =>
      run.state.endingId
        ? ctx.render({ found, debrief: debriefView(found.scenario, run) })
        // Not over yet: back to the chat.
        : seeOther(
          `/courses/${found.courseId}/scenarios/${found.scenario.id}/runs/${run.id}`,
        ),
  },
);

export default function DebriefPage(
  { data, state }: PageProps<Data, SignedInState>,
) {
  const { t } = state;
  const { found, debrief: d } = data;
  const max = Math.max(
    3,
    ...DIMENSIONS.map((k) => Math.max(d.totals[k], d.modelTotals[k])),
  );
  return (
    <>
      <Head>
        <title>
          {`${t("scenario.debrief.title")} · ${found.scenario.title}`}
        </title>
      </Head>
      <h1>{t("scenario.debrief.title")}:{found.scenario.title}</h1>
      <p class={`outcome outcome-${d.outcome}`}>
        {t(`scenario.outcome.${d.outcome}`)}
      </p>
      <p class="lead">{t("scenario.debrief.score", { percent: d.percent })}</p>
      <RunVerdict d={d} t={t} />
      <blockquote class="ending-line">{d.customer}</blockquote>
      <p>{d.debrief}</p>
      <h2>{t("scenario.debrief.dimensions")}</h2>
      <div
        class="table-wrap"
        // Scrolls sideways on a phone in English: reachable by keyboard.
        tabIndex={0}
        role="region"
        aria-label={t("scenario.debrief.dimensions")}
      >
        <table class="dimension-table">
          <thead>
            <tr>
              <th scope="col">{t("scenario.debrief.dimension")}</th>
              <th scope="col">{t("scenario.debrief.yours")}</th>
              <th scope="col">{t("scenario.debrief.model")}</th>
            </tr>
          </thead>
          <tbody>
            {DIMENSIONS.map((k) => (
              <tr key={k}>
                <th scope="row">{t(`scenario.dimension.${k}`)}</th>
                <td>
                  <meter min={0} max={max} value={Math.max(0, d.totals[k])} />
                  {" "}
                  {d.totals[k]}
                </td>
                <td>
                  <meter min={0} max={max} value={d.modelTotals[k]} />{" "}
                  {d.modelTotals[k]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <StepCostTable d={d} t={t} />
      <h2>{t("scenario.debrief.transcript")}</h2>
      <ol class="transcript">
        {d.transcript.map((turn, i) => (
          <li key={i}>
            <p class="bubble from-customer">{turn.customer}</p>
            <p class="bubble from-agent">{turn.text}</p>
            {turn.late && <p class="coach">{t("scenario.late", turn.late)}</p>}
            {turn.feedback && <p class="coach">{turn.feedback}</p>}
            {turn.reply && (
              <VerdictDetails
                lines={turn.reply.criteria}
                passed={turn.reply.passed}
                t={t}
              />
            )}
          </li>
        ))}
      </ol>
      <h2>{t("scenario.debrief.best_path")}</h2>
      <ol class="transcript model">
        {d.model.map((step) => (
          <li key={step.nodeId}>
            <p class="bubble from-customer">{step.customer}</p>
            <p class="bubble from-agent">{step.text}</p>
            {step.feedback && <p class="coach">{step.feedback}</p>}
          </li>
        ))}
      </ol>
      <form
        method="post"
        action={`/courses/${found.courseId}/scenarios/${found.scenario.id}`}
      >
        <CsrfField token={state.user.csrfToken} />
        <button type="submit">{t("scenario.again")}</button>
      </form>
    </>
  );
}
