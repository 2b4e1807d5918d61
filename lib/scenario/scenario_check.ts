/**
 * The content checks of a scenario that depend on how it plays, made with
 * the engine's own functions (`applyChoice`, `applyGradedReply`,
 * `modelPath`, `totals`), so `content:check` and a live run can never
 * disagree about mood, conditions, branches or points.
 *
 * {@link walkScenario} follows every path a run can take: every offered
 * option, and at a reply node both a pass (the model answer, graded 100) and
 * the best possible fail (graded one point under `passPercent`). A path
 * stops at an ending, or when it comes back to a state it is already in
 * (same node, mood and choices made): going round again cannot lead
 * anywhere new. {@link checkScenario} turns the walk into problems:
 *
 * - a node or ending no run reaches;
 * - a model path that loops, ends lost or crosses a red line;
 * - a path that scores above the model path;
 * - a loop that gains points on each lap (a run could pile them up);
 * - a resolved ending reached through a red-line choice;
 * - an option whose words the grader blocks (a red line in the learner's
 *   mouth) that is not tagged `redLine`, so the run would not record it.
 *
 * @module
 */
import type { Loaded } from "@/lib/content/loader.ts";
import type { Rubric, Scenario } from "@/lib/content/schema.ts";
import {
  type DataPath,
  fieldProblem,
  msg,
  type Problem,
  type ProblemMessage,
} from "@/lib/content/source.ts";
import { gradeReply } from "@/lib/rubric/rubric.ts";
import { evaluateCondition } from "./condition.ts";
import {
  applyChoice,
  applyGradedReply,
  availableChoices,
  MODEL_GRADE,
  modelPath,
  type RunState,
  startRun,
  sum,
  totals,
} from "./engine.ts";

export { bestChoice } from "./engine.ts";

/** One move of a walked path. */
export interface WalkStep {
  nodeId: string;
  /** The option taken, at a choice node. */
  choiceId?: string;
  /** The reply's verdict, at a reply node. */
  reply?: "pass" | "fail";
}

/** A path from the start to an ending. */
export interface WalkPath {
  steps: WalkStep[];
  endingId: string;
  /** Sum of the run's dimension totals, penalties included. */
  total: number;
  state: RunState;
}

/** A loop that gains points: at `steps[at]` the run is back at the node of `steps[from]`. */
export interface GainingLoop {
  steps: WalkStep[];
  from: number;
  gain: number;
}

/** Everything a walk found. */
export interface ScenarioWalk {
  reached: Set<string>;
  paths: WalkPath[];
  loops: GainingLoop[];
  /** True when the walk stopped at {@link MAX_PATHS}: its findings are partial. */
  truncated: boolean;
}

/** Most finished paths a walk collects before it gives up. */
export const MAX_PATHS = 50_000;

const FAIL_GRADE = (passPercent: number) => ({
  score: Math.max(0, passPercent - 1),
  criteria: [],
});

function stateKey(state: RunState): string {
  return `${state.nodeId}|${state.mood}|${
    [...new Set(state.chose)].sort().join(",")
  }`;
}

