import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { CsrfField } from "@/components/CsrfField.tsx";
import { foundHandlers } from "@/lib/http/found_page.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDateTime, type Translate } from "@/lib/i18n/i18n.ts";
import { refreshForLearner } from "@/lib/onboarding/today.ts";
import {
  answersFromSurveyForm,
  MAX_SURVEY_TEXT,
  type SurveyAnswer,
  type SurveyProblem,
} from "@/lib/survey/survey_answers.ts";
import { type SurveyPage, surveyPage } from "@/lib/survey/survey_page.ts";
import {
  submitResponse,
  SurveyClosedError,
} from "@/lib/survey/survey_response_store.ts";

interface Data {
  page: SurveyPage;
  /** Answers to show: the ones just sent (on an error) or the stored ones. */
  answers: Record<string, SurveyAnswer>;
  problems: SurveyProblem[];
  saved: boolean;
  closed: boolean;
}

export const handler: Handlers<Data, SignedInState> = foundHandlers(
  (ctx) =>
    surveyPage(
      ctx.state.kv,
      ctx.params.course,
      ctx.params.survey,
      ctx.state.user.id,
    ),
  {
    GET: (page, _req, ctx) =>
      ctx.render({
        page,
        answers: page.response?.answers ?? {},
        problems: [],
        saved: ctx.url.searchParams.get("saved") === "1",
        closed: isClosed(page, new Date()),
      }),
    async POST(page, req, ctx) {
      const now = new Date();
      const { answers, problems } = answersFromSurveyForm(
        page.survey,
        await req.formData(),
      );
      const closed = isClosed(page, now);
      if (problems.length > 0 || closed) {
        return ctx.render({ page, answers, problems, saved: false, closed }, {
          status: closed ? 409 : 422,
        });
      }
      try {
        await submitResponse(ctx.state.kv, {
          survey: page.survey,
          learnerId: ctx.state.user.id,
          courseId: page.courseId,
          contentVersion: page.version,
          cohortId: page.cohortId ?? undefined,
          answers,
          closesAt: page.closesAt,
        }, now);
      } catch (e) {
        if (!(e instanceof SurveyClosedError)) throw e;
        return ctx.render(
          { page, answers, problems, saved: false, closed: true },
          { status: 409 },
        );
      }
      await refreshForLearner(ctx.state.kv, ctx.state.user, ctx.url, now);
      return seeOther(`${ctx.url.pathname}?saved=1`);
    },
  },
);

/** Whether the survey has closed for answers (edits too). */
function isClosed(page: SurveyPage, now: Date): boolean {
  return page.closesAt !== null && now > page.closesAt;
}

/** A reaction survey: Likert, NPS, choices and comments; editable until it closes. */
export default function SurveyPageView(
  { data, state }: PageProps<Data, SignedInState>,
) {
  const { t, lang } = state;
  const { page, answers, problems } = data;
  const problemOf = (id: string) => problems.find((p) => p.questionId === id);
  return (
    <>
      <OnboardingStyles />
      <Head>
        <title>{page.survey.title}</title>
      </Head>
      <h1>{page.survey.title}</h1>
      {page.survey.anonymous && (
        <p class="meta">{t("onboarding.survey.anonymous")}</p>
      )}
      {data.saved && (
        <p class="notice" role="status">{t("onboarding.survey.saved")}</p>
      )}
      {page.closesAt && (
        <p class="meta">
          {data.closed
            ? t("onboarding.survey.closed")
            : t("onboarding.survey.closes", {
              time: formatDateTime(lang, page.closesAt),
            })}
        </p>
      )}
      {problems.length > 0 && (
        <p class="feedback wrong" role="alert">
          {t("onboarding.survey.fix")}
        </p>
      )}
      <form method="post" class="survey-form">
        <CsrfField token={state.user.csrfToken} />
        {page.survey.questions.map((q, n) => {
          const problem = problemOf(q.id);
          const name = `q_${q.id}`;
          const errId = `err-${q.id}`;
          const value = answers[q.id];
          const scale = scaleOf(q, t);
          return (
            <fieldset
              key={q.id}
              aria-describedby={problem ? errId : undefined}
              disabled={data.closed}
            >
              <legend>
                {n + 1}. {q.prompt}
                {q.optional && (
                  <span class="meta">{t("onboarding.survey.optional")}</span>
                )}
              </legend>
              {scale && (
                <div class="scale">
                  {scale.map(({ value: v, label }) => (
                    <label key={v}>
                      <input
                        type="radio"
                        name={name}
                        value={v}
                        checked={value === v}
                      />
                      {label}
                    </label>
                  ))}
                </div>
              )}
              {q.type === "nps" && (
                <p class="meta">{t("onboarding.survey.nps_hint")}</p>
              )}
              {q.type === "text" && (
                <textarea
                  name={name}
                  rows={3}
                  maxlength={MAX_SURVEY_TEXT}
                  aria-label={q.prompt}
                >
                  {typeof value === "string" ? value : ""}
                </textarea>
              )}
              {problem && (
                <p class="field-error" id={errId}>
                  {t(`onboarding.survey.problem.${problem.code}`)}
                </p>
              )}
            </fieldset>
          );
        })}
        {!data.closed && (
          <button type="submit">
            {page.response
              ? t("onboarding.survey.update")
              : t("onboarding.survey.submit")}
          </button>
        )}
      </form>
    </>
  );
}

/** The radio options of a question with a scale (Likert, NPS, choice), or null. */
function scaleOf(
  q: SurveyPage["survey"]["questions"][number],
  t: Translate,
): { value: number; label: string }[] | null {
  switch (q.type) {
    case "likert":
      return ([1, 2, 3, 4, 5] as const).map((v) => ({
        value: v,
        label: t(`onboarding.survey.likert.${v}`),
      }));
    case "nps":
      return Array.from({ length: 11 }, (_, v) => ({
        value: v,
        label: String(v),
      }));
    case "choice":
      return q.options.map((o, i) => ({ value: i, label: o }));
    default:
      return null;
  }
}
