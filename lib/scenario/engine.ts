/**
 * The scenario engine: walks a branching customer conversation. Pure
 * functions of (scenario version, run state, learner input), so the same code
 * grades a live run, a replay and a rebuild. The client only ever sends a
 * node id with an option id or reply text; scores come from here.
 *
 * Scoring rules:
 * - A choice adds its `scores` to the dimensions (empathy, accuracy, process,
 *   compliance, efficiency) and its `mood` change to the customer's mood,
 *   which stays within 0..100.
 * - A free-text reply is graded by its rubric (0..100). It passes at the
 *   node's `passPercent` when the grader found no blocker (a red line); the
 *   reply adds up to 3 points to its `dimension`, or up to 1 point to each
 *   dimension when none is named, in proportion to the rubric score (a
 *   blocked reply earns none); mood moves +10 on a pass and -10 on a fail.
 * - Failures cost what the scenario's `penalties` say, taken off the turn's
 *   points in one dimension: a failed reply (its `dimension`, else process),
 *   a red-line choice or blocked reply (compliance), a first response after
 *   `firstResponseSeconds` (efficiency; mood -10 as well).
 * - Every red-line choice and every blocker is recorded in the run's
 *   `breaches`, so certification can read "no compliance violation".
 * - The run's score is its dimension total as a percentage of the model
 *   path's total (the best option at every node, model answers passing),
 *   clamped to 0..100. A run passes only when its ending is not lost, no
 *   reply failed and nothing crossed a red line.
 * - Choices are offered in an order shuffled by the run's stored seed (so a
 *   reload shows the same order) and are always applied by id.
 */
import {
  Dimension,
  type ReplyElement,
  type Rubric,
  type Scenario,
  type ScenarioChoice,
  type ScenarioPenalties,
  ScenarioPenaltiesSchema,
  type ScenarioReply,
} from "@/lib/content/schema.ts";
import { seededRandom, shuffle } from "@/lib/quiz/draw.ts";
import { DomainError, type ErrorCode, type ErrorParams } from "@/lib/errors.ts";
import { choiceTotal, evaluateCondition } from "./condition.ts";

/** The five rubric dimensions, in display order. */
export const DIMENSIONS: readonly Dimension[] = Dimension.options;

/** Points per dimension. */
export type DimensionScores = Partial<Record<Dimension, number>>;

/** One rubric criterion as the learner sees it. */
export interface CriterionResult {
  id: string;
  label: string;
  passed: boolean;
  reason: string;
}

/** A red line the grader found in a reply, with where it stands. */
export interface Blocker {
  category: string;
  /** The offending words and their offsets in the reply, when known. */
  text?: string;
  start?: number;
  end?: number;
}

/** What a rubric grader returns for a reply. */
export interface ReplyGrade {
  score: number;
  criteria: CriterionResult[];
  /** Red lines crossed: any one fails the node whatever the score. */
  blockers?: Blocker[];
}

/** A red line crossed during a run. */
export interface Breach {
  nodeId: string;
  /** Index of the turn in `RunState.turns`. */
  turn: number;
  source: "choice" | "reply";
  category: string;
  text?: string;
  start?: number;
  end?: number;
}

/** What a failure cost one turn, in points off one dimension. */
export interface Penalty {
  kind: "late" | "failedReply" | "redLine";
  points: number;
  dimension: Dimension;
}

/** Grades a reply against a rubric, optionally limited to some elements. */
export type ReplyGrader = (
  rubric: Rubric,
  text: string,
  elements?: ReplyElement[],
) => ReplyGrade;

/** One learner turn, as stored. */
export interface Turn {
  nodeId: string;
  customer: string;
  kind: "choice" | "reply";
  choiceId?: string;
  /** The learner's words: the option text or the reply. */
  text: string;
  scores: DimensionScores;
  moodBefore: number;
  moodAfter: number;
  feedback: string;
  reply?: {
    score: number;
    passed: boolean;
    criteria: CriterionResult[];
    blockers?: Blocker[];
  };
  late?: { seconds: number; limit: number };
  /** What failures cost this turn (already taken off `scores`). */
  penalties?: Penalty[];
  /** The most points this step could have earned (best offered option or a perfect reply). */
  best?: number;
}

