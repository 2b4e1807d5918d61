import { errorText } from "@/lib/errors.ts";
import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { PreviewBanner } from "@/components/preview/PreviewBanner.tsx";
import { AttemptForm } from "@/components/quiz/AttemptForm.tsx";
import { QuizReviewList } from "@/components/quiz/QuizReviewList.tsx";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import {
  requireAssessment,
  scorePreview,
} from "@/lib/preview/assessment_preview.ts";
import { previewUrl } from "@/lib/preview/preview_kinds.ts";
import { getPreview, type Preview } from "@/lib/preview/preview_store.ts";
import { answersFromForm } from "@/lib/quiz/answer_form.ts";
import {
  attemptQuestions,
  type ModuleQuizView,
  publicQuestions,
  reviewAttempt,
} from "@/lib/quiz/quiz_page.ts";
import { ScoringInputError } from "@/lib/quiz/score.ts";

interface Data {
  preview: Preview;
  found: ModuleQuizView;
  error?: string;
}

async function load(ctx: {
  state: SignedInState;
  params: Record<string, string>;
}): Promise<Data> {
  const preview = await getPreview(
    ctx.state.kv,
    ctx.state.user.id,
    ctx.params.id,
  );
  return { preview, found: await requireAssessment(ctx.state.kv, preview) };
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    return ctx.render(await load(ctx));
  },
  async POST(req, ctx) {
    const loaded = await load(ctx);
    const questions = attemptQuestions(loaded.found, loaded.preview.attempt);
    try {
      await scorePreview(
        ctx.state.kv,
        ctx.state.user.id,
        loaded.preview.id,
        answersFromForm(await req.formData(), questions),
        new Date(),
      );
    } catch (e) {
      if (!(e instanceof ScoringInputError)) throw e;
      return ctx.render({ ...loaded, error: errorText(ctx.state.t, e) }, {
        status: 422,
      });
    }
    return seeOther(ctx.url.pathname);
  },
};

export default function PreviewRun(
  { data, state }: PageProps<Data, SignedInState>,
) {
  const { t } = state;
  const { found, preview } = data;
  const attempt = preview.attempt;
  const title = t("quiz.title", { module: found.moduleTitle });
  const again = previewUrl(preview.kind, attempt.courseId, preview.ref);
  if (attempt.status === "submitted" && attempt.result) {
    const r = attempt.result;
    const review = reviewAttempt(found, attempt, {
      true: t("check.true"),
      false: t("check.false"),
    });
    return (
      <>
        <Head>
          <title>{`${t("preview.label")} · ${title}`}</title>
        </Head>
        <PreviewBanner t={t} />
        <h1>{t("preview.result", { title })}</h1>
        <p class={`outcome ${r.passed ? "outcome-resolved" : "outcome-lost"}`}>
          {r.passed ? t("quiz.result.passed") : t("quiz.result.failed")}
        </p>
        <p class="lead">
          {t("quiz.result.score", {
            percent: r.percent,
            points: r.points,
            max: r.max,
          })}
        </p>
        <p class="meta">{t("preview.not_stored")}</p>
        <h2>{t("quiz.review")}</h2>
        <QuizReviewList items={review.items} t={t} />
        <p>
          <a class="button secondary" href={again}>{t("preview.again")}</a>
        </p>
      </>
    );
  }
  const questions = publicQuestions(
    attemptQuestions(found, attempt),
    attempt,
  );
  return (
    <>
      <Head>
        <title>{`${t("preview.label")} · ${title}`}</title>
      </Head>
      <PreviewBanner t={t} />
      <h1>{title}</h1>
      {data.error && (
        <p class="feedback wrong" role="alert">
          {t("quiz.error", { reason: data.error })}
        </p>
      )}
      <AttemptForm
        csrfToken={state.user.csrfToken}
        questions={questions}
        answers={attempt.answers}
        t={t}
        submit={t("preview.submit")}
      />
    </>
  );
}
