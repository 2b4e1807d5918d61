/**
 * Quick-response drill runs. The server times every item: `shownAt` is set
 * when the previous answer is stored (or the run starts), so a client cannot
 * claim a faster answer. The last answer writes the statement and the
 * progress rollup in the same commit. The keys, reads and the idempotent
 * step are lib/runs/keyed_run_store.ts's; only this module uses them for
 * drill runs:
 *
 * | key                                                          | value    |
 * | ------------------------------------------------------------ | -------- |
 * | ["drill_runs", runId]                                        | DrillRun |
 * | ["drill_runs_by_learner", learnerId, courseId, drillId, id]  | runId    |
 * | ["drill_answer_keys", runId, idempotencyKey]                 | number   |
 */
import { DomainError, type ErrorCode, NotFoundError } from "@/lib/errors.ts";
import { z } from "zod";
import type { Drill, Rubric } from "@/lib/content/schema.ts";
import { foldScore, type Progress } from "@/lib/evidence/progress_store.ts";
import {
  addFinishedStatement,
  keyedRunStore,
  STEP_KEY_TTL_MS,
} from "@/lib/runs/keyed_run_store.ts";
import { StoredVerdictLineSchema, verdictLines } from "@/lib/rubric/rubric.ts";
import { gradeDrillItem } from "./drill_grade.ts";
import { itemScore, runPassed, runScore, speedScore } from "./drill_score.ts";

/** Longest drill answer accepted, in characters. */
export const MAX_DRILL_ANSWER = 500;

const AnswerSchema = z.object({
  itemId: z.string(),
  text: z.string(),
  seconds: z.number(),
  rubricScore: z.number(),
  speed: z.number(),
  score: z.number(),
  /** Passed on content (item criteria met, no red line); older runs lack it. */
  passed: z.boolean().optional(),
  /** A red line was crossed. */
  blocked: z.boolean().optional(),
  criteria: z.array(StoredVerdictLineSchema),
});
export type DrillAnswer = z.infer<typeof AnswerSchema>;

/** A stored drill run. */
export const DrillRunSchema = z.object({
  id: z.string(),
  learnerId: z.string(),
  courseId: z.string(),
  version: z.number().int().min(1),
  drillId: z.string(),
  startedAt: z.date(),
  /** When the current item was shown (server clock). */
  shownAt: z.date(),
  answers: z.array(AnswerSchema),
  finishedAt: z.date().optional(),
  score: z.number().optional(),
});
export type DrillRun = z.infer<typeof DrillRunSchema>;

/** The run does not exist or is someone else's. */
export class DrillRunNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(`Drill run "${id}" was not found`);
    this.name = "DrillRunNotFoundError";
  }
}

/** An answer the run cannot take (wrong item, finished, empty, too long). */
export class DrillInputError extends DomainError {
  declare readonly field: string;
  constructor(
    field: string,
    message: string,
    code: ErrorCode = "answer-invalid",
    params?: Record<string, number>,
  ) {
    super(code, message, { field, params });
    this.name = "DrillInputError";
  }
}

const runs = keyedRunStore<DrillRun>({
  runs: "drill_runs",
  byLearner: "drill_runs_by_learner",
  stepKey: (run, key) => ["drill_answer_keys", run.id, key],
  stepExpireIn: STEP_KEY_TTL_MS,
  schema: DrillRunSchema,
  activityOf: (run) => run.drillId,
  notFound: (id) => new DrillRunNotFoundError(id),
});

/** Starts a drill run; the first item is shown now. */
export async function startDrillRun(
  kv: Deno.Kv,
  learnerId: string,
  courseId: string,
  version: number,
  drill: Drill,
  now: Date,
) {
  return await runs.start(kv, now, () => ({
    learnerId,
    courseId,
    version,
    drillId: drill.id,
    shownAt: now,
    answers: [],
  }));
}

/** Reads a drill run of this learner. */
export async function getDrillRun(
  kv: Deno.Kv,
  learnerId: string,
  runId: string,
): Promise<DrillRun> {
  return await runs.get(kv, learnerId, runId);
}

/** Grades and stores the answer to the current item (idempotent per key). */
export async function answerDrillItem(
  kv: Deno.Kv,
  learnerId: string,
  runId: string,
  drill: Drill,
  rubrics: readonly Rubric[],
  input: { itemId: string; text: string; idempotencyKey: string },
  now: Date,
  cohortId?: string,
  /** A staff member's run: scored the same, no statement, no progress. */
  options: { preview?: boolean } = {},
): Promise<DrillRun> {
  const { run: stored } = await runs.step(
    kv,
    { learnerId, runId, idempotencyKey: input.idempotencyKey, now },
    (run, op, progress) => {
      if (run.finishedAt) {
        throw new DrillInputError(
          "itemId",
          "This drill run is already finished",
          "run-finished",
        );
      }
      const item = drill.items[run.answers.length];
      if (item.id !== input.itemId) {
        throw new DrillInputError(
          "itemId",
          `Item "${input.itemId}" is not the current item ("${item.id}")`,
          "not-current-step",
        );
      }
      const text = input.text.trim();
      if (!text) {
        throw new DrillInputError("text", "The answer is empty", "reply-empty");
      }
      if (text.length > MAX_DRILL_ANSWER) {
        throw new DrillInputError(
          "text",
          `The answer is ${text.length} characters; at most ${MAX_DRILL_ANSWER} are accepted`,
          "reply-too-long",
          { max: MAX_DRILL_ANSWER },
        );
      }
      const verdict = gradeDrillItem(drill, rubrics, item, text);
      const seconds =
        Math.round((now.getTime() - run.shownAt.getTime()) / 100) / 10;
      const answer: DrillAnswer = {
        itemId: item.id,
        text,
        seconds,
        rubricScore: verdict.score,
        speed: speedScore(seconds, item.seconds),
        score: itemScore(verdict, seconds, item.seconds),
        passed: verdict.passed,
        blocked: verdict.blockers.length > 0,
        criteria: verdictLines(verdict),
      };
      const next: DrillRun = {
        ...run,
        answers: [...run.answers, answer],
        shownAt: now,
      };
      let nextProgress: Progress | null = null;
      if (next.answers.length === drill.items.length) {
        next.finishedAt = now;
        next.score = runScore(next.answers.map((a) => a.score));
        const passed = runPassed(next.score, next.answers);
        // A preview is scored and kept on the run; evidence of nothing.
        if (!options.preview) {
          progress.drills[drill.id] = foldScore(
            progress.drills[drill.id],
            next.score,
            passed,
            now,
          );
          nextProgress = progress;
          addFinishedStatement(op, run, {
            passed,
            activity: {
              kind: "simulation",
              path: `drills/${drill.id}`,
              name: drill.title,
            },
            moduleId: drill.module,
            cohortId,
            score: { raw: next.score, max: 100 },
          }, now);
        }
      }
      return {
        run: next,
        progress: nextProgress,
        stepValue: next.answers.length,
      };
    },
  );
  return stored;
}
