import type { Handlers } from "$fresh/server.ts";
import { examQuestions } from "@/lib/exam/exam_page.ts";
import { findExam } from "@/lib/exam/exam_view.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { getAttempt } from "@/lib/quiz/attempt_store.ts";
import { autosaveAnswers } from "@/lib/quiz/autosave.ts";

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
    return await autosaveAnswers(
      req,
      ctx.state,
      attempt.id,
      examQuestions(view, attempt),
      { confidence: view.quiz.confidence === true },
    );
  },
};