/** A run in progress or finished. */
export interface RunState {
  scenarioId: string;
  /** The node awaiting the learner, or null once an ending is reached. */
  nodeId: string | null;
  endingId: string | null;
  mood: number;
  /** `node.choice` ids picked so far (for conditions). */
  chose: string[];
  turns: Turn[];
  /** Red lines crossed so far. */
  breaches: Breach[];
  /** Seeds the order choices are shown in. */
  seed?: string;
}

/** A learner input the scenario cannot accept (wrong node, unknown option). */
export class ScenarioInputError extends DomainError {
  declare readonly field: string;
  /** `code` names the reason for views (lib/errors.ts translates it). */
  constructor(
    field: string,
    message: string,
    code: ErrorCode = "answer-invalid",
    params?: ErrorParams,
  ) {
    super(code, message, { field, params });
    this.name = "ScenarioInputError";
  }
}

/**
 * Starts a run at the scenario's first node with the persona's mood; `seed`
 * (stored with the run) shuffles the order choices are shown in.
 */
export function startRun(scenario: Scenario, seed?: string): RunState {
  return {
    scenarioId: scenario.id,
    nodeId: scenario.start,
    endingId: null,
    mood: scenario.persona.mood,
    chose: [],
    turns: [],
    breaches: [],
    ...(seed === undefined ? {} : { seed }),
  };
}

const DEFAULT_PENALTIES = ScenarioPenaltiesSchema.parse({});

/** The scenario's penalties (versions published before they existed get the defaults). */
export function penaltiesOf(scenario: Scenario): ScenarioPenalties {
  return scenario.penalties ?? DEFAULT_PENALTIES;
}

/** The options offered at the current node, after their conditions. */
export function availableChoices(
  scenario: Scenario,
  state: RunState,
): ScenarioChoice[] {
  const node = state.nodeId ? scenario.nodes[state.nodeId] : undefined;
  if (!node?.choices) return [];
  const cond = { mood: state.mood, chose: new Set(state.chose) };
  return node.choices.filter((c) => !c.when || evaluateCondition(c.when, cond));
}

/**
 * The offered options in the order this run shows them: shuffled by the
 * run's seed, the node and the turn, so the best option sits anywhere and a
 * reload shows the same order. Without a seed, the authored order.
 */
export function shownChoices(
  scenario: Scenario,
  state: RunState,
): ScenarioChoice[] {
  const offered = availableChoices(scenario, state);
  if (state.seed === undefined) return offered;
  return shuffle(
    offered,
    seededRandom(`${state.seed}/${state.nodeId}/${state.turns.length}`),
  );
}

function currentNode(scenario: Scenario, state: RunState, nodeId: string) {
  if (state.nodeId === null) {
    throw new ScenarioInputError(
      "nodeId",
      "The conversation has already ended",
      "run-finished",
    );
  }
  if (nodeId !== state.nodeId) {
    throw new ScenarioInputError(
      "nodeId",
      `Node "${nodeId}" is not the current step ("${state.nodeId}")`,
      "not-current-step",
    );
  }
  return scenario.nodes[nodeId];
}

/** The current node when it asks for a written reply (ScenarioInputError when it offers choices). */
function replyNodeAt(scenario: Scenario, state: RunState, nodeId: string) {
  const node = currentNode(scenario, state, nodeId);
  if (!node.reply) {
    throw new ScenarioInputError(
      "text",
      `Node "${nodeId}" expects a choice, not a written reply`,
    );
  }
  return { node, spec: node.reply };
}

/**
 * A turn's penalties at the scenario's costs, always in this order: late
 * (on efficiency), a failed reply (on `failedOn`), a red line (on compliance).
 */
function turnPenalties(
  scenario: Scenario,
  faults: { late: boolean; failedOn?: Dimension; redLine: boolean },
): Penalty[] {
  const cost = penaltiesOf(scenario);
  const penalties: Penalty[] = [];
  if (faults.late) {
    penalties.push({
      kind: "late",
      points: cost.late,
      dimension: "efficiency",
    });
  }
  if (faults.failedOn) {
    penalties.push({
      kind: "failedReply",
      points: cost.failedReply,
      dimension: faults.failedOn,
    });
  }
  if (faults.redLine) {
    penalties.push({
      kind: "redLine",
      points: cost.redLine,
      dimension: "compliance",
    });
  }
  return penalties;
}

function clampMood(m: number): number {
  return Math.max(0, Math.min(100, Math.round(m)));
}

