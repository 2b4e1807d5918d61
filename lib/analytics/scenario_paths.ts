/**
 * Scenario path analytics: how a group's runs of one branching scenario went
 * through it, node by node: how many runs reached each node, which option
 * they took there (shares), where runs first left the good path, and which
 * red lines were crossed where. Pure: the scenario and the runs' turns in,
 * plain numbers out, so trainers' pages and tests read the same figures.
 *
 * The good path is the engine's model path, step by step: at a choice node
 * the highest-scoring option among those offered (`Turn.best`, or the best
 * authored option for runs that did not record it) and never one tagged
 * with a red line; at a reply node a reply that passes its rubric. A run
 * leaves the good path at its first turn that is neither; later turns of the
 * same run are not counted as leaving again.
 */
import type { Scenario } from "@/lib/content/schema.ts";
import { bestChoice, sum } from "@/lib/scenario/engine.ts";

/** What the analysis reads of a run (lib/scenario/run_store.ts `Run`). */
export interface RunPath {
  state: {
    turns: readonly {
      nodeId: string;
      kind: "choice" | "reply";
      choiceId?: string;
      reply?: { passed: boolean };
      best?: number;
    }[];
    breaches: readonly { nodeId: string; category: string }[];
    endingId: string | null;
  };
}

/** One option's figures at a choice node. */
export interface ChoiceFigures {
  choiceId: string;
  count: number;
  /** count / the node's turns, 0-100, one decimal. */
  share: number;
  /** The option is on the good path (the best authored one). */
  good: boolean;
  redLine: string | null;
}

/** One node's figures. */
export interface NodeFigures {
  nodeId: string;
  kind: "choice" | "reply";
  /** Runs that reached the node (each run once). */
  reached: number;
  /** Turns taken at the node (a run may pass a node twice). */
  turns: number;
  /** Choice nodes: every authored option, in authored order. */
  choices: ChoiceFigures[];
  /** Reply nodes: replies that passed and failed. */
  replies: { passed: number; failed: number } | null;
  /** Runs whose first step off the good path was here. */
  left: number;
  /** left / reached, 0-100, one decimal (0 when not reached). */
  leftShare: number;
  /** Red lines crossed here, by category. */
  redLines: Record<string, number>;
}

/** The whole scenario's figures. */
export interface ScenarioPaths {
  scenarioId: string;
  runs: number;
  /** Runs that reached an ending. */
  finished: number;
  /** Runs that never left the good path (finished ones only). */
  stayedOnPath: number;
  endings: Record<string, number>;
  /** In the scenario's authored node order. */
  nodes: NodeFigures[];
}

const pct = (part: number, whole: number) =>
  whole ? Math.round((1000 * part) / whole) / 10 : 0;

/** Analyses `runs` (of any state) of `scenario`. */
export function scenarioPaths(
  scenario: Scenario,
  runs: readonly RunPath[],
): ScenarioPaths {
  const nodes = new Map<string, NodeFigures>();
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const best = node.choices ? bestChoice(node.choices) : undefined;
    nodes.set(nodeId, {
      nodeId,
      kind: node.choices ? "choice" : "reply",
      reached: 0,
      turns: 0,
      choices: (node.choices ?? []).map((c) => ({
        choiceId: c.id,
        count: 0,
        share: 0,
        good: c.id === best?.id && !c.redLine,
        redLine: c.redLine ?? null,
      })),
      replies: node.reply ? { passed: 0, failed: 0 } : null,
      left: 0,
      leftShare: 0,
      redLines: {},
    });
  }
  const endings: Record<string, number> = {};
  let finished = 0, stayedOnPath = 0;
  for (const run of runs) {
    const seen = new Set<string>();
    let off = false;
    for (const turn of run.state.turns) {
      const n = nodes.get(turn.nodeId);
      if (!n) continue; // a node the scenario no longer has
      if (!seen.has(turn.nodeId)) {
        seen.add(turn.nodeId);
        n.reached++;
      }
      n.turns++;
      let good: boolean;
      if (turn.kind === "choice") {
        const option = scenario.nodes[turn.nodeId].choices?.find((c) =>
          c.id === turn.choiceId
        );
        const figures = n.choices.find((c) => c.choiceId === turn.choiceId);
        if (figures) figures.count++;
        good = option !== undefined && !option.redLine &&
          (turn.best !== undefined
            ? sum(option.scores) >= turn.best
            : figures?.good === true);
      } else {
        const passed = turn.reply?.passed === true;
        if (n.replies) n.replies[passed ? "passed" : "failed"]++;
        good = passed;
      }
      if (!good && !off) {
        off = true;
        n.left++;
      }
    }
    for (const b of run.state.breaches) {
      const n = nodes.get(b.nodeId);
      if (n) n.redLines[b.category] = (n.redLines[b.category] ?? 0) + 1;
    }
    if (run.state.endingId) {
      finished++;
      endings[run.state.endingId] = (endings[run.state.endingId] ?? 0) + 1;
      if (!off) stayedOnPath++;
    }
  }
  for (const n of nodes.values()) {
    for (const c of n.choices) c.share = pct(c.count, n.turns);
    n.leftShare = pct(n.left, n.reached);
  }
  return {
    scenarioId: scenario.id,
    runs: runs.length,
    finished,
    stayedOnPath,
    endings,
    nodes: [...nodes.values()],
  };
}
