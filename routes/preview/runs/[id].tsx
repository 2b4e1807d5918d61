import { errorText } from "@/lib/errors.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { PreviewBanner } from "@/components/preview/PreviewBanner.tsx";
import { AttemptPaper } from "@/components/quiz/AttemptPaper.tsx";
import { QuizResultView } from "@/components/quiz/QuizResultView.tsx";
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
  const banner = <PreviewBanner t={t} />;
  if (attempt.status === "submitted" && attempt.result) {
    return (
      <QuizResultView
        headTitle={`${t("preview.label")} · ${title}`}
        title={t("preview.result", { title })}
        t={t}
        found={found}
        attempt={attempt}
        result={attempt.result}
        stored={t("preview.not_stored")}
        top={banner}
        back={{
          href: previewUrl(preview.kind, attempt.courseId, preview.ref),
          label: t("preview.again"),
        }}
      />
    );
  }
  return (
    <AttemptPaper
      headTitle={`${t("preview.label")} · ${title}`}
      title={title}
      t={t}
      csrfToken={state.user.csrfToken}
      attempt={attempt}
      questions={publicQuestions(attemptQuestions(found, attempt), attempt)}
      submit={t("preview.submit")}
      top={banner}
      alert={data.error && t("quiz.error", { reason: data.error })}
    />
  );
}