/** Follows every path a run of `scenario` can take (see the module doc). */
export function walkScenario(scenario: Scenario): ScenarioWalk {
  const reached = new Set<string>();
  const paths: WalkPath[] = [];
  const loops: GainingLoop[] = [];
  let truncated = false;
  const onPath: { key: string; nodeId: string; total: number }[] = [];
  const maxDepth = Object.keys(scenario.nodes).length * 4 + 4;

  const visit = (state: RunState, steps: WalkStep[], total: number) => {
    if (truncated) return;
    if (state.endingId) {
      reached.add(state.endingId);
      paths.push({ steps, endingId: state.endingId, total, state });
      if (paths.length >= MAX_PATHS) truncated = true;
      return;
    }
    const nodeId = state.nodeId;
    const node = nodeId ? scenario.nodes[nodeId] : undefined;
    if (!nodeId || !node) return; // a missing target, reported by the graph checks
    reached.add(nodeId);
    const key = stateKey(state);
    const gained = (from: number) =>
      total > onPath[from].total + 0.05
        ? loops.push({
          steps,
          from,
          gain: Math.round((total - onPath[from].total) * 10) / 10,
        })
        : 0;
    // Back in a state already on this path: the same lap can be taken
    // forever, so any gain on it piles up.
    const same = onPath.findIndex((p) => p.key === key);
    if (same >= 0) {
      gained(same);
      return;
    }
    // The lap just taken repeats the one before it move for move (mood or
    // choices differ, but the run is going round): a gain here piles up too.
    const at = onPath.flatMap((p, i) => p.nodeId === nodeId ? [i] : []);
    if (at.length >= 2) {
      const [i, j] = at.slice(-2);
      const lap = (a: number, b: number) =>
        steps.slice(a, b).map((st) => `${st.nodeId}.${st.choiceId ?? st.reply}`)
          .join(" ");
      if (lap(i, j) === lap(j, steps.length)) gained(j);
    }
    if (onPath.length > maxDepth) return;
    onPath.push({ key, nodeId, total });
    const go = (next: RunState, step: WalkStep) =>
      visit(next, [...steps, step], sum(totals(next.turns)));
    if (node.choices) {
      for (const c of availableChoices(scenario, state)) {
        go(applyChoice(scenario, state, nodeId, c.id), {
          nodeId,
          choiceId: c.id,
        });
      }
    } else if (node.reply) {
      const r = node.reply;
      go(
        applyGradedReply(scenario, state, nodeId, r.modelAnswer, MODEL_GRADE),
        {
          nodeId,
          reply: "pass",
        },
      );
      go(
        applyGradedReply(
          scenario,
          state,
          nodeId,
          r.modelAnswer,
          FAIL_GRADE(r.passPercent),
        ),
        { nodeId, reply: "fail" },
      );
    }
    onPath.pop();
  };
  visit(startRun(scenario), [], 0);
  return { reached, paths, loops, truncated };
}

const GOOD = new Set(["resolved", "escalated"]);

/** A rubric with no criteria of its own: grading with it finds only the grader's built-in red lines. */
const PROBE_RUBRIC: Rubric = {
  id: "red-line-probe",
  title: "red lines",
  length: { min: 0, max: 5000 },
  required: [],
  forbidden: [],
};

/** Where in the file a step's move is written. */
function stepAt(scenario: Scenario, step: WalkStep): DataPath {
  const node = scenario.nodes[step.nodeId];
  if (step.choiceId !== undefined) {
    const i = node.choices!.findIndex((c) => c.id === step.choiceId);
    return ["nodes", step.nodeId, "choices", i];
  }
  return [
    "nodes",
    step.nodeId,
    "reply",
    step.reply === "fail" ? "failNext" : "next",
  ];
}

/**
 * Where the move `step` (which led to `after`) names its target: the branch
 * that was taken, else the plain `next` (or `failNext`).
 */
function targetAt(
  scenario: Scenario,
  after: RunState,
  step: WalkStep,
): DataPath {
  const node = scenario.nodes[step.nodeId];
  const cond = { mood: after.mood, chose: new Set(after.chose) };
  if (step.choiceId !== undefined) {
    const i = node.choices!.findIndex((c) => c.id === step.choiceId);
    const j = node.choices![i].branches?.findIndex((b) =>
      evaluateCondition(b.when, cond)
    ) ?? -1;
    return j >= 0
      ? ["nodes", step.nodeId, "choices", i, "branches", j, "next"]
      : ["nodes", step.nodeId, "choices", i, "next"];
  }
  const j =
    node.reply!.branches?.findIndex((b) => evaluateCondition(b.when, cond)) ??
      -1;
  return j >= 0
    ? ["nodes", step.nodeId, "reply", "branches", j, "next"]
    : stepAt(scenario, step);
}

function describe(steps: readonly WalkStep[], end?: string): string {
  const all = steps.map((s) =>
    s.choiceId !== undefined
      ? `${s.nodeId}.${s.choiceId}`
      : `${s.nodeId} (reply ${s.reply === "fail" ? "fails" : "passes"})`
  );
  // Long paths keep their start and end; the middle is what repeats.
  const moves = all.length > 12
    ? [...all.slice(0, 5), `… ${all.length - 10} more …`, ...all.slice(-5)]
    : all;
  return [...moves, ...(end ? [end] : [])].join(" → ");
}

