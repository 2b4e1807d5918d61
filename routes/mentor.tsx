import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { CsrfField } from "@/components/CsrfField.tsx";
import { ListOrEmpty } from "@/components/EmptyState.tsx";
import { TextField } from "@/components/TextField.tsx";
import { NotFoundError } from "@/lib/errors.ts";
import {
  type FieldErrors,
  formValues,
  keptValues,
  parseForm,
} from "@/lib/forms/form.ts";
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
  /** The confirmation just refused: which item, what was typed, and why. */
  failed?: {
    learnerId: string;
    itemKey: string;
    note: string;
    errors: FieldErrors<"learnerId" | "itemKey" | "note">;
  };
}

const FIELDS = ["learnerId", "itemKey", "note"] as const;

/** The hidden fields name the item; only the note is the mentor's to fix. */
const ConfirmInput = z.object({
  learnerId: z.string().min(1).max(100),
  itemKey: z.string().min(1).max(300),
  note: z.string().trim().max(500, "forms.mentor.note_too_long").default(""),
});

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const q = await mentorQueue(ctx.state.kv, ctx.state.user, new Date());
    return ctx.render({ ...q, done: ctx.url.searchParams.has("done") });
  },
  async POST(req, ctx) {
    const { kv, user } = ctx.state;
    const now = new Date();
    const values = formValues(await req.formData(), FIELDS);
    const fail = async (
      errors: NonNullable<Data["failed"]>["errors"],
      status: number,
    ) => {
      const kept = keptValues(values, FIELDS, 600);
      const failed = {
        learnerId: kept.learnerId ?? "",
        itemKey: kept.itemKey ?? "",
        note: kept.note ?? "",
        errors,
      };
      const q = await mentorQueue(kv, user, now);
      return ctx.render({ ...q, done: false, failed }, { status });
    };
    const input = parseForm(
      ConfirmInput,
      values,
      "forms.mentor.item_invalid",
    );
    if (!input.ok) return await fail(input.errors, 422);
    try {
      await confirmByMentor(kv, user, input.data, now);
    } catch (error) {
      // An item no longer waiting (or never offered): the page says so.
      if (!(error instanceof NotFoundError)) throw error;
      return await fail({ itemKey: "forms.mentor.item_invalid" }, 404);
    }
    const learner = await getUser(kv, input.data.learnerId);
    if (learner) {
      await refreshForLearner(kv, learner, ctx.url, now);
    }
    return seeOther("/mentor?done=1");
  },
};

/** A mentor's mentees' shadowing and milestones waiting for confirmation. */
export default function MentorPage(
  { data, state }: PageProps<Data, SignedInState>,
) {
  const { t } = state;
  const { failed } = data;
  const itemError = failed?.errors.learnerId ?? failed?.errors.itemKey;
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
      {itemError && <p class="feedback wrong" role="alert">{t(itemError)}</p>}
      <ListOrEmpty
        count={data.items.length}
        title={t(
          data.cohorts === 0
            ? "onboarding.mentor.no_cohorts"
            : "onboarding.mentor.empty",
        )}
        body={t(
          data.cohorts === 0
            ? "onboarding.mentor.no_cohorts_body"
            : "onboarding.mentor.empty_body",
        )}
      >
        <ul class="plan-list">
          {data.items.map((it, i) => {
            const mine = failed?.learnerId === it.learnerId &&
              failed.itemKey === it.itemKey;
            const noteError = mine ? failed.errors.note : undefined;
            return (
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
                <form method="post" class="inline-form" novalidate>
                  <CsrfField token={state.user.csrfToken} />
                  <input
                    type="hidden"
                    name="learnerId"
                    value={it.learnerId}
                  />
                  <input type="hidden" name="itemKey" value={it.itemKey} />
                  <TextField
                    id={`mentor-note-${i}`}
                    name="note"
                    type="text"
                    maxLength={500}
                    label={t("onboarding.mentor.note")}
                    value={mine ? failed.note : ""}
                    error={noteError && t(noteError)}
                  />{" "}
                  <button type="submit">
                    {t("onboarding.mentor.confirm")}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      </ListOrEmpty>
    </>
  );
}
