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
 *   node's `passPercent`; the reply adds up to 3 points to its `dimension`,
 *   or up to 1 point to each dimension when none is named, in proportion to
 *   the rubric score; mood moves +10 on a pass and -10 on a fail.
 * - The first reply is late when it comes after `firstResponseSeconds`:
 *   efficiency -2 and mood -10 on that turn.
 * - The run's score is its dimension total as a percentage of the model
 *   path's total (the best option at every node, model answers passing),
 *   clamped to 0..100.
 */
import type {
  Dimension,
  ReplyElement,
  Rubric,
  Scenario,
  ScenarioChoice,
} from "@/lib/content/schema.ts";
import { evaluateCondition } from "@/lib/content/check.ts";

/** The five rubric dimensions, in display order. */
export const DIMENSIONS: readonly Dimension[] = [
  "empathy",
  "accuracy",
  "process",
  "compliance",
  "efficiency",
];

/** Points per dimension. */
export type DimensionScores = Partial<Record<Dimension, number>>;

/** One rubric criterion as the learner sees it. */
export interface CriterionResult {
  id: string;
  label: string;
  passed: boolean;
  reason: string;
}

/** What a rubric grader returns for a reply. */
export interface ReplyGrade {
  score: number;
  criteria: CriterionResult[];
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
  reply?: { score: number; passed: boolean; criteria: CriterionResult[] };
  late?: { seconds: number; limit: number };
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
}

/** A learner input the scenario cannot accept (wrong node, unknown option). */
export class ScenarioInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = "ScenarioInputError";
  }
}