function nextTarget(
  next: string,
  branches:
    | { when: Parameters<typeof evaluateCondition>[0]; next: string }[]
    | undefined,
  mood: number,
  chose: string[],
): string {
  const cond = { mood, chose: new Set(chose) };
  return branches?.find((b) => evaluateCondition(b.when, cond))?.next ?? next;
}

function advance(
  scenario: Scenario,
  state: RunState,
  target: string,
  turn: Turn,
  chose: string[],
  breaches: Omit<Breach, "turn" | "nodeId">[],
): RunState {
  const ending = target in scenario.endings;
  const index = state.turns.length;
  return {
    ...state,
    nodeId: ending ? null : target,
    endingId: ending ? target : null,
    mood: turn.moodAfter,
    chose,
    turns: [...state.turns, turn],
    breaches: [
      ...(state.breaches ?? []),
      ...breaches.map((b) => ({ nodeId: turn.nodeId, turn: index, ...b })),
    ],
  };
}

function lateness(
  scenario: Scenario,
  state: RunState,
  elapsedSeconds: number | undefined,
) {
  if (state.turns.length > 0 || elapsedSeconds === undefined) return undefined;
  return elapsedSeconds > scenario.firstResponseSeconds
    ? {
      seconds: Math.round(elapsedSeconds),
      limit: scenario.firstResponseSeconds,
    }
    : undefined;
}

/** Takes each penalty off its dimension. */
function withPenalties(
  scores: DimensionScores,
  penalties: readonly Penalty[],
): DimensionScores {
  const out = { ...scores };
  for (const p of penalties) {
    out[p.dimension] = round1((out[p.dimension] ?? 0) - p.points);
  }
  return out;
}

/**
 * Applies an option picked at `nodeId`. `elapsedSeconds` (first turn only)
 * is the server-measured time since the customer's first message.
 */
export function applyChoice(
  scenario: Scenario,
  state: RunState,
  nodeId: string,
  choiceId: string,
  elapsedSeconds?: number,
): RunState {
  const node = currentNode(scenario, state, nodeId);
  if (!node.choices) {
    throw new ScenarioInputError(
      "choiceId",
      `Node "${nodeId}" expects a written reply`,
    );
  }
  const choice = availableChoices(scenario, state).find((c) =>
    c.id === choiceId
  );
  if (!choice) {
    throw new ScenarioInputError(
      "choiceId",
      `Option "${choiceId}" is not offered at node "${nodeId}"`,
      "answer-value",
      { value: choiceId.slice(0, 40) },
    );
  }
  const late = lateness(scenario, state, elapsedSeconds);
  const penalties = turnPenalties(scenario, {
    late: !!late,
    redLine: !!choice.redLine,
  });
  const moodAfter = clampMood(state.mood + choice.mood - (late ? 10 : 0));
  const chose = [...state.chose, `${nodeId}.${choiceId}`];
  const turn: Turn = {
    nodeId,
    customer: node.customer,
    kind: "choice",
    choiceId,
    text: choice.text,
    scores: withPenalties(choice.scores, penalties),
    moodBefore: state.mood,
    moodAfter,
    feedback: choice.feedback,
    ...(late ? { late } : {}),
    penalties,
    best: Math.max(...availableChoices(scenario, state).map(choiceTotal)),
  };
  return advance(
    scenario,
    state,
    nextTarget(choice.next, choice.branches, moodAfter, chose),
    turn,
    chose,
    choice.redLine
      ? [{ source: "choice", category: choice.redLine, text: choice.text }]
      : [],
  );
}

/** Longest reply accepted at any node, in characters (a node's rubric may allow fewer). */
export const MAX_REPLY_LENGTH = 2000;

/**
 * The reply length a node accepts: its rubric's `length` (capped at
 * {@link MAX_REPLY_LENGTH}); the reply box shows it and longer replies are
 * refused rather than typed in full and marked down.
 */
export function replyLength(
  reply: Pick<ScenarioReply, "rubric">,
  rubrics: readonly Rubric[],
): { min: number; max: number } {
  const length = rubrics.find((r) => r.id === reply.rubric)?.length;
  const max = Math.min(length?.max ?? MAX_REPLY_LENGTH, MAX_REPLY_LENGTH);
  return { min: Math.min(length?.min ?? 1, max), max };
}

