import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { CsrfField } from "@/components/CsrfField.tsx";
import { type ExamIntro, examIntro } from "@/lib/exam/exam_page.ts";
import { findExam } from "@/lib/exam/exam_view.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDateTime } from "@/lib/i18n/i18n.ts";
import { paperIntroHandlers } from "@/lib/quiz/paper_start.ts";

export const handler: Handlers<ExamIntro, SignedInState> = paperIntroHandlers(
  {
    find: (ctx) => findExam(ctx.state.kv, ctx.params.course, ctx.params.exam),
    intro: examIntro,
    spec: (view) => ({
      courseId: view.courseId,
      version: view.version,
      moduleId: view.key,
      quiz: view.quiz,
      questions: view.questions,
    }),
    attemptUrl: (view, id) =>
      `/courses/${view.courseId}/exams/${view.exam.id}/${id}`,
  },
);

/** The exam's rules, the learner's attempts, and the start button. */
export default function ExamIntroPage(
  { data, state }: PageProps<ExamIntro, SignedInState>,
) {
  const { t, lang } = state;
  const { view, blocked } = data;
  const exam = view.exam;
  const used = data.attempts.filter((a) => a.attempt.status === "submitted")
    .length;
  return (
    <>
      <OnboardingStyles />
      <Head>
        <title>{exam.title}</title>
      </Head>
      <h1>{exam.title}</h1>
      <ul>
        <li>
          {t("onboarding.exam.rules", {
            count: data.count,
            pass: exam.passPercent,
            minutes: exam.timeLimitMinutes,
          })}
        </li>
        {exam.maxAttempts && (
          <li>
            {t("onboarding.exam.attempts", { max: exam.maxAttempts, used })}
          </li>
        )}
        {exam.cooldownHours
          ? (
            <li>
              {t("onboarding.exam.cooldown", { hours: exam.cooldownHours })}
            </li>
          )
          : null}
        {(exam.scenarios?.length ?? 0) > 0 && (
          <li>
            {t("onboarding.exam.scenarios", {
              list: (exam.scenarios ?? []).map((s) =>
                view.scenarioTitles[s] ?? s
              ).join(t("onboarding.list_sep")),
            })}
          </li>
        )}
      </ul>
      {blocked
        ? (
          <p class="notice" role="status">
            {blocked.reason === "limit"
              ? t("onboarding.exam.blocked.limit")
              : t("onboarding.exam.blocked.cooldown", {
                time: formatDateTime(lang, blocked.until),
              })}
          </p>
        )
        : (
          <form method="post">
            <CsrfField token={state.user.csrfToken} />
            <button type="submit">
              {data.open
                ? t("onboarding.exam.resume")
                : t("onboarding.exam.start")}
            </button>
          </form>
        )}
      <h2>{t("onboarding.exam.history")}</h2>
      {data.attempts.filter((a) => a.outcome).length === 0
        ? <p class="meta">{t("onboarding.exam.no_history")}</p>
        : (
          <ol>
            {data.attempts.filter((a) => a.outcome).map((
              { attempt, outcome },
            ) => (
              <li key={attempt.id}>
                <a
                  href={`/courses/${view.courseId}/exams/${exam.id}/${attempt.id}`}
                >
                  {formatDateTime(lang, attempt.submittedAt!)} ·{" "}
                  {t("onboarding.exam.score", { percent: outcome!.percent })}
                  {" · "}
                  {outcome!.passed
                    ? t("onboarding.exam.passed")
                    : t("onboarding.exam.failed")}
                </a>
              </li>
            ))}
          </ol>
        )}
    </>
  );
}
