import type { Handlers } from "$fresh/server.ts";
import { examQuestions } from "@/lib/exam/exam_page.ts";
import { findLearnerExamAttempt } from "@/lib/exam/exam_view.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { foundHandlers, learnerRun } from "@/lib/http/found_page.ts";
import { autosaveAnswers } from "@/lib/quiz/autosave.ts";

/** Autosave of an open exam attempt's answers; refused after the deadline. */
export const handler: Handlers<unknown, SignedInState> = foundHandlers(
  learnerRun(findLearnerExamAttempt),
  {
    POST: ({ attempt, view }, req, ctx) =>
      autosaveAnswers(
        req,
        ctx.state,
        attempt.id,
        examQuestions(view, attempt),
        { confidence: view.quiz.confidence === true },
      ),
  },
);
