import { errorText } from "@/lib/errors.ts";
import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { AttemptForm } from "@/components/quiz/AttemptForm.tsx";
import { QuizReviewList } from "@/components/quiz/QuizReviewList.tsx";
import QuizAutosave from "@/islands/QuizAutosave.tsx";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import type { Attempt } from "@/lib/quiz/attempt.ts";
import { AttemptClosedError, submitAttempt } from "@/lib/quiz/attempt_store.ts";
import { answersFromForm } from "@/lib/quiz/answer_form.ts";
import {
  attemptQuestions,
  findLearnerAttempt,
  type ModuleQuizView,
  publicQuestions,
  reviewAttempt,
} from "@/lib/quiz/quiz_page.ts";
import { ScoringInputError } from "@/lib/quiz/score.ts";
import { type RetakeStatus, retakeStatus } from "@/lib/quiz/retake.ts";
import { listAttempts } from "@/lib/quiz/attempt_store.ts";

interface Data {
  found: ModuleQuizView;
  attempt: Attempt;
  /** After submission: attempts left and when the next one opens. */
  retake?: RetakeStatus;
  error?: string;
  notice?: "closed";
}

async function load(
  ctx: { state: SignedInState; params: Record<string, string> },
) {
  const loaded = await findLearnerAttempt(
    ctx.state.kv,
    ctx.state.user.id,
    ctx.params,
  );
  if (!loaded) return null;
  const { attempt, found } = loaded;
  if (attempt.status !== "submitted") return { attempt, found };
  const submitted = (await listAttempts(
    ctx.state.kv,
    ctx.state.user.id,
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

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const loaded = await load(ctx);
    return loaded ? ctx.render(loaded) : ctx.renderNotFound();
  },
  async POST(req, ctx) {
    const loaded = await load(ctx);
    if (!loaded) return ctx.renderNotFound();
    const { found, attempt } = loaded;
    const form = await req.formData();
    const questions = attemptQuestions(found, attempt);
    const key = String(form.get("idempotencyKey") ?? "");
    if (!/^[\w-]{8,100}$/.test(key)) {
      return ctx.render({
        ...loaded,
        error: ctx.state.t("error.code.invalid"),
      }, { status: 422 });
    }
    try {
      await submitAttempt(ctx.state.kv, {
        learnerId: ctx.state.user.id,
        attemptId: attempt.id,
        idempotencyKey: key,
        answers: answersFromForm(form, questions),
        questions,
        rubrics: found.rubrics,
        moduleTitle: found.moduleTitle,
        cohortId: ctx.state.user.cohortId,
      }, new Date());
      return seeOther(ctx.url.pathname);
    } catch (e) {
      if (e instanceof ScoringInputError) {
        return ctx.render({ ...loaded, error: errorText(ctx.state.t, e) }, {
          status: 422,
        });
      }
      if (e instanceof AttemptClosedError) {
        return ctx.render({ ...loaded, notice: "closed" }, { status: 409 });
      }
      throw e;
    }
  },
};

export default function AttemptPage(
  { data, url, state }: PageProps<Data, SignedInState>,
) {
  const { t, lang } = state;
  const { found, attempt } = data;
  const title = t("quiz.title", { module: found.moduleTitle });
  if (attempt.status === "submitted" && attempt.result) {
    const r = attempt.result;
    const review = reviewAttempt(found, attempt, {
      true: t("check.true"),
      false: t("check.false"),
    });
    return (
      <>
        <Head>
          <title>{`${t("quiz.result.title")} · ${title}`}</title>
        </Head>
        <h1>{t("quiz.result.title")}</h1>
        {data.notice === "closed" && <p class="notice">{t("quiz.closed")}</p>}
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
        <p class="meta">{t("quiz.result.stored")}</p>
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
        <h2>{t("quiz.weak")}</h2>
        {review.weakSkills.length === 0
          ? <p>{t("quiz.weak.none")}</p>
          : (
            <ul class="weak-skills">
              {review.weakSkills.map((s) => (
                <li key={s.id}>
                  <strong>{s.title}</strong>
                  {s.lessons.map((l) => (
                    <span key={l.url}>
                      {" · "}
                      <a href={l.url}>{l.title}</a>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
        <h2>{t("quiz.review")}</h2>
        <QuizReviewList items={review.items} t={t} />
        <p>
          <a
            class="button secondary"
            href={`/courses/${found.courseId}/${found.moduleId}/quiz`}
          >
            {t("quiz.back")}
          </a>
        </p>
      </>
    );
  }
  const questions = publicQuestions(attemptQuestions(found, attempt), attempt);
  return (
    <>
      <Head>
        <title>{title}</title>
      </Head>
      <h1>{title}</h1>
      {attempt.deadline && (
        <p class="meta deadline">
          {t("quiz.deadline", {
            time: attempt.deadline.toLocaleTimeString(lang, {
              timeZone: "Asia/Shanghai",
            }),
          })}
        </p>
      )}
      {data.error && (
        <p class="feedback wrong" role="alert">
          {t("quiz.error", { reason: data.error })}
        </p>
      )}
      <QuizAutosave
        saveUrl={`${url.pathname}/answers`}
        csrfToken={state.user.csrfToken}
        labels={{
          saved: t("quiz.saved"),
          saving: t("quiz.saving"),
          failed: t("quiz.save_failed"),
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
        }}
        questions={questions.map((q, i) => ({ id: q.id, n: i + 1 }))}
        answered={Object.keys(attempt.answers)}
        deadline={attempt.deadline?.toISOString() ?? null}
        serverNow={new Date().toISOString()}
      >
        <AttemptForm
          csrfToken={state.user.csrfToken}
          questions={questions}
          answers={attempt.answers}
          t={t}
          submit={t("quiz.submit")}
          idempotent
        />
      </QuizAutosave>
    </>
  );
}
