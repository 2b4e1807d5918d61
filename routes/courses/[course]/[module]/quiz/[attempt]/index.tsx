import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { AttemptPaper } from "@/components/quiz/AttemptPaper.tsx";
import { QuizResultView } from "@/components/quiz/QuizResultView.tsx";
import {
  foundHandlers,
  learnerRun,
  renderFound,
} from "@/lib/http/found_page.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import type { Attempt } from "@/lib/quiz/attempt.ts";
import { listAttempts } from "@/lib/quiz/attempt_store.ts";
import {
  modulePaper,
  paperPost,
  type PaperRefusal,
} from "@/lib/quiz/paper_submit.ts";
import {
  attemptQuestions,
  findLearnerAttempt,
  type ModuleQuizView,
  publicQuestions,
} from "@/lib/quiz/quiz_page.ts";
import { type RetakeStatus, retakeStatus } from "@/lib/quiz/retake.ts";

interface Data extends PaperRefusal {
  found: ModuleQuizView;
  attempt: Attempt;
  /** After submission: attempts left and when the next one opens. */
  retake?: RetakeStatus;
}

/** The learner's own attempt, with the retake status once submitted. */
async function load(
  kv: Deno.Kv,
  learnerId: string,
  params: Record<string, string>,
): Promise<Data | null> {
  const loaded = await findLearnerAttempt(kv, learnerId, params);
  if (!loaded) return null;
  const { attempt, found } = loaded;
  if (attempt.status !== "submitted") return { attempt, found };
  const submitted = (await listAttempts(
    kv,
    learnerId,
    found.courseId,
    found.moduleId,
    50,
  )).filter((a) => a.status === "submitted");
  return {
    attempt,
    found,
    retake: retakeStatus(found.quiz, submitted, new Date()),
  };
}

export const handler: Handlers<Data, SignedInState> = foundHandlers(
  learnerRun(load),
  {
    GET: renderFound,
    POST: paperPost<Data>((d) => modulePaper(d.found, d.attempt)),
  },
);

export default function AttemptPage(
  { data, url, state }: PageProps<Data, SignedInState>,
) {
  const { t, lang } = state;
  const { found, attempt } = data;
  const title = t("quiz.title", { module: found.moduleTitle });
  if (attempt.status === "submitted" && attempt.result) {
    const r = attempt.result;
    return (
      <QuizResultView
        headTitle={`${t("quiz.result.title")} · ${title}`}
        title={t("quiz.result.title")}
        t={t}
        found={found}
        attempt={attempt}
        result={r}
        stored={t("quiz.result.stored")}
        notice={data.notice === "closed" ? t("quiz.closed") : undefined}
        weakSkills
        back={{
          href: `/courses/${found.courseId}/${found.moduleId}/quiz`,
          label: t("quiz.back"),
        }}
      >
        {r.timeExpired && <p class="notice">{t("quiz.result.expired")}</p>}
        {data.retake && (
          <section class="retake" aria-label={t("learner.quiz.retry")}>
            <p class="retake-left">
              {data.retake.left === null
                ? t("learner.quiz.attempts_unlimited")
                : data.retake.left === 0
                ? t("learner.quiz.attempts_none")
                : t("learner.quiz.attempts_left", {
                  count: data.retake.left,
                })} {data.retake.opensAt
                ? t("learner.quiz.next_open", { time: data.retake.opensAt })
                : data.retake.canStart
                ? t("learner.quiz.next_now")
                : ""}
            </p>
            {data.retake.canStart && !r.passed && (
              <form
                method="post"
                action={`/courses/${found.courseId}/${found.moduleId}/quiz`}
              >
                <CsrfField token={state.user.csrfToken} />
                <button type="submit">{t("learner.quiz.retry")}</button>
              </form>
            )}
          </section>
        )}
      </QuizResultView>
    );
  }
  const questions = publicQuestions(attemptQuestions(found, attempt), attempt);
  return (
    <AttemptPaper
      headTitle={title}
      title={title}
      t={t}
      csrfToken={state.user.csrfToken}
      attempt={attempt}
      questions={questions}
      submit={t("quiz.submit")}
      timer={attempt.deadline && (
        <p class="meta deadline">
          {t("quiz.deadline", {
            time: attempt.deadline.toLocaleTimeString(lang, {
              timeZone: "Asia/Shanghai",
            }),
          })}
        </p>
      )}
      alert={data.error && t("quiz.error", { reason: data.error })}
      asksConfidence={found.quiz.confidence === true}
      refusedConfidence={data.confidenceError}
      autosave={{
        saveUrl: `${url.pathname}/answers`,
        labels: {
          timeLeft: t("learner.quiz.time_left"),
          timeUp: t("learner.quiz.time_up"),
          answered: t("learner.quiz.answered", {
            done: "{done}",
            total: "{total}",
          }),
          navigator: t("learner.quiz.navigator"),
          questionAnswered: t("learner.quiz.question_answered", { n: "{n}" }),
          questionOpen: t("learner.quiz.question_open", { n: "{n}" }),
          question: t("learner.quiz.question", { n: "{n}" }),
          separator: t("learner.list_separator"),
          confirmTitle: t("learner.quiz.confirm_title"),
          confirmBody: t("learner.quiz.confirm_body", { list: "{list}" }),
          confirmSubmit: t("learner.quiz.confirm_submit"),
          confirmBack: t("learner.quiz.confirm_back"),
        },
        questions: questions.map((q, i) => ({ id: q.id, n: i + 1 })),
        answered: Object.keys(attempt.answers),
        deadline: attempt.deadline?.toISOString() ?? null,
        serverNow: new Date().toISOString(),
      }}
    />
  );
}
