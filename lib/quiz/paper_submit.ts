/**
 * Submitting an open attempt's form, as the module quiz and exam pages do:
 * the idempotency key checked, the answers (and, when the paper asks them,
 * the confidence ratings) read against the attempt's questions, then graded
 * and stored on the server by `submitAttempt`. A refusal comes back as what
 * the page shows above the form again, already in the learner's language;
 * nothing is stored then.
 */
import type { FreshContext } from "$fresh/server.ts";
import type { Question, Rubric } from "@/lib/content/schema.ts";
import { errorText } from "@/lib/errors.ts";
import type { WithFound } from "@/lib/http/found_page.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { Attempt } from "@/lib/quiz/attempt.ts";
import { answersFromForm } from "@/lib/quiz/answer_form.ts";
import { autosaveAnswers } from "@/lib/quiz/autosave.ts";
import { AttemptClosedError, submitAttempt } from "@/lib/quiz/attempt_store.ts";
import {
  confidenceFromForm,
  ConfidenceInputError,
} from "@/lib/quiz/confidence.ts";
import { attemptQuestions, type ModuleQuizView } from "@/lib/quiz/quiz_page.ts";
import { ScoringInputError } from "@/lib/quiz/score.ts";

/** One open attempt as its page submits it. */
export interface Paper {
  attempt: Attempt;
  questions: readonly Question[];
  rubrics: readonly Rubric[];
  /** The module's or exam's title (the statements name it). */
  title: string;
  /** Whether the paper asks a confidence rating beside each question. */
  asksConfidence: boolean;
}

/** A module quiz's open attempt as a paper. */
export function modulePaper(found: ModuleQuizView, attempt: Attempt): Paper {
  return {
    attempt,
    questions: attemptQuestions(found, attempt),
    rubrics: found.rubrics,
    title: found.moduleTitle,
    asksConfidence: found.quiz.confidence === true,
  };
}

/** What the page shows with the form after a refused submission. */
export interface PaperRefusal {
  /** The reason for the alert, in words. */
  error?: string;
  /** The question whose confidence rating was refused. */
  confidenceError?: string;
  /** The attempt was closed meanwhile (time up, or submitted elsewhere). */
  notice?: "closed";
}

/** The message of a refused rating, naming its question by number. */
export function confidenceErrorText(
  t: Translate,
  questionIds: readonly string[],
  error: ConfidenceInputError,
): string {
  const n = questionIds.indexOf(error.questionId) + 1;
  return n === 0
    ? t("confidence.error_unknown")
    : t("confidence.field_error", { n });
}

/**
 * Submits `paper` from its form for `learner`. Answers null once stored (or
 * already stored under the same key), else the status and refusal to render.
 */
export async function submitPaper(
  kv: Deno.Kv,
  learner: { id: string; cohortId?: string },
  t: Translate,
  paper: Paper,
  form: FormData,
  now: Date,
): Promise<{ status: 409 | 422; refusal: PaperRefusal } | null> {
  const { attempt, questions } = paper;
  const key = String(form.get("idempotencyKey") ?? "");
  if (!/^[\w-]{8,100}$/.test(key)) {
    return { status: 422, refusal: { error: t("error.code.invalid") } };
  }
  try {
    await submitAttempt(kv, {
      learnerId: learner.id,
      attemptId: attempt.id,
      idempotencyKey: key,
      answers: answersFromForm(form, questions),
      questions,
      rubrics: paper.rubrics,
      moduleTitle: paper.title,
      cohortId: learner.cohortId,
      confidence: paper.asksConfidence
        ? confidenceFromForm(form, questions)
        : undefined,
    }, now);
    return null;
  } catch (e) {
    if (e instanceof ConfidenceInputError) {
      const ids = questions.map((q) => q.id);
      return {
        status: 422,
        refusal: {
          error: confidenceErrorText(t, ids, e),
          confidenceError: e.questionId,
        },
      };
    }
    if (e instanceof ScoringInputError) {
      return { status: 422, refusal: { error: errorText(t, e) } };
    }
    if (e instanceof AttemptClosedError) {
      return { status: 409, refusal: { notice: "closed" } };
    }
    throw e;
  }
}

/**
 * The POST of an attempt page: submits the paper `paperOf` names from the
 * form. A refusal renders the page again with it; once stored, `then` runs
 * (a certificate, a gain) and the page reloads with a 303, so a reload does
 * not resubmit.
 */
export function paperPost<D extends PaperRefusal>(
  paperOf: (data: D) => Paper,
  then?: (
    data: D,
    ctx: FreshContext<SignedInState, D>,
    now: Date,
  ) => Promise<void>,
): WithFound<D, D, SignedInState> {
  return async (data, req, ctx) => {
    const now = new Date();
    const refused = await submitPaper(
      ctx.state.kv,
      ctx.state.user,
      ctx.state.t,
      paperOf(data),
      await req.formData(),
      now,
    );
    if (refused) {
      return ctx.render({ ...data, ...refused.refusal }, {
        status: refused.status,
      });
    }
    await then?.(data, ctx, now);
    return seeOther(ctx.url.pathname);
  };
}

/**
 * The autosave POST of an attempt page: the same fields as the form, saved
 * while the paper is open (lib/quiz/autosave.ts).
 */
export function paperAutosave<T>(
  paperOf: (found: T) => Paper,
): WithFound<T, unknown, SignedInState> {
  return (found, req, ctx) => {
    const paper = paperOf(found);
    return autosaveAnswers(
      req,
      ctx.state,
      paper.attempt.id,
      paper.questions,
      { confidence: paper.asksConfidence },
    );
  };
}
