import type { Handlers } from "$fresh/server.ts";
import { fieldErrors } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { answersFromForm } from "@/lib/quiz/answer_form.ts";
import {
  AttemptClosedError,
  AttemptExpiredError,
  getAttempt,
  saveAnswers,
} from "@/lib/quiz/attempt_store.ts";
import { attemptQuestions, findModuleQuiz } from "@/lib/quiz/quiz_page.ts";
import { ScoringInputError } from "@/lib/quiz/score.ts";

const MAX_FORM_BYTES = 64 * 1024;

/** Autosave of an open attempt's answers (the same fields as the form). */
export const handler: Handlers<unknown, SignedInState> = {
  async POST(req, ctx) {
    const attempt = await getAttempt(
      ctx.state.kv,
      ctx.state.user.id,
      ctx.params.attempt,
    );
    const found = await findModuleQuiz(
      ctx.state.kv,
      attempt.courseId,
      attempt.moduleId,
      attempt.version,
    );
    if (
      !found || found.courseId !== ctx.params.course ||
      found.moduleId !== ctx.params.module
    ) return ctx.renderNotFound();
    if (Number(req.headers.get("content-length") ?? 0) > MAX_FORM_BYTES) {
      return fieldErrors(413, {
        body: `Body is larger than ${MAX_FORM_BYTES} bytes`,
      });
    }
    const text = await req.text();
    if (text.length > MAX_FORM_BYTES) {
      return fieldErrors(413, {
        body: `Body is larger than ${MAX_FORM_BYTES} bytes`,
      });
    }
    const questions = attemptQuestions(found, attempt);
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
