/**
 * Scenario runs: one per play of a scenario, pinned to the course version.
 * Every learner turn is stored as it is taken (the run record holds the
 * engine state); the finishing turn also writes the evidence statement and
 * the progress rollup in the same commit. Turns carry an idempotency key, so
 * a retried request never applies a turn twice. The keys, reads and the
 * idempotent step are lib/runs/keyed_run_store.ts's; only this module uses
 * them for scenario runs:
 *
 * | key                                                                | value  |
 * | ------------------------------------------------------------------ | ------ |
 * | ["scenario_runs", runId]                                           | Run    |
 * | ["scenario_runs_by_learner", learnerId, courseId, scenarioId, id]  | runId  |
 * | ["scenario_turn_keys", runId, idempotencyKey]                      | number |
 */
import { NotFoundError } from "@/lib/errors.ts";
import {
  addFinishedStatement,
  keyedRunStore,
  STEP_KEY_TTL_MS,
} from "@/lib/runs/keyed_run_store.ts";
import { StoredVerdictLineSchema } from "@/lib/rubric/rubric.ts";
import { z } from "zod";
import type { Rubric, Scenario } from "@/lib/content/schema.ts";
import { EXTENSIONS } from "@/lib/evidence/statement.ts";
import { foldScore, type Progress } from "@/lib/evidence/progress_store.ts";
import { Dimension } from "@/lib/content/schema.ts";
import {
  applyChoice,
  applyReply,
  debrief,
  type ReplyGrader,
  type RunState,
  startRun,
} from "./engine.ts";

const DimensionScores = z.record(z.string(), z.number());
const BlockerSchema = z.object({
  category: z.string(),
  text: z.string().optional(),
  start: z.number().optional(),
  end: z.number().optional(),
});
const BreachSchema = BlockerSchema.extend({
  nodeId: z.string(),
  turn: z.number().int().min(0),
  source: z.enum(["choice", "reply"]),
});
const TurnSchema = z.object({
  nodeId: z.string(),
  customer: z.string(),
  kind: z.enum(["choice", "reply"]),
  choiceId: z.string().optional(),
  text: z.string(),
  scores: DimensionScores,
  moodBefore: z.number(),
  moodAfter: z.number(),
  feedback: z.string(),
  reply: z.object({
    score: z.number(),
    passed: z.boolean(),
    criteria: z.array(StoredVerdictLineSchema),
    blockers: z.array(BlockerSchema).optional(),
  }).optional(),
  late: z.object({ seconds: z.number(), limit: z.number() }).optional(),
  penalties: z.array(z.object({
    kind: z.enum(["late", "failedReply", "redLine"]),
    points: z.number(),
    dimension: Dimension,
  })).optional(),
  best: z.number().optional(),
});

/** A stored run. */
export const RunSchema = z.object({
  id: z.string(),
  learnerId: z.string(),
  courseId: z.string(),
  version: z.number().int().min(1),
  scenarioId: z.string(),
  startedAt: z.date(),
  finishedAt: z.date().optional(),
  percent: z.number().optional(),
  /** Set when the run ends: not lost, no failed reply, no breach. */
  passed: z.boolean().optional(),
  state: z.object({
    scenarioId: z.string(),
    nodeId: z.string().nullable(),
    endingId: z.string().nullable(),
    mood: z.number(),
    chose: z.array(z.string()),
    turns: z.array(TurnSchema),
    /** Red lines crossed: certification reads "no compliance violation" here. */
    breaches: z.array(BreachSchema).default([]),
    /** Seeds the order choices are shown in (absent on runs started before shuffling). */
    seed: z.string().optional(),
  }),
});
export type Run = z.infer<typeof RunSchema>;

/** The run does not exist or is someone else's. */
export class RunNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(`Scenario run "${id}" was not found`);
    this.name = "RunNotFoundError";
  }
}

const runs = keyedRunStore<Run>({
  runs: "scenario_runs",
  byLearner: "scenario_runs_by_learner",
  stepKey: (run, key) => ["scenario_turn_keys", run.id, key],
  stepExpireIn: STEP_KEY_TTL_MS,
  schema: RunSchema,
  activityOf: (run) => run.scenarioId,
  notFound: (id) => new RunNotFoundError(id),
});

/** Starts a run of `scenario` (course version `version`). */
export async function startScenarioRun(
  kv: Deno.Kv,
  learnerId: string,
  courseId: string,
  version: number,
  scenario: Scenario,
  now: Date,
): Promise<Run> {
  return await runs.start(kv, now, (id) => ({
    learnerId,
    courseId,
    version,
    scenarioId: scenario.id,
    state: startRun(scenario, `${id}:${crypto.randomUUID()}`),
  }));
}

