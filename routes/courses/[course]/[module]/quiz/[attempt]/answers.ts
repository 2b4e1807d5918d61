import type { Handlers } from "$fresh/server.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { foundHandlers, learnerRun } from "@/lib/http/found_page.ts";
import { modulePaper, paperAutosave } from "@/lib/quiz/paper_submit.ts";
import { findLearnerAttempt } from "@/lib/quiz/quiz_page.ts";

/** Autosave of an open attempt's answers (the same fields as the form). */
export const handler: Handlers<unknown, SignedInState> = foundHandlers(
  learnerRun(findLearnerAttempt),
  { POST: paperAutosave(({ attempt, found }) => modulePaper(found, attempt)) },
);
