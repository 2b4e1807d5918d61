import type { Handlers } from "$fresh/server.ts";
import { examPaper } from "@/lib/exam/exam_page.ts";
import { findLearnerExamAttempt } from "@/lib/exam/exam_view.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { foundHandlers, learnerRun } from "@/lib/http/found_page.ts";
import { paperAutosave } from "@/lib/quiz/paper_submit.ts";

/** Autosave of an open exam attempt's answers; refused after the deadline. */
export const handler: Handlers<unknown, SignedInState> = foundHandlers(
  learnerRun(findLearnerExamAttempt),
  { POST: paperAutosave(({ attempt, view }) => examPaper(view, attempt)) },
);
