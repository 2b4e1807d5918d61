import type { Handlers } from "$fresh/server.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { getAttempt } from "@/lib/quiz/attempt_store.ts";
import { autosaveAnswers } from "@/lib/quiz/autosave.ts";
import { attemptQuestions, findModuleQuiz } from "@/lib/quiz/quiz_page.ts";

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
    return await autosaveAnswers(
      req,
      ctx.state,
      attempt.id,
      attemptQuestions(found, attempt),
      { confidence: found.quiz.confidence === true },
    );
  },
};
