/**
 * A scenario as a graph for the editor's drawing: nodes and endings laid out
 * in columns by distance from the start, every move an edge, and what the
 * engine's own functions say about them: nodes a run can reach
 * (walkScenario, conditions and mood included), nodes from which no ending
 * can be reached (dead ends), and the model path (modelPath, the best
 * choices). Pure.
 *
 * @module
 */
import type { Scenario } from "@/lib/content/schema.ts";
import { modelPath } from "@/lib/scenario/engine.ts";
import { walkScenario } from "@/lib/scenario/scenario_check.ts";

/** One box of the drawing. */
export interface GraphNode {
  id: string;
  kind: "node" | "ending";
  /** For an ending: resolved, escalated or lost. */
  outcome?: string;
  /** Whether the node asks for a free-text reply. */
  reply: boolean;
  /** Column (distance from the start) and row within it. */
  col: number;
  row: number;
  reachable: boolean;
  /** No ending can be reached from here. */
  deadEnd: boolean;
  /** On the model (best) path. */
  best: boolean;
}

/** One move between two boxes. */
export interface GraphEdge {
  from: string;
  to: string;
  /** The choice id, or `pass`/`fail` for a reply, with `?` for a branch. */
  label: string;
  /** The target exists. */
  known: boolean;
  best: boolean;
}

/** The whole drawing's data. */
export interface ScenarioGraph {
  start: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Columns and the most rows in one, for the drawing's size. */
  cols: number;
  rows: number;
  /** The walk gave up early (a very large scenario): reachability is partial. */
  partial: boolean;
}

/** Builds the graph of a scenario that passed its schema. */
export function scenarioGraph(s: Scenario): ScenarioGraph {
  const edges: GraphEdge[] = [];
  const exists = (id: string) => id in s.nodes || id in s.endings;
  const model = modelPath(s);
  const bestMoves = new Set<string>();
  const bestNodes = new Set<string>();
  model.steps.forEach((st, i) => {
    bestNodes.add(st.nodeId);
    const next = model.steps[i + 1]?.nodeId ?? model.endingId;
    if (next) bestMoves.add(`${st.nodeId}>${next}`);
  });
  if (model.endingId) bestNodes.add(model.endingId);
  const add = (from: string, to: string, label: string) =>
    edges.push({
      from,
      to,
      label,
      known: exists(to),
      best: bestMoves.has(`${from}>${to}`),
    });
  for (const [id, node] of Object.entries(s.nodes)) {
    for (const c of node.choices ?? []) {
      add(id, c.next, c.id);
      for (const b of c.branches ?? []) add(id, b.next, `${c.id}?`);
    }
    if (node.reply) {
      add(id, node.reply.next, "pass");
      add(id, node.reply.failNext, "fail");
      for (const b of node.reply.branches ?? []) add(id, b.next, "pass?");
    }
  }
  // Dead ends: walk backwards from the endings along existing edges.
  const alive = new Set(Object.keys(s.endings));
  for (let changed = true; changed;) {
    changed = false;
    for (const e of edges) {
      if (alive.has(e.to) && !alive.has(e.from)) {
        alive.add(e.from);
        changed = true;
      }
    }
  }
  const walk = walkScenario(s);
  // Columns: breadth-first distance from the start; the rest after them.
  const col = new Map<string, number>();
  if (exists(s.start)) col.set(s.start, 0);
  const queue = exists(s.start) ? [s.start] : [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const e of edges) {
      if (e.from === id && e.known && !col.has(e.to)) {
        col.set(e.to, col.get(id)! + 1);
        queue.push(e.to);
      }
    }
  }
  const ids = [...Object.keys(s.nodes), ...Object.keys(s.endings)];
  const maxCol = Math.max(0, ...col.values());
  for (const id of ids) {
    if (!col.has(id)) col.set(id, maxCol + 1);
  }
  const rowsIn = new Map<number, number>();
  const nodes: GraphNode[] = ids.map((id) => {
    const c = col.get(id)!;
    const row = rowsIn.get(c) ?? 0;
    rowsIn.set(c, row + 1);
    const ending = s.endings[id];
    return {
      id,
      kind: ending && !(id in s.nodes) ? "ending" : "node",
      ...(ending ? { outcome: ending.outcome } : {}),
      reply: Boolean(s.nodes[id]?.reply),
      col: c,
      row,
      reachable: walk.truncated || walk.reached.has(id) || id === s.start,
      deadEnd: !alive.has(id),
      best: bestNodes.has(id),
    };
  });
  return {
    start: s.start,
    nodes,
    edges,
    cols: Math.max(0, ...col.values()) + 1,
    rows: Math.max(1, ...rowsIn.values()),
    partial: walk.truncated,
  };
}
