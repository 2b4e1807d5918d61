import type { Handlers } from "$fresh/server.ts";
import { examQuestions } from "@/lib/exam/exam_page.ts";
import { findLearnerExamAttempt } from "@/lib/exam/exam_view.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { autosaveAnswers } from "@/lib/quiz/autosave.ts";

/** Autosave of an open exam attempt's answers; refused after the deadline. */
export const handler: Handlers<unknown, SignedInState> = {
  async POST(req, ctx) {
    const loaded = await findLearnerExamAttempt(
      ctx.state.kv,
      ctx.state.user.id,
      ctx.params,
    );
    if (!loaded) return ctx.renderNotFound();
    const { attempt, view } = loaded;
    return await autosaveAnswers(
      req,
      ctx.state,
      attempt.id,
      examQuestions(view, attempt),
    );
  },
};