/** Reads a run of this learner. */
export async function getRun(
  kv: Deno.Kv,
  learnerId: string,
  runId: string,
): Promise<Run> {
  return await runs.get(kv, learnerId, runId);
}

/** A learner's runs of one scenario, newest first. */
export async function listRuns(
  kv: Deno.Kv,
  learnerId: string,
  courseId: string,
  scenarioId: string,
  limit = 20,
): Promise<Run[]> {
  return await runs.list(kv, learnerId, courseId, scenarioId, limit);
}

/** What certification counts of one scenario: its latest finished run. */
export interface CountedRun {
  runId: string;
  percent: number;
  passed: boolean;
  /** A red line was crossed in this run (a tagged choice or a blocked reply). */
  redLine: boolean;
  breaches: Run["state"]["breaches"];
  finishedAt: Date;
}

/**
 * Per scenario of a course, the learner's latest finished run with its score,
 * pass and breaches, as certification reads "no compliance violation".
 * Looks at the newest `limit` runs of each scenario at most.
 */
export async function countedRuns(
  kv: Deno.Kv,
  learnerId: string,
  courseId: string,
  limit = 500,
): Promise<Record<string, CountedRun>> {
  const all = await runs.listOfCourse(kv, learnerId, courseId, limit);
  const out: Record<string, CountedRun> = {};
  for (const run of all) {
    if (!run.finishedAt) continue;
    const seen = out[run.scenarioId];
    if (seen && seen.finishedAt >= run.finishedAt) continue;
    out[run.scenarioId] = {
      runId: run.id,
      percent: run.percent ?? 0,
      passed: run.passed ?? false,
      redLine: run.state.breaches.length > 0,
      breaches: run.state.breaches,
      finishedAt: run.finishedAt,
    };
  }
  return out;
}

/** A learner's move: a choice or a reply at a node. */
export type TurnInput =
  | { nodeId: string; choiceId: string; idempotencyKey: string }
  | { nodeId: string; text: string; idempotencyKey: string };

/**
 * Applies one turn and stores it. A repeated idempotency key returns the run
 * as it is (the turn is not applied twice). Engine errors (wrong node,
 * unknown option, too long) propagate as ScenarioInputError and change
 * nothing.
 */
export async function takeTurn(
  kv: Deno.Kv,
  learnerId: string,
  runId: string,
  scenario: Scenario,
  rubrics: readonly Rubric[],
  grade: ReplyGrader,
  input: TurnInput,
  now: Date,
  cohortId?: string,
  /**
   * A staff member's run (lib/preview/preview_kinds.ts): scored the same,
   * but no statement and no progress, so it counts toward nothing.
   */
  options: { preview?: boolean } = {},
): Promise<Run> {
  const { run: stored } = await runs.step(
    kv,
    { learnerId, runId, idempotencyKey: input.idempotencyKey, now },
    (run, op, progress) => {
      const elapsed = (now.getTime() - run.startedAt.getTime()) / 1000;
      const state: RunState = "choiceId" in input
        ? applyChoice(
          scenario,
          run.state as RunState,
          input.nodeId,
          input.choiceId,
          elapsed,
        )
        : applyReply(
          scenario,
          run.state as RunState,
          input.nodeId,
          input.text,
          rubrics,
          grade,
          elapsed,
        );
      const next: Run = { ...run, state };
      let nextProgress: Progress | null = null;
      if (state.endingId) {
        const d = debrief(scenario, state);
        next.finishedAt = now;
        next.percent = d.percent;
        next.passed = d.passed;
      }
      if (state.endingId && !options.preview) {
        const d = debrief(scenario, state);
        const good = d.passed;
        progress.scenarios[scenario.id] = {
          ...foldScore(progress.scenarios[scenario.id], d.percent, good, now),
          outcome: d.outcome,
        };
        nextProgress = progress;
        addFinishedStatement(op, run, {
          passed: good,
          activity: {
            kind: "simulation",
            path: `scenarios/${scenario.id}`,
            name: scenario.title,
          },
          moduleId: scenario.module,
          cohortId,
          score: { raw: d.percent, max: 100 },
          extensions: {
            [EXTENSIONS.dimensions]: d.totals,
            "https://service-academy.example/xapi/extensions/outcome":
              d.outcome,
            "https://service-academy.example/xapi/extensions/run": run.id,
            "https://service-academy.example/xapi/extensions/breaches":
              state.breaches ?? [],
          },
        }, now);
      }
      return {
        run: next,
        progress: nextProgress,
        stepValue: state.turns.length,
      };
    },
  );
  return stored;
}
