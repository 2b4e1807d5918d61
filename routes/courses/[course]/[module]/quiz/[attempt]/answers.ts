import type { Handlers } from "$fresh/server.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { autosaveAnswers } from "@/lib/quiz/autosave.ts";
import { attemptQuestions, findLearnerAttempt } from "@/lib/quiz/quiz_page.ts";

/** Autosave of an open attempt's answers (the same fields as the form). */
export const handler: Handlers<unknown, SignedInState> = {
  async POST(req, ctx) {
    const loaded = await findLearnerAttempt(
      ctx.state.kv,
      ctx.state.user.id,
      ctx.params,
    );
    if (!loaded) return ctx.renderNotFound();
    const { attempt, found } = loaded;
    return await autosaveAnswers(
      req,
      ctx.state,
      attempt.id,
      attemptQuestions(found, attempt),
    );
  },
};
