import assert from "node:assert/strict";
import { ScenarioSchema } from "@/lib/content/schema.ts";
import { scenarioGraph } from "./scenario_graph.ts";

const choice = (id: string, next: string, points: number) => ({
  id,
  text: `选项 ${id}`,
  feedback: "反馈",
  scores: { empathy: points },
  next,
});

const scenario = ScenarioSchema.parse({
  id: "graph",
  title: "图",
  summary: "图",
  module: "basics",
  skills: ["empathy"],
  persona: { name: "王女士", channel: "chat", psychology: "venting", mood: 30 },
  firstResponseSeconds: 30,
  start: "open",
  nodes: {
    open: {
      customer: "你好",
      choices: [choice("good", "check", 2), choice("bad", "loop", -1)],
    },
    check: { customer: "查到了吗", choices: [choice("done", "resolved", 2)] },
    // Goes round forever: no ending can be reached from here.
    loop: { customer: "?", choices: [choice("again", "loop", 0)] },
    // Nothing leads here.
    orphan: { customer: "没人来", choices: [choice("x", "lost", 0)] },
  },
  endings: {
    resolved: { outcome: "resolved", customer: "谢谢", debrief: "好" },
    lost: { outcome: "lost", customer: "算了", debrief: "差" },
  },
});

Deno.test("scenarioGraph() marks unreachable nodes, dead ends and the best path", () => {
  const g = scenarioGraph(scenario);
  const node = (id: string) => g.nodes.find((n) => n.id === id)!;
  assert.deepEqual(
    g.nodes.filter((n) => !n.reachable).map((n) => n.id).sort(),
    ["lost", "orphan"],
  );
  assert.deepEqual(g.nodes.filter((n) => n.deadEnd).map((n) => n.id), ["loop"]);
  assert.deepEqual(
    g.nodes.filter((n) => n.best).map((n) => n.id),
    ["open", "check", "resolved"],
  );
  assert.deepEqual(
    g.edges.filter((e) => e.best).map((e) => `${e.from}>${e.to}`),
    ["open>check", "check>resolved"],
  );
  // The wrong option is not on the best path.
  assert.equal(g.edges.find((e) => e.label === "bad")!.best, false);
  assert.equal(node("open").col, 0);
  assert.equal(node("check").col, 1);
  assert.equal(node("resolved").col, 2);
  assert.equal(node("resolved").kind, "ending");
});