/** Starts a run at the scenario's first node with the persona's mood. */
export function startRun(scenario: Scenario): RunState {
  return {
    scenarioId: scenario.id,
    nodeId: scenario.start,
    endingId: null,
    mood: scenario.persona.mood,
    chose: [],
    turns: [],
  };
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

function currentNode(scenario: Scenario, state: RunState, nodeId: string) {
  if (state.nodeId === null) {
    throw new ScenarioInputError(
      "nodeId",
      "The conversation has already ended",
    );
  }
  if (nodeId !== state.nodeId) {
    throw new ScenarioInputError(
      "nodeId",
      `Node "${nodeId}" is not the current step ("${state.nodeId}")`,
    );
  }
  return scenario.nodes[nodeId];
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
): RunState {
  const ending = target in scenario.endings;
  return {
    ...state,
    nodeId: ending ? null : target,
    endingId: ending ? target : null,
    mood: turn.moodAfter,
    chose,
    turns: [...state.turns, turn],
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

function applyLate(
  scores: DimensionScores,
  mood: number,
  late: Turn["late"],
): [DimensionScores, number] {
  if (!late) return [scores, mood];
  return [{ ...scores, efficiency: (scores.efficiency ?? 0) - 2 }, mood - 10];
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
    );
  }
  const late = lateness(scenario, state, elapsedSeconds);
  const [scores, mood] = applyLate(
    { ...choice.scores },
    state.mood + choice.mood,
    late,
  );
  const moodAfter = clampMood(mood);
  const chose = [...state.chose, `${nodeId}.${choiceId}`];
  const turn: Turn = {
    nodeId,
    customer: node.customer,
    kind: "choice",
    choiceId,
    text: choice.text,
    scores,
    moodBefore: state.mood,
    moodAfter,
    feedback: choice.feedback,
    ...(late ? { late } : {}),
  };
  return advance(
    scenario,
    state,
    nextTarget(choice.next, choice.branches, moodAfter, chose),
    turn,
    chose,
  );
}

/** Longest reply accepted, in characters. */
export const MAX_REPLY_LENGTH = 2000;

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
  const node = currentNode(scenario, state, nodeId);
  if (!node.reply) {
    throw new ScenarioInputError(
      "text",
      `Node "${nodeId}" expects a choice, not a written reply`,
    );
  }
  const reply = text.trim();
  if (reply.length === 0) {
    throw new ScenarioInputError("text", "The reply is empty");
  }
  if (reply.length > MAX_REPLY_LENGTH) {
    throw new ScenarioInputError(
      "text",
      `The reply is ${reply.length} characters; at most ${MAX_REPLY_LENGTH} are accepted`,
    );
  }
  const rubric = rubrics.find((r) => r.id === node.reply!.rubric);
  if (!rubric) {
    throw new Error(
      `Cannot grade node "${nodeId}": rubric "${node.reply.rubric}" is missing`,
    );
  }
  return applyGradedReply(
    scenario,
    state,
    nodeId,
    reply,
    grade(rubric, reply, node.reply.elements),
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
  const node = currentNode(scenario, state, nodeId);
  if (!node.reply) {
    throw new ScenarioInputError(
      "text",
      `Node "${nodeId}" expects a choice, not a written reply`,
    );
  }
  const passed = graded.score >= node.reply.passPercent;
  const share = graded.score / 100;
  const base: DimensionScores = node.reply.dimension
    ? { [node.reply.dimension]: round1(3 * share) }
    : Object.fromEntries(DIMENSIONS.map((d) => [d, round1(share)]));
  const late = lateness(scenario, state, elapsedSeconds);
  const [scores, mood] = applyLate(
    base,
    state.mood + (passed ? 10 : -10),
    late,
  );
  const moodAfter = clampMood(mood);
  const turn: Turn = {
    nodeId,
    customer: node.customer,
    kind: "reply",
    text: reply,
    scores,
    moodBefore: state.mood,
    moodAfter,
    feedback: passed ? "" : node.reply.instruction,
    reply: { score: graded.score, passed, criteria: graded.criteria },
    ...(late ? { late } : {}),
  };
  const target = nextTarget(
    passed ? node.reply.next : node.reply.failNext,
    node.reply.branches,
    moodAfter,
    state.chose,
  );
  return advance(scenario, state, target, turn, state.chose);
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
  text: string;
  feedback: string;
  scores: DimensionScores;
}

/**
 * The best path: the highest-scoring offered option at every node and the
 * model answer (taken as passing) at reply nodes, played with mood and
 * conditions. Stops after as many steps as there are nodes.
 */
export function modelPath(
  scenario: Scenario,
): { steps: ModelStep[]; endingId: string | null } {
  let state = startRun(scenario);
  const steps: ModelStep[] = [];
  for (
    let i = 0;
    i <= Object.keys(scenario.nodes).length && state.nodeId;
    i++
  ) {
    const nodeId = state.nodeId;
    const node = scenario.nodes[nodeId];
    if (node.choices) {
      const best = availableChoices(scenario, state).toSorted((a, b) =>
        sum(b.scores) - sum(a.scores)
      )[0];
      if (!best) {
        break;
      }
      steps.push({
        nodeId,
        customer: node.customer,
        text: best.text,
        feedback: best.feedback,
        scores: best.scores,
      });
      state = applyChoice(scenario, state, nodeId, best.id);
    } else {
      const r = node.reply!;
      const scores: DimensionScores = r.dimension
        ? { [r.dimension]: 3 }
        : Object.fromEntries(DIMENSIONS.map((d) => [d, 1]));
      steps.push({
        nodeId,
        customer: node.customer,
        text: r.modelAnswer,
        feedback: "",
        scores,
      });
      state = applyGradedReply(scenario, state, nodeId, r.modelAnswer, {
        score: 100,
        criteria: [],
      });
    }
  }
  return { steps, endingId: state.endingId };
}

function sum(scores: DimensionScores): number {
  return DIMENSIONS.reduce((n, d) => n + (scores[d] ?? 0), 0);
}

/** The end-of-run summary shown to the learner. */
export interface Debrief {
  outcome: "resolved" | "escalated" | "lost";
  endingId: string;
  customer: string;
  debrief: string;
  totals: Record<Dimension, number>;
  modelTotals: Record<Dimension, number>;
  /** 0..100: the run's total against the model path's. */
  percent: number;
  transcript: Turn[];
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
  return {
    outcome: ending.outcome,
    endingId: state.endingId,
    customer: ending.customer,
    debrief: ending.debrief,
    totals: own,
    modelTotals: best,
    percent: bestSum > 0
      ? Math.max(0, Math.min(100, Math.round((100 * sum(own)) / bestSum)))
      : 0,
    transcript: state.turns,
    model: model.steps,
  };
}