/** Applies a free-text reply at `nodeId`, graded by the node's rubric. */
export function applyReply(
  scenario: Scenario,
  state: RunState,
  nodeId: string,
  text: string,
  rubrics: readonly Rubric[],
  grade: ReplyGrader,
  elapsedSeconds?: number,
): RunState {
  const { spec } = replyNodeAt(scenario, state, nodeId);
  const reply = text.trim();
  if (reply.length === 0) {
    throw new ScenarioInputError("text", "The reply is empty", "reply-empty");
  }
  const { max } = replyLength(spec, rubrics);
  const chars = [...reply].length;
  if (chars > max) {
    throw new ScenarioInputError(
      "text",
      `The reply is ${chars} characters; at most ${max} are accepted`,
      "reply-too-long",
      { max },
    );
  }
  const rubric = rubrics.find((r) => r.id === spec.rubric);
  if (!rubric) {
    throw new Error(
      `Cannot grade node "${nodeId}": rubric "${spec.rubric}" is missing`,
    );
  }
  return applyGradedReply(
    scenario,
    state,
    nodeId,
    reply,
    grade(rubric, reply, spec.elements),
    elapsedSeconds,
  );
}

/** Applies a reply that has already been graded (model answers, replays). */
export function applyGradedReply(
  scenario: Scenario,
  state: RunState,
  nodeId: string,
  reply: string,
  graded: ReplyGrade,
  elapsedSeconds?: number,
): RunState {
  const { node, spec } = replyNodeAt(scenario, state, nodeId);
  const blockers = graded.blockers ?? [];
  const passed = graded.score >= spec.passPercent &&
    blockers.length === 0;
  const share = blockers.length > 0 ? 0 : graded.score / 100;
  const base: DimensionScores = spec.dimension
    ? { [spec.dimension]: round1(3 * share) }
    : Object.fromEntries(DIMENSIONS.map((d) => [d, round1(share)]));
  const late = lateness(scenario, state, elapsedSeconds);
  const penalties = turnPenalties(scenario, {
    late: !!late,
    failedOn: passed ? undefined : spec.dimension ?? "process",
    redLine: blockers.length > 0,
  });
  const moodAfter = clampMood(
    state.mood + (passed ? 10 : -10) - (late ? 10 : 0),
  );
  const turn: Turn = {
    nodeId,
    customer: node.customer,
    kind: "reply",
    text: reply,
    scores: withPenalties(base, penalties),
    moodBefore: state.mood,
    moodAfter,
    feedback: passed ? "" : spec.instruction,
    reply: {
      score: graded.score,
      passed,
      criteria: graded.criteria,
      ...(blockers.length > 0 ? { blockers } : {}),
    },
    ...(late ? { late } : {}),
    penalties,
    best: spec.dimension ? 3 : DIMENSIONS.length,
  };
  const target = nextTarget(
    passed ? spec.next : spec.failNext,
    spec.branches,
    moodAfter,
    state.chose,
  );
  return advance(
    scenario,
    state,
    target,
    turn,
    state.chose,
    blockers.map((b) => ({ source: "reply" as const, ...b })),
  );
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Sums turn scores per dimension. */
export function totals(
  turns: readonly Pick<Turn, "scores">[],
): Record<Dimension, number> {
  const out = Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<
    Dimension,
    number
  >;
  for (const t of turns) {
    for (const d of DIMENSIONS) out[d] = round1(out[d] + (t.scores[d] ?? 0));
  }
  return out;
}

/** One step of the model path, for the debrief's comparison. */
export interface ModelStep {
  nodeId: string;
  customer: string;
  /** The option taken; absent at a reply node. */
  choiceId?: string;
  text: string;
  feedback: string;
  scores: DimensionScores;
}

/** The model answer of a reply node, graded as a pass. */
export const MODEL_GRADE: ReplyGrade = { score: 100, criteria: [] };

/**
 * The best path: the highest-scoring offered option at every node (the first
 * authored one on a tie) and the model answer (taken as passing) at reply
 * nodes, played with mood and conditions. Stops after as many steps as there
 * are nodes.
 */
export function modelPath(
  scenario: Scenario,
): { steps: ModelStep[]; endingId: string | null; state: RunState } {
  let state = startRun(scenario);
  const steps: ModelStep[] = [];
  for (
    let i = 0;
    i <= Object.keys(scenario.nodes).length && state.nodeId &&
    scenario.nodes[state.nodeId];
    i++
  ) {
    const nodeId = state.nodeId;
    const node = scenario.nodes[nodeId];
    if (node.choices) {
      const best = bestChoice(availableChoices(scenario, state));
      if (!best) break;
      state = applyChoice(scenario, state, nodeId, best.id);
      steps.push({
        nodeId,
        customer: node.customer,
        choiceId: best.id,
        text: best.text,
        feedback: best.feedback,
        scores: state.turns.at(-1)!.scores,
      });
    } else {
      const r = node.reply!;
      state = applyGradedReply(
        scenario,
        state,
        nodeId,
        r.modelAnswer,
        MODEL_GRADE,
      );
      steps.push({
        nodeId,
        customer: node.customer,
        text: r.modelAnswer,
        feedback: "",
        scores: state.turns.at(-1)!.scores,
      });
    }
  }
  return { steps, endingId: state.endingId, state };
}

/** The highest-scoring option, the first authored one on a tie. */
export function bestChoice(
  choices: readonly ScenarioChoice[],
): ScenarioChoice | undefined {
  return choices.reduce<ScenarioChoice | undefined>(
    (best, c) => (!best || choiceTotal(c) > choiceTotal(best) ? c : best),
    undefined,
  );
}

/** Sum of a score record over the dimensions. */
export function sum(scores: DimensionScores): number {
  return round1(DIMENSIONS.reduce((n, d) => n + (scores[d] ?? 0), 0));
}

/** What one step of a run cost against the best it could have earned. */
export interface StepCost {
  /** Index in the transcript. */
  turn: number;
  nodeId: string;
  /** Points the learner's option or reply earned, before penalties. */
  earned: number;
  /** The most the step could have earned. */
  best: number;
  penalties: Penalty[];
  /** best - earned + penalties: what this step cost the total. */
  lost: number;
}

/** Per step: what it earned, what it could have, and what failures cost. */
export function stepCosts(turns: readonly Turn[]): StepCost[] {
  return turns.map((t, i) => {
    const penalties = t.penalties ?? [];
    const taken = penalties.reduce((n, p) => n + p.points, 0);
    const earned = round1(sum(t.scores) + taken);
    const best = t.best ?? earned;
    return {
      turn: i,
      nodeId: t.nodeId,
      earned,
      best,
      penalties,
      lost: round1(Math.max(0, best - earned) + taken),
    };
  });
}

/** Why a finished run did not pass, if it did not. */
export interface RunFailures {
  /** The ending's outcome is lost. */
  lost: boolean;
  /** Nodes whose reply failed. */
  failedReplies: string[];
  breaches: Breach[];
  /** The first response came after the limit. */
  late: boolean;
}

/** The end-of-run summary shown to the learner. */
export interface Debrief {
  outcome: "resolved" | "escalated" | "lost";
  /** Not lost, no failed reply, no breach. */
  passed: boolean;
  failures: RunFailures;
  endingId: string;
  customer: string;
  debrief: string;
  totals: Record<Dimension, number>;
  modelTotals: Record<Dimension, number>;
  /** 0..100: the run's total against the model path's. */
  percent: number;
  transcript: Turn[];
  /** What each step of the transcript cost. */
  costs: StepCost[];
  model: ModelStep[];
}

/** Summarises a finished run; throws if it has not ended. */
export function debrief(scenario: Scenario, state: RunState): Debrief {
  if (!state.endingId) {
    throw new ScenarioInputError("run", "The conversation has not ended yet");
  }
  const ending = scenario.endings[state.endingId];
  const model = modelPath(scenario);
  const own = totals(state.turns);
  const best = totals(model.steps);
  const bestSum = sum(best);
  const failures: RunFailures = {
    lost: ending.outcome === "lost",
    failedReplies: state.turns.filter((t) => t.reply && !t.reply.passed).map((
      t,
    ) => t.nodeId),
    breaches: state.breaches ?? [],
    late: state.turns.some((t) => t.late),
  };
  return {
    outcome: ending.outcome,
    passed: !failures.lost && failures.failedReplies.length === 0 &&
      failures.breaches.length === 0,
    failures,
    endingId: state.endingId,
    customer: ending.customer,
    debrief: ending.debrief,
    totals: own,
    modelTotals: best,
    percent: bestSum > 0
      ? Math.max(0, Math.min(100, Math.round((100 * sum(own)) / bestSum)))
      : 0,
    transcript: state.turns,
    costs: stepCosts(state.turns),
    model: model.steps,
  };
}
