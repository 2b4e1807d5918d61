import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { PreviewBanner } from "@/components/preview/PreviewBanner.tsx";
import { PaperHeading } from "@/components/quiz/PaperHeading.tsx";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import {
  findAssessment,
  startPreview,
} from "@/lib/preview/assessment_preview.ts";
import { isAssessmentKind } from "@/lib/preview/preview_kinds.ts";
import type { ModuleQuizView } from "@/lib/quiz/quiz_page.ts";

interface Data {
  found: ModuleQuizView;
  count: number;
}

async function load(ctx: {
  state: SignedInState;
  params: Record<string, string>;
}) {
  const { kind, course, ref } = ctx.params;
  if (!isAssessmentKind(kind)) return null;
  const found = await findAssessment(ctx.state.kv, kind, course, ref);
  return found ? { kind, found } : null;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const loaded = await load(ctx);
    if (!loaded) return ctx.renderNotFound();
    const { found } = loaded;
    return ctx.render({
      found,
      count: found.quiz.draw.reduce((n, r) => n + r.count, 0),
    });
  },
  async POST(_req, ctx) {
    const loaded = await load(ctx);
    if (!loaded) return ctx.renderNotFound();
    const preview = await startPreview(
      ctx.state.kv,
      ctx.state.user.id,
      loaded.kind,
      ctx.params.ref,
      loaded.found,
      new Date(),
    );
    return seeOther(`/preview/runs/${preview.id}`);
  },
};

export default function PreviewIntro(
  { data, state }: PageProps<Data, SignedInState>,
) {
  const { t } = state;
  const { found } = data;
  const title = t("quiz.title", { module: found.moduleTitle });
  return (
    <>
      <PaperHeading
        headTitle={`${t("preview.label")} · ${title}`}
        title={title}
        top={<PreviewBanner t={t} />}
      />
      <p class="meta">{found.courseTitle} · v{found.version}</p>
      <ul class="quiz-rules">
        <li>
          {t("quiz.rules", { count: data.count, pass: found.quiz.passPercent })}
        </li>
        {found.quiz.timeLimitMinutes && (
          <li>{t("quiz.limit", { minutes: found.quiz.timeLimitMinutes })}</li>
        )}
        {found.quiz.maxAttempts && (
          <li>{t("preview.attempts", { max: found.quiz.maxAttempts })}</li>
        )}
      </ul>
      <form method="post">
        <CsrfField token={state.user.csrfToken} />
        <button type="submit">{t("preview.start")}</button>
      </form>
    </>
  );
}
