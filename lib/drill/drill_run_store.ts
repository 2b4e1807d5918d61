/**
 * Quick-response drill runs. The server times every item: `shownAt` is set
 * when the previous answer is stored (or the run starts), so a client cannot
 * claim a faster answer. The last answer writes the statement and the
 * progress rollup in the same commit. Only this module reads or writes:
 *
 * | key                                                          | value    |
 * | ------------------------------------------------------------ | -------- |
 * | ["drill_runs", runId]                                        | DrillRun |
 * | ["drill_runs_by_learner", learnerId, courseId, drillId, id]  | runId    |
 * | ["drill_answer_keys", runId, idempotencyKey]                 | number   |
 */
import { DomainError, type ErrorCode, NotFoundError } from "@/lib/errors.ts";
import { monotonicFactory } from "ulid";
import { z } from "zod";
import type { Drill, Rubric } from "@/lib/content/schema.ts";
import { buildStatement } from "@/lib/evidence/statement.ts";
import { addStatement } from "@/lib/evidence/statement_store.ts";
import {
  commitWithProgress,
  foldScore,
} from "@/lib/evidence/progress_store.ts";
import { verdictLines } from "@/lib/rubric/rubric.ts";
import { gradeDrillItem } from "./drill_grade.ts";
import { itemScore, runPassed, runScore, speedScore } from "./drill_score.ts";

const ulid = monotonicFactory();
const runKey = (id: string) => ["drill_runs", id];
const byLearner = (learnerId: string, courseId: string, drillId: string) => [
  "drill_runs_by_learner",
  learnerId,
  courseId,
  drillId,
];
const answerKey = (
  runId: string,
  key: string,
) => ["drill_answer_keys", runId, key];

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
  criteria: z.array(
    // Verdict lines (lib/rubric): reason codes and spans; older runs have only the first four.
    z.object({
      id: z.string(),
      label: z.string(),
      passed: z.boolean(),
      reason: z.string(),
      kind: z.enum(["criterion", "blocker", "deduction", "refused"]).optional(),
      element: z.string().optional(),
      must: z.boolean().optional(),
      spans: z.array(
        z.object({ start: z.number(), end: z.number(), text: z.string() }),
      ).optional(),
      points: z.number().optional(),
    }),
  ),
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

function decode(key: Deno.KvKey, value: unknown): DrillRun {
  const parsed = DrillRunSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `Cannot read ${JSON.stringify(key)}: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}

/** Starts a drill run; the first item is shown now. */
export async function startDrillRun(
  kv: Deno.Kv,
  learnerId: string,
  courseId: string,
  version: number,
  drill: Drill,
  now: Date,
) {
  const id = ulid(now.getTime());
  const run = DrillRunSchema.parse({
    id,
    learnerId,
    courseId,
    version,
    drillId: drill.id,
    startedAt: now,
    shownAt: now,
    answers: [],
  });
  await kv.atomic()
    .check({ key: runKey(id), versionstamp: null })
    .set(runKey(id), run)
    .set([...byLearner(learnerId, courseId, drill.id), id], id)
    .commit();
  return run;
}

/** Reads a drill run of this learner. */
export async function getDrillRun(
  kv: Deno.Kv,
  learnerId: string,
  runId: string,
): Promise<DrillRun> {
  const entry = await kv.get(runKey(runId));
  if (entry.versionstamp === null) throw new DrillRunNotFoundError(runId);
  const run = decode(entry.key, entry.value);
  if (run.learnerId !== learnerId) throw new DrillRunNotFoundError(runId);
  return run;
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
  const first = await getDrillRun(kv, learnerId, runId);
  return await commitWithProgress(
    kv,
    learnerId,
    first.courseId,
    now,
    async (op, progress) => {
      const seen = await kv.get(answerKey(runId, input.idempotencyKey));
      const entry = await kv.get(runKey(runId));
      const run = decode(entry.key, entry.value);
      if (seen.versionstamp !== null) return { next: null, value: run };
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
      let nextProgress = null;
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
          addStatement(
            op,
            buildStatement({
              learnerId,
              verb: passed ? "passed" : "failed",
              activity: {
                kind: "simulation",
                path: `drills/${drill.id}`,
                name: drill.title,
              },
              courseId: run.courseId,
              moduleId: drill.module,
              contentVersion: run.version,
              cohortId,
              score: { raw: next.score, max: 100 },
              success: passed,
              completion: true,
              durationMs: now.getTime() - run.startedAt.getTime(),
              at: now,
            }),
            now,
          );
        }
      }
      op.check(entry)
        .set(entry.key, DrillRunSchema.parse(next))
        .check({
          key: answerKey(runId, input.idempotencyKey),
          versionstamp: null,
        })
        .set(answerKey(runId, input.idempotencyKey), next.answers.length, {
          expireIn: 7 * 24 * 3600 * 1000,
        });
      return { next: nextProgress, value: DrillRunSchema.parse(next) };
    },
  );
}
