import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { CsrfField } from "@/components/CsrfField.tsx";
import { EmptyState } from "@/components/EmptyState.tsx";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { getUser } from "@/lib/identity/accounts/user_store.ts";
import {
  confirmByMentor,
  mentorQueue,
  type WaitingItem,
} from "@/lib/onboarding/mentor_queue.ts";
import { refreshForLearner } from "@/lib/onboarding/today.ts";
import { z } from "zod";

interface Data {
  items: WaitingItem[];
  cohorts: number;
  done: boolean;
}

const ConfirmInput = z.object({
  learnerId: z.string().min(1).max(100),
  itemKey: z.string().min(1).max(300),
  note: z.string().trim().max(500),
});

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const q = await mentorQueue(ctx.state.kv, ctx.state.user, new Date());
    return ctx.render({ ...q, done: ctx.url.searchParams.has("done") });
  },
  async POST(req, ctx) {
    const form = await req.formData();
    const input = ConfirmInput.safeParse({
      learnerId: form.get("learnerId"),
      itemKey: form.get("itemKey"),
      note: form.get("note") ?? "",
    });
    if (!input.success) {
      const q = await mentorQueue(ctx.state.kv, ctx.state.user, new Date());
      return ctx.render({ ...q, done: false }, { status: 422 });
    }
    const now = new Date();
    await confirmByMentor(ctx.state.kv, ctx.state.user, input.data, now);
    const learner = await getUser(ctx.state.kv, input.data.learnerId);
    if (learner) {
      await refreshForLearner(ctx.state.kv, learner, ctx.url, now);
    }
    return seeOther("/mentor?done=1");
  },
};

/** A mentor's mentees' shadowing and milestones waiting for confirmation. */
export default function MentorPage(
  { data, state }: PageProps<Data, SignedInState>,
) {
  const { t } = state;
  return (
    <>
      <OnboardingStyles />
      <Head>
        <title>{t("onboarding.mentor.title")}</title>
      </Head>
      <h1>{t("onboarding.mentor.title")}</h1>
      <p class="lead">{t("onboarding.mentor.lead")}</p>
      {data.done && (
        <p class="notice" role="status">{t("onboarding.mentor.done")}</p>
      )}
      {data.items.length === 0
        ? (
          <EmptyState
            title={data.cohorts === 0
              ? t("onboarding.mentor.no_cohorts")
              : t("onboarding.mentor.empty")}
          >
            {data.cohorts === 0
              ? t("onboarding.mentor.no_cohorts_body")
              : t("onboarding.mentor.empty_body")}
          </EmptyState>
        )
        : (
          <ul class="plan-list">
            {data.items.map((it) => (
              <li key={`${it.learnerId}:${it.itemKey}`}>
                <strong>{it.learnerName}</strong>
                <span class="meta">
                  {" · "}
                  {it.cohortName} ·{" "}
                  {t("onboarding.mentor.day", { day: it.day })}
                  {" · "}
                  {t(`onboarding.kind.${it.kind}`)}
                </span>
                <br />
                {it.title}
                <form method="post" class="inline-form">
                  <CsrfField token={state.user.csrfToken} />
                  <input type="hidden" name="learnerId" value={it.learnerId} />
                  <input type="hidden" name="itemKey" value={it.itemKey} />
                  <label>
                    {t("onboarding.mentor.note")}
                    <input type="text" name="note" maxlength={500} />
                  </label>{" "}
                  <button type="submit">
                    {t("onboarding.mentor.confirm")}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
    </>
  );
}
