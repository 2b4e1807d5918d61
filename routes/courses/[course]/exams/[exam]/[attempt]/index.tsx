import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { AttemptPaper } from "@/components/quiz/AttemptPaper.tsx";
import { getCourseView } from "@/lib/content/course_view.ts";
import { type ExamOutcome, examOutcome } from "@/lib/exam/exam_outcome.ts";
import {
  closeIfExpired,
  examPaper,
  examQuestions,
  requiredRuns,
  scenarioChecklist,
} from "@/lib/exam/exam_page.ts";
import { type ExamView, findLearnerExamAttempt } from "@/lib/exam/exam_view.ts";
import { recordGain } from "@/lib/exam/gain_store.ts";
import {
  foundHandlers,
  learnerRun,
  renderFound,
} from "@/lib/http/found_page.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDateTime } from "@/lib/i18n/i18n.ts";
import { refreshForLearner } from "@/lib/onboarding/today.ts";
import type { Attempt } from "@/lib/quiz/attempt.ts";
import { paperPost, type PaperRefusal } from "@/lib/quiz/paper_submit.ts";
import { publicQuestions } from "@/lib/quiz/quiz_page.ts";

interface Data extends PaperRefusal {
  view: ExamView;
  attempt: Attempt;
  outcome: ExamOutcome | null;
  scenarios: { id: string; title: string; done: boolean }[];
  minutesLeft: number;
}

/** The learner's own attempt (closed first if its time is up) and its verdict. */
async function load(
  kv: Deno.Kv,
  learnerId: string,
  params: Record<string, string>,
): Promise<Data | null> {
  const now = new Date();
  const loaded = await findLearnerExamAttempt(kv, learnerId, params);
  if (!loaded) return null;
  const { view } = loaded;
  const attempt = await closeIfExpired(kv, view, loaded.attempt, now);
  const runs = await requiredRuns(kv, view, learnerId);
  return {
    view,
    attempt,
    outcome: examOutcome(view.exam, attempt, runs),
    scenarios: scenarioChecklist(view, attempt, runs, now),
    minutesLeft: attempt.deadline
      ? Math.max(
        0,
        Math.ceil((attempt.deadline.getTime() - now.getTime()) / 60_000),
      )
      : 0,
  };
}

export const handler: Handlers<Data, SignedInState> = foundHandlers(
  learnerRun(load),
  {
    GET: renderFound,
    POST: paperPost<Data>(
      (d) => examPaper(d.view, d.attempt),
      async ({ view }, ctx, now) => {
        if (view.exam.kind === "posttest") {
          const course = await getCourseView(ctx.state.kv, view.courseId);
          await recordGain(
            ctx.state.kv,
            ctx.state.user.id,
            view.courseId,
            course?.published.exams ?? [],
            now,
          );
        }
        // Passing the last missing rule issues the certificate at once.
        await refreshForLearner(ctx.state.kv, ctx.state.user, ctx.url, now);
      },
    ),
  },
);

/** One exam attempt: the questions while open, the verdict once submitted. */
export default function ExamAttemptPage(
  { data, url, state }: PageProps<Data, SignedInState>,
) {
  const { t, lang } = state;
  const { view, attempt, outcome } = data;
  const exam = view.exam;
  const checklist = (
    <>
      {data.scenarios.length > 0 && (
        <>
          <h2>{t("onboarding.exam.required_scenarios")}</h2>
          <ul class="plan-list">
            {data.scenarios.map((s) => (
              <li key={s.id}>
                <a href={`/courses/${view.courseId}/scenarios/${s.id}`}>
                  {s.title}
                </a>{" "}
                ·{" "}
                <span class="state-word">
                  {s.done
                    ? t("onboarding.exam.scenario_done")
                    : t("onboarding.exam.scenario_todo")}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
  if (attempt.status === "submitted" && outcome) {
    return (
      <>
        <OnboardingStyles />
        <Head>
          <title>{`${t("onboarding.exam.result")} · ${exam.title}`}</title>
        </Head>
        <h1>{t("onboarding.exam.result")}</h1>
        {data.notice === "closed" && (
          <p class="notice">{t("onboarding.exam.closed")}</p>
        )}
        <p
          class={`outcome ${
            outcome.passed ? "outcome-resolved" : "outcome-lost"
          }`}
          data-testid="exam-verdict"
        >
          {outcome.passed
            ? t("onboarding.exam.passed")
            : t("onboarding.exam.failed")}
        </p>
        <p class="lead">
          {t("onboarding.exam.score_of", {
            percent: outcome.percent,
            pass: exam.passPercent,
          })}
        </p>
        {!outcome.withinTime && (
          <p class="notice">{t("onboarding.exam.late")}</p>
        )}
        {outcome.scenariosMissing.length > 0 && (
          <p class="notice">
            {t("onboarding.exam.scenarios_missing", {
              list: outcome.scenariosMissing.map((s) =>
                view.scenarioTitles[s] ?? s
              ).join(t("onboarding.list_sep")),
            })}
          </p>
        )}
        {checklist}
        <p>
          <a href="/">{t("onboarding.exam.to_today")}</a>
          {" · "}
          <a href={`/courses/${view.courseId}/exams/${exam.id}`}>
            {t("onboarding.exam.back")}
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <OnboardingStyles />
      <AttemptPaper
        headTitle={exam.title}
        title={exam.title}
        t={t}
        csrfToken={state.user.csrfToken}
        attempt={attempt}
        questions={publicQuestions(examQuestions(view, attempt), attempt)}
        submit={t("onboarding.exam.submit")}
        timer={attempt.deadline && (
          <p class="timer" role="status">
            {t("onboarding.exam.time_left", {
              minutes: data.minutesLeft,
              time: formatDateTime(lang, attempt.deadline),
            })}
          </p>
        )}
        // Only a refused rating is named; any other refusal says to check the answers.
        alert={data.error &&
          (data.confidenceError ? data.error : t("onboarding.exam.error"))}
        asksConfidence={view.quiz.confidence === true}
        refusedConfidence={data.confidenceError}
        autosave={{
          saveUrl: `${url.pathname}/answers`,
        }}
      >
        {checklist}
      </AttemptPaper>
    </>
  );
}
