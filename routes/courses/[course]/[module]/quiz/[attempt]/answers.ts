import type { Handlers } from "$fresh/server.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { foundHandlers, learnerRun } from "@/lib/http/found_page.ts";
import { autosaveAnswers } from "@/lib/quiz/autosave.ts";
import { attemptQuestions, findLearnerAttempt } from "@/lib/quiz/quiz_page.ts";

/** Autosave of an open attempt's answers (the same fields as the form). */
export const handler: Handlers<unknown, SignedInState> = foundHandlers(
  learnerRun(findLearnerAttempt),
  {
    POST: ({ attempt, found }, req, ctx) =>
      autosaveAnswers(
        req,
        ctx.state,
        attempt.id,
        attemptQuestions(found, attempt),
        { confidence: found.quiz.confidence === true },
      ),
  },
);
