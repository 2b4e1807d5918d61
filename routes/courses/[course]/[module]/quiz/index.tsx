import { Head } from "$fresh/runtime.ts";
import type { Handler, Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDateTime } from "@/lib/i18n/i18n.ts";
import { paperIntroHandlers } from "@/lib/quiz/paper_start.ts";
import { isPreviewRole, previewUrl } from "@/lib/preview/preview_kinds.ts";
import { type QuizIntro, quizIntro } from "@/lib/quiz/quiz_intro.ts";
import { findModuleQuiz } from "@/lib/quiz/quiz_page.ts";
import { ReviewLessons } from "@/components/quiz/ReviewLessons.tsx";

const quizHandlers = paperIntroHandlers({
  find: (ctx) =>
    findModuleQuiz(ctx.state.kv, ctx.params.course, ctx.params.module),
  intro: quizIntro,
  spec: (found) => ({
    courseId: found.courseId,
    version: found.version,
    moduleId: found.moduleId,
    quiz: found.quiz,
    questions: found.questions,
  }),
  attemptUrl: (found, id) =>
    `/courses/${found.courseId}/${found.moduleId}/quiz/${id}`,
});

/** Staff do not take quizzes: they preview them (see lib/preview/). */
function learnersOnly(
  handle: Handler<QuizIntro, SignedInState>,
): Handler<QuizIntro, SignedInState> {
  return (req, ctx) =>
    isPreviewRole(ctx.state.user.role)
      ? seeOther(previewUrl("quiz", ctx.params.course, ctx.params.module))
      : handle(req, ctx);
}

export const handler: Handlers<QuizIntro, SignedInState> = {
  GET: learnersOnly(quizHandlers.GET!),
  POST: learnersOnly(quizHandlers.POST!),
};

export default function QuizIntroPage(
  { data, state }: PageProps<QuizIntro, SignedInState>,
) {
  const { t, lang } = state;
  const { found, blocked } = data;
  const quiz = found.quiz;
  const fmt = (d: Date) => formatDateTime(lang, d);
  return (
    <>
      <Head>
        <title>{t("quiz.title", { module: found.moduleTitle })}</title>
      </Head>
      <nav aria-label={t("course.modules")}>
        <ol class="breadcrumbs">
          <li>
            <a href={`/courses/${found.courseId}`}>{found.courseTitle}</a>
          </li>
          <li>
            <a href={`/courses/${found.courseId}/${found.moduleId}`}>
              {found.moduleTitle}
            </a>
          </li>
          <li aria-current="page">{t("learner.module.quiz")}</li>
        </ol>
      </nav>
      <h1>{t("quiz.title", { module: found.moduleTitle })}</h1>
      <ul class="quiz-rules">
        <li>
          {t("quiz.rules", { count: data.count, pass: quiz.passPercent })}
        </li>
        {quiz.timeLimitMinutes && (
          <li>{t("quiz.limit", { minutes: quiz.timeLimitMinutes })}</li>
        )}
        {quiz.maxAttempts && (
          <li>
            {t("quiz.attempts", {
              max: quiz.maxAttempts,
              used: data.attempts.filter((a) =>
                a.status === "submitted"
              ).length,
            })}
          </li>
        )}
        {quiz.cooldownMinutes
          ? <li>{t("quiz.cooldown", { minutes: quiz.cooldownMinutes })}</li>
          : null}
      </ul>
      {blocked
        ? (
          <>
            <p class="notice" role="status">
              {blocked.reason === "limit"
                ? t("quiz.blocked.limit")
                : t("quiz.blocked.cooldown", { time: fmt(blocked.until) })}
            </p>
            <ReviewLessons lessons={data.review} t={t} />
          </>
        )
        : (
          <form method="post">
            <CsrfField token={state.user.csrfToken} />
            <button type="submit">
              {data.open ? t("quiz.resume") : t("quiz.start")}
            </button>
          </form>
        )}
      <h2>{t("quiz.history")}</h2>
      {data.attempts.filter((a) => a.result).length === 0
        ? <p class="meta">{t("quiz.no_history")}</p>
        : (
          <ol class="attempt-list">
            {data.attempts.filter((a) => a.result).map((a) => (
              <li key={a.id}>
                <a
                  href={`/courses/${found.courseId}/${found.moduleId}/quiz/${a.id}`}
                >
                  {fmt(a.submittedAt!)} · {t("quiz.result.score", {
                    percent: a.result!.percent,
                    points: a.result!.points,
                    max: a.result!.max,
                  })}
                  {" · "}
                  {a.result!.passed
                    ? t("quiz.result.passed")
                    : t("quiz.result.failed")}
                </a>
              </li>
            ))}
          </ol>
        )}
    </>
  );
}
