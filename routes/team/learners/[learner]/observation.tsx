import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { CsrfField } from "@/components/CsrfField.tsx";
import { getCourseView } from "@/lib/content/course_view.ts";
import { evaluationContent } from "@/lib/evaluation/content_map.ts";
import type { Checkpoint } from "@/lib/evaluation/formulas.ts";

/** Checkpoints a reviewer may pick (else the agent's day decides). */
const CHECKPOINTS = ["d14", "d30", "d60", "d90", "other"] as const;
import type { Observation } from "@/lib/content/schema.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { requireVisibleLearner } from "@/lib/auth/record_access.ts";
import { NotFoundError } from "@/lib/errors.ts";
import {
  latestObservations,
  type ObservationRecord,
  recordObservation,
} from "@/lib/onboarding/observation_store.ts";
import {
  onboardingCourseId,
  refreshForLearner,
} from "@/lib/onboarding/today.ts";

interface Data {
  learnerId: string;
  learnerName: string;
  card: Observation;
  latest: ObservationRecord | null;
  saved: boolean;
}

/** The learner (404 when the manager may not see them) and the scorecard. */
async function load(
  ctx: { state: SignedInState; params: Record<string, string> },
) {
  const { kv, user } = ctx.state;
  const learner = await requireVisibleLearner(kv, user, ctx.params.learner);
  const courseId = await onboardingCourseId(kv);
  const view = courseId ? await getCourseView(kv, courseId) : null;
  const card = view?.published.observations[0];
  if (!card) throw new NotFoundError("No QA scorecard published");
  return { learner, card, content: evaluationContent(view.published) };
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const { learner, card } = await load(ctx);
    const latest = (await latestObservations(ctx.state.kv, learner.id)).get(
      card.id,
    ) ?? null;
    return ctx.render({
      learnerId: learner.id,
      learnerName: learner.name,
      card,
      latest,
      saved: ctx.url.searchParams.has("saved"),
    });
  },
  async POST(req, ctx) {
    const { learner, card, content } = await load(ctx);
    const form = await req.formData();
    const now = new Date();
    const checkpoint = String(form.get("checkpoint") ?? "");
    const itemIds = card.sections.flatMap((s) => s.items.map((i) => i.id));
    await recordObservation(ctx.state.kv, {
      card,
      learnerId: learner.id,
      by: ctx.state.user.id,
      met: form.getAll("met").map(String).slice(0, 200),
      breached: form.getAll("breached").map(String).slice(0, 50),
      note: String(form.get("note") ?? "").trim().slice(0, 500),
      notes: Object.fromEntries(
        itemIds.map((id) => [id, String(form.get(`note_${id}`) ?? "")]),
      ),
      checkpoint: (CHECKPOINTS as readonly string[]).includes(checkpoint)
        ? checkpoint as Checkpoint
        : undefined,
      content,
    }, now);
    await refreshForLearner(ctx.state.kv, learner, ctx.url, now);
    return seeOther(`/team/learners/${learner.id}/observation?saved=1`);
  },
};

/** The QA reviewer's or manager's scorecard entry for one learner. */
export default function ObservationPage(
  { data, state }: PageProps<Data, SignedInState>,
) {
  const { t } = state;
  const { card, latest } = data;
  return (
    <>
      <OnboardingStyles />
      <Head>
        <title>{t("onboarding.qa.title", { name: data.learnerName })}</title>
      </Head>
      <p>
        <a href={`/team/learners/${data.learnerId}`}>
          ← {t("onboarding.qa.back")}
        </a>
      </p>
      <h1>{t("onboarding.qa.title", { name: data.learnerName })}</h1>
      <p class="lead">{card.title}</p>
      {data.saved && (
        <p class="notice" role="status">{t("onboarding.qa.saved")}</p>
      )}
      {latest && (
        <p class="meta" data-testid="qa-latest">
          {t("onboarding.qa.latest", {
            percent: latest.percent,
            breaches: latest.breached.length,
          })}
        </p>
      )}
      <form method="post" class="survey-form">
        <CsrfField token={state.user.csrfToken} />
        <label for="qa-checkpoint">{t("evaluator.qa.checkpoint")}</label>
        <select id="qa-checkpoint" name="checkpoint">
          <option value="">{t("evaluator.qa.checkpoint_auto")}</option>
          {CHECKPOINTS.map((c) => (
            <option key={c} value={c}>{t(`evaluator.checkpoint.${c}`)}</option>
          ))}
        </select>
        {(card.critical?.length ?? 0) > 0 && (
          <fieldset>
            <legend>{t("onboarding.qa.critical")}</legend>
            {card.critical!.map((c) => (
              <label class="option" key={c.id}>
                <input type="checkbox" name="breached" value={c.id} />
                <span>{c.text}</span>
              </label>
            ))}
          </fieldset>
        )}
        {card.sections.map((s) => (
          <fieldset key={s.id}>
            <legend>{s.title}</legend>
            {s.items.map((it) => (
              <div key={it.id}>
                <label class="option">
                  <input type="checkbox" name="met" value={it.id} />
                  <span>
                    {it.text}{" "}
                    <span class="meta">
                      {t("onboarding.qa.points", { points: it.points })}
                    </span>
                  </span>
                </label>
                <details>
                  <summary>{t("evaluator.qa.add_note")}</summary>
                  <input
                    name={`note_${it.id}`}
                    maxlength={300}
                    aria-label={t("evaluator.qa.item_note", { item: it.text })}
                  />
                </details>
              </div>
            ))}
          </fieldset>
        ))}
        <label>
          {t("onboarding.qa.note")}
          <textarea name="note" rows={2} maxlength={500}></textarea>
        </label>
        <button type="submit">{t("onboarding.qa.save")}</button>
      </form>
    </>
  );
}
