/**
 * Survey responses: one per learner and survey, editable until the survey
 * closes for that learner. Each submission (first or edited) is also an
 * evidence statement ("responded"). Only this module reads or writes these
 * keys:
 *
 * | key                                            | value          |
 * | ---------------------------------------------- | -------------- |
 * | ["survey_responses", surveyId, learnerId]       | SurveyResponse |
 * | ["survey_responses_by_learner", learnerId, surveyId] | Date (submitted) |
 */
import { z } from "zod";
import type { Survey } from "@/lib/content/schema.ts";
import { buildStatement } from "@/lib/evidence/statement.ts";
import { addStatement } from "@/lib/evidence/statement_store.ts";
import { decodeStored } from "@/lib/db/decode.ts";
import { DomainError } from "@/lib/errors.ts";
import type { SurveyAnswer } from "./survey_answers.ts";

const responseKey = (surveyId: string, learnerId: string) => [
  "survey_responses",
  surveyId,
  learnerId,
];
const byLearner = (learnerId: string) => [
  "survey_responses_by_learner",
  learnerId,
];

/** A stored response. */
export const SurveyResponseSchema = z.object({
  surveyId: z.string(),
  learnerId: z.string(),
  answers: z.record(z.string(), z.union([z.number(), z.string()])),
  submittedAt: z.date(),
  updatedAt: z.date(),
});
/** A stored response. */
export type SurveyResponse = z.infer<typeof SurveyResponseSchema>;

/** The survey has closed for this learner: the response can no longer change. */
export class SurveyClosedError extends DomainError {
  constructor(surveyId: string) {
    super("survey-closed", `Survey "${surveyId}" is closed`);
    this.name = "SurveyClosedError";
  }
}

/** The learner's response to a survey, or null. */
export async function getResponse(
  kv: Deno.Kv,
  surveyId: string,
  learnerId: string,
): Promise<SurveyResponse | null> {
  const e = await kv.get(responseKey(surveyId, learnerId));
  return e.value === null
    ? null
    : decodeStored(SurveyResponseSchema, e.key, e.value);
}

/** Survey ids the learner has responded to. */
export async function respondedSurveys(
  kv: Deno.Kv,
  learnerId: string,
): Promise<Set<string>> {
  const out = new Set<string>();
  for await (
    const e of kv.list({ prefix: byLearner(learnerId) }, { limit: 200 })
  ) {
    out.add(String(e.key.at(-1)));
  }
  return out;
}

/** Every response to a survey (at most `limit`), for aggregates. */
export async function listResponses(
  kv: Deno.Kv,
  surveyId: string,
  limit = 1000,
): Promise<SurveyResponse[]> {
  const out: SurveyResponse[] = [];
  for await (
    const e of kv.list({ prefix: ["survey_responses", surveyId] }, { limit })
  ) out.push(decodeStored(SurveyResponseSchema, e.key, e.value));
  return out;
}

/**
 * Saves the learner's answers (first time or an edit before `closesAt`) with
 * an evidence statement in the same commit.
 */
export async function submitResponse(
  kv: Deno.Kv,
  input: {
    survey: Survey;
    learnerId: string;
    courseId: string;
    contentVersion: number;
    cohortId?: string;
    answers: Record<string, SurveyAnswer>;
    closesAt: Date | null;
  },
  now: Date,
): Promise<SurveyResponse> {
  const { survey, learnerId } = input;
  if (input.closesAt && now.getTime() > input.closesAt.getTime()) {
    throw new SurveyClosedError(survey.id);
  }
  for (let tries = 0; tries < 5; tries++) {
    const entry = await kv.get(responseKey(survey.id, learnerId));
    const prior = entry.value === null
      ? null
      : decodeStored(SurveyResponseSchema, entry.key, entry.value);
    const response = SurveyResponseSchema.parse({
      surveyId: survey.id,
      learnerId,
      answers: input.answers,
      submittedAt: prior?.submittedAt ?? now,
      updatedAt: now,
    });
    const op = kv.atomic().check(entry)
      .set(entry.key, response)
      .set([...byLearner(learnerId), survey.id], response.submittedAt);
    addStatement(
      op,
      buildStatement({
        learnerId,
        verb: "responded",
        activity: {
          kind: "assessment",
          path: `surveys/${survey.id}`,
          name: survey.title,
        },
        courseId: input.courseId,
        contentVersion: input.contentVersion,
        cohortId: input.cohortId,
        completion: true,
        at: now,
      }),
      now,
    );
    if ((await op.commit()).ok) return response;
  }
  throw new Error(`Cannot save the response to "${survey.id}": contention`);
}
