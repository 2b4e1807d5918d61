/**
 * The autosave answer of an open attempt, shared by module quizzes and exams:
 * the body capped, the answers (and confidence ratings, when the quiz or
 * exam asks them) parsed with the attempt's questions, stored by
 * `saveAnswers`, and the attempt's refusals answered as field errors.
 */
import type { Question } from "@/lib/content/schema.ts";
import { codedErrors, fieldErrors } from "@/lib/http/responses.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import { answersFromForm } from "./answer_form.ts";
import {
  AttemptClosedError,
  AttemptExpiredError,
  saveAnswers,
} from "./attempt_store.ts";
import { ScoringInputError } from "./score.ts";
import { confidenceFromForm } from "./confidence.ts";

/** Largest autosave body; a form of a whole exam stays far below it. */
export const MAX_AUTOSAVE_BYTES = 64 * 1024;

/** Saves the form's answers to `attemptId` and answers the autosave request. */
export async function autosaveAnswers(
  req: Request,
  state: { kv: Deno.Kv; user: { id: string }; t: Translate },
  attemptId: string,
  questions: readonly Question[],
  opts: { confidence?: boolean } = {},
): Promise<Response> {
  const tooLarge = () => codedErrors(state.t, { code: "body-too-large" });
  if (Number(req.headers.get("content-length") ?? 0) > MAX_AUTOSAVE_BYTES) {
    return tooLarge();
  }
  const text = await req.text();
  if (text.length > MAX_AUTOSAVE_BYTES) return tooLarge();
  try {
    const form = new URLSearchParams(text);
    const saved = await saveAnswers(
      state.kv,
      state.user.id,
      attemptId,
      answersFromForm(form, questions),
      questions,
      new Date(),
      opts.confidence ? confidenceFromForm(form, questions) : undefined,
    );
    return Response.json({
      status: saved.status,
      saved: Object.keys(saved.answers).length,
    });
  } catch (e) {
    if (e instanceof ScoringInputError) {
      return codedErrors(state.t, { code: e.code }, "answers");
    }
    if (e instanceof AttemptClosedError) {
      return fieldErrors(409, { attempt: state.t("scoring.closed") });
    }
    if (e instanceof AttemptExpiredError) {
      return fieldErrors(409, { attempt: state.t("scoring.expired") });
    }
    throw e;
  }
}
