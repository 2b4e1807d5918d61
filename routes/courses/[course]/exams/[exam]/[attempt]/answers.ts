import type { Handlers } from "$fresh/server.ts";
import { examQuestions } from "@/lib/exam/exam_page.ts";
import { findExam } from "@/lib/exam/exam_view.ts";
import { fieldErrors } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { answersFromForm } from "@/lib/quiz/answer_form.ts";
import {
  AttemptClosedError,
  AttemptExpiredError,
  getAttempt,
  saveAnswers,
} from "@/lib/quiz/attempt_store.ts";
import { ScoringInputError } from "@/lib/quiz/score.ts";

const MAX_FORM_BYTES = 64 * 1024;

/** Autosave of an open exam attempt's answers; refused after the deadline. */
export const handler: Handlers<unknown, SignedInState> = {
  async POST(req, ctx) {
    const attempt = await getAttempt(
      ctx.state.kv,
      ctx.state.user.id,
      ctx.params.attempt,
    );
    const view = await findExam(
      ctx.state.kv,
      attempt.courseId,
      ctx.params.exam,
      attempt.version,
    );
    if (
      !view || view.courseId !== ctx.params.course ||
      view.key !== attempt.moduleId
    ) return ctx.renderNotFound();
    const text = await req.text();
    if (text.length > MAX_FORM_BYTES) {
      return fieldErrors(413, {
        body: `Body is larger than ${MAX_FORM_BYTES} bytes`,
      });
    }
    const questions = examQuestions(view, attempt);
    try {
      const saved = await saveAnswers(
        ctx.state.kv,
        ctx.state.user.id,
        attempt.id,
        answersFromForm(new URLSearchParams(text), questions),
        questions,
        new Date(),
      );
      return Response.json({
        status: saved.status,
        saved: Object.keys(saved.answers).length,
      });
    } catch (e) {
      if (e instanceof ScoringInputError) {
        return fieldErrors(422, { answers: e.message });
      }
      if (e instanceof AttemptClosedError) {
        return fieldErrors(409, { attempt: ctx.state.t("scoring.closed") });
      }
      if (e instanceof AttemptExpiredError) {
        return fieldErrors(409, { attempt: ctx.state.t("scoring.expired") });
      }
      throw e;
    }
  },
};
