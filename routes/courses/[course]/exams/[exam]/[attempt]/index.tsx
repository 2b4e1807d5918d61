import { errorText } from "@/lib/errors.ts";
import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { AttemptForm } from "@/components/quiz/AttemptForm.tsx";
import QuizAutosave from "@/islands/QuizAutosave.tsx";
import { getCourseView } from "@/lib/content/course_view.ts";
import { type ExamOutcome, examOutcome } from "@/lib/exam/exam_outcome.ts";
import {
  closeIfExpired,
  examQuestions,
  requiredRuns,
  scenarioChecklist,
} from "@/lib/exam/exam_page.ts";
import { type ExamView, findLearnerExamAttempt } from "@/lib/exam/exam_view.ts";
import { recordGain } from "@/lib/exam/gain_store.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDateTime } from "@/lib/i18n/i18n.ts";
import { refreshForLearner } from "@/lib/onboarding/today.ts";
import type { Attempt } from "@/lib/quiz/attempt.ts";
import { answersFromForm } from "@/lib/quiz/answer_form.ts";
import { AttemptClosedError, submitAttempt } from "@/lib/quiz/attempt_store.ts";
import { publicQuestions } from "@/lib/quiz/quiz_page.ts";
import { ScoringInputError } from "@/lib/quiz/score.ts";

interface Data {
  view: ExamView;
  attempt: Attempt;
  outcome: ExamOutcome | null;
  scenarios: { id: string; title: string; done: boolean }[];
  minutesLeft: number;
  error?: string;
  notice?: "closed";
}

async function load(
  ctx: { state: SignedInState; params: Record<string, string> },
  now: Date,
): Promise<Data | null> {
  const loaded = await findLearnerExamAttempt(
    ctx.state.kv,
    ctx.state.user.id,
    ctx.params,
  );
  if (!loaded) return null;
  const { view } = loaded;
  const stored = loaded.attempt;
  const attempt = await closeIfExpired(ctx.state.kv, view, stored, now);
  const runs = await requiredRuns(ctx.state.kv, view, ctx.state.user.id);
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

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const data = await load(ctx, new Date());
    return data ? ctx.render(data) : ctx.renderNotFound();
  },
  async POST(req, ctx) {
    const now = new Date();
    const data = await load(ctx, now);
    if (!data) return ctx.renderNotFound();
    const { view, attempt } = data;
    const form = await req.formData();
    const key = String(form.get("idempotencyKey") ?? "");
    if (!/^[\w-]{8,100}$/.test(key)) {
      return ctx.render({ ...data, error: "idempotencyKey" }, { status: 422 });
    }
    const questions = examQuestions(view, attempt);
    try {
      await submitAttempt(ctx.state.kv, {
        learnerId: ctx.state.user.id,
        attemptId: attempt.id,
        idempotencyKey: key,
        answers: answersFromForm(form, questions),
        questions,
        rubrics: view.rubrics,
        moduleTitle: view.exam.title,
        cohortId: ctx.state.user.cohortId,
      }, now);
    } catch (e) {
      if (e instanceof ScoringInputError) {
        return ctx.render({ ...data, error: errorText(ctx.state.t, e) }, {
          status: 422,
        });
      }
      if (e instanceof AttemptClosedError) {
        return ctx.render({ ...data, notice: "closed" }, { status: 409 });
      }
      throw e;
    }
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
    return seeOther(new URL(req.url).pathname);
  },
};

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
  const questions = publicQuestions(examQuestions(view, attempt), attempt);
  return (
    <>
      <OnboardingStyles />
      <Head>
        <title>{exam.title}</title>
      </Head>
      <h1>{exam.title}</h1>
      {attempt.deadline && (
        <p class="timer" role="status">
          {t("onboarding.exam.time_left", {
            minutes: data.minutesLeft,
            time: formatDateTime(lang, attempt.deadline),
          })}
        </p>
      )}
      {data.error && (
        <p class="feedback wrong" role="alert">
          {t("onboarding.exam.error")}
        </p>
      )}
      {checklist}
      <QuizAutosave
        saveUrl={`${url.pathname}/answers`}
        csrfToken={state.user.csrfToken}
        labels={{
          saved: t("quiz.saved"),
          saving: t("quiz.saving"),
          failed: t("quiz.save_failed"),
        }}
      >
        <AttemptForm
          csrfToken={state.user.csrfToken}
          questions={questions}
          answers={attempt.answers}
          t={t}
          submit={t("onboarding.exam.submit")}
          idempotent
        />
      </QuizAutosave>
    </>
  );
}