/** Checks how a scenario plays; problems are located at the move they are about. */
export function checkScenario(s: Loaded<Scenario>): Problem[] {
  const d = s.data;
  const problems: Problem[] = [];
  const add = (at: DataPath, message: ProblemMessage) => {
    problems.push(fieldProblem(s.path, s.pos, at, message));
  };
  if (!d.nodes[d.start]) return problems; // reported by the graph checks

  // The model path, as the engine plays it.
  const model = modelPath(d);
  const modelTotal = sum(totals(model.state.turns));
  const last = model.steps.at(-1);
  if (!model.endingId) {
    add(
      ["start"],
      msg("problem.scenario.model_loops", {
        path: model.steps.slice(0, 8).map((st) => st.nodeId).join(" → "),
      }),
    );
  } else if (!GOOD.has(d.endings[model.endingId].outcome) && last) {
    add(
      targetAt(d, model.state, {
        nodeId: last.nodeId,
        choiceId: last.choiceId,
        reply: last.choiceId === undefined ? "pass" : undefined,
      }),
      msg("problem.scenario.model_ends_badly", {
        path: [...model.steps.map((st) => st.nodeId), model.endingId].join(
          " → ",
        ),
        ending: model.endingId,
        outcome: d.endings[model.endingId].outcome,
      }),
    );
  }
  for (const b of model.state.breaches ?? []) {
    const step = model.steps[b.turn];
    add(
      stepAt(d, { nodeId: step.nodeId, choiceId: step.choiceId }),
      msg("problem.scenario.model_red_line", { category: b.category }),
    );
  }

  const walk = walkScenario(d);

  // Reachability, with conditions as the engine evaluates them.
  if (!walk.truncated) {
    for (const n of Object.keys(d.nodes)) {
      if (!walk.reached.has(n)) {
        add(
          ["nodes", n],
          msg("problem.scenario.node_unreachable", { id: n, start: d.start }),
        );
      }
    }
    for (const e of Object.keys(d.endings)) {
      if (!walk.reached.has(e)) {
        add(
          ["endings", e],
          msg("problem.scenario.ending_unreachable", { id: e, start: d.start }),
        );
      }
    }
  }

  // No path may score above the model path.
  const top = walk.paths.reduce<WalkPath | undefined>(
    (best, p) => (!best || p.total > best.total ? p : best),
    undefined,
  );
  if (model.endingId && top && top.total > modelTotal + 0.05) {
    const leave = top.steps.findIndex((st, i) => {
      const m = model.steps[i];
      return !m || m.nodeId !== st.nodeId || m.choiceId !== st.choiceId ||
        st.reply === "fail";
    });
    add(
      stepAt(d, top.steps[Math.max(0, leave)]),
      msg("problem.scenario.outscores", {
        total: top.total,
        model: modelTotal,
        path: describe(top.steps, top.endingId),
      }),
    );
  }

  // Loops that pay: each once, whichever node it was entered at, at the
  // move that closes it.
  const seenLoops = new Set<string>();
  for (const loop of walk.loops) {
    const lap = loop.steps.slice(loop.from);
    const id = [
      ...new Set(lap.map((st) => `${st.nodeId}.${st.choiceId ?? st.reply}`)),
    ]
      .sort().join(" ");
    if (seenLoops.has(id)) continue;
    seenLoops.add(id);
    add(
      stepAt(d, lap.at(-1)!),
      msg("problem.scenario.point_loop", {
        gain: loop.gain,
        path: describe(lap),
        node: lap[0].nodeId,
      }),
    );
  }

  // The grader's red lines apply to options too: an option it would block
  // in a reply must be tagged, so the run records the breach.
  const probe = { ...PROBE_RUBRIC };
  for (const [n, node] of Object.entries(d.nodes)) {
    node.choices?.forEach((c, i) => {
      if (c.redLine) return;
      const crossed = [
        ...new Set(gradeReply(probe, c.text).blockers.map((b) => b.category)),
      ];
      if (crossed.length > 0) {
        add(
          ["nodes", n, "choices", i, "text"],
          msg("problem.scenario.untagged_red_line", {
            id: `${n}.${c.id}`,
            categories: crossed.map((x) => `"${x}"`).join(", "),
            category: crossed[0],
          }),
        );
      }
    });
  }

  // A red-line choice must never end resolved.
  const seenRed = new Set<string>();
  for (const p of walk.paths) {
    if (d.endings[p.endingId].outcome !== "resolved") continue;
    for (const b of p.state.breaches ?? []) {
      if (b.source !== "choice") continue;
      const step = p.steps[b.turn];
      const id = `${step.nodeId}.${step.choiceId}`;
      if (seenRed.has(id)) continue;
      seenRed.add(id);
      add(
        [...stepAt(d, step), "redLine"],
        msg("problem.scenario.red_line_resolved", {
          id,
          category: b.category,
          path: describe(p.steps, p.endingId),
        }),
      );
    }
  }
  return problems;
}
