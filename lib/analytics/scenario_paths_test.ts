import assert from "node:assert/strict";
import { ScenarioSchema } from "@/lib/content/schema.ts";
import { type RunPath, scenarioPaths } from "./scenario_paths.ts";

// A hand-built scenario: one choice node with a good, a weaker and a
// red-line option, then a reply node that can pass or fail.
const scenario = ScenarioSchema.parse({
  id: "demo-path",
  title: "路径示例",
  summary: "用于测试路径分析的最小情景。",
  module: "practice",
  skills: ["empathy"],
  persona: { name: "王女士", channel: "chat", psychology: "venting", mood: 40 },
  firstResponseSeconds: 30,
  start: "open",
  nodes: {
    open: {
      customer: "我的包裹五天没动了！",
      choices: [
        {
          id: "soothe",
          text: "非常抱歉让您久等，我马上查。",
          scores: { empathy: 3 },
          feedback: "先接住情绪。",
          next: "ask",
        },
        {
          id: "template",
          text: "请提供订单号。",
          scores: { empathy: 1 },
          feedback: "太机械。",
          next: "ask",
        },
        {
          id: "deflect",
          text: "请联系快递公司。",
          scores: { empathy: -2 },
          feedback: "推卸责任。",
          next: "lost",
          redLine: "blame",
        },
      ],
    },
    ask: {
      customer: "那你说怎么办？",
      reply: {
        rubric: "service-reply",
        instruction: "给出两个方案。",
        modelAnswer: "我们可以补发或退款，您选哪一个？",
        passPercent: 60,
        next: "done",
        failNext: "escalated",
      },
    },
  },
  endings: {
    done: { outcome: "resolved", customer: "好的。", debrief: "解决了。" },
    escalated: {
      outcome: "escalated",
      customer: "找主管。",
      debrief: "升级。",
    },
    lost: { outcome: "lost", customer: "差评！", debrief: "流失。" },
  },
});

const choose = (choiceId: string, best?: number) => ({
  nodeId: "open",
  kind: "choice" as const,
  choiceId,
  ...(best !== undefined ? { best } : {}),
});
const reply = (passed: boolean) => ({
  nodeId: "ask",
  kind: "reply" as const,
  reply: { passed },
});
const run = (
  turns: RunPath["state"]["turns"],
  endingId: string | null,
  breaches: RunPath["state"]["breaches"] = [],
): RunPath => ({ state: { turns, breaches, endingId } });

const runs = [
  run([choose("soothe"), reply(true)], "done"), // the good path throughout
  run([choose("soothe"), reply(false)], "escalated"), // leaves at the reply
  run([choose("template"), reply(true)], "done"), // leaves at the choice
  run([choose("deflect")], "lost", [{ nodeId: "open", category: "blame" }]),
  run([choose("soothe")], null), // still playing
];

Deno.test("scenarioPaths(): reach, choice shares, where runs leave the good path, red lines", () => {
  const p = scenarioPaths(scenario, runs);
  assert.equal(p.runs, 5);
  assert.equal(p.finished, 4);
  assert.equal(p.stayedOnPath, 1);
  assert.deepEqual(p.endings, { done: 2, escalated: 1, lost: 1 });
  const [open, ask] = p.nodes;
  assert.equal(open.nodeId, "open");
  assert.equal(open.reached, 5);
  assert.deepEqual(
    open.choices.map((c) => [c.choiceId, c.count, c.share, c.good, c.redLine]),
    [
      ["soothe", 3, 60, true, null],
      ["template", 1, 20, false, null],
      ["deflect", 1, 20, false, "blame"],
    ],
  );
  assert.equal(open.left, 2, "the template and the red-line option");
  assert.equal(open.leftShare, 40);
  assert.deepEqual(open.redLines, { blame: 1 });
  assert.equal(ask.kind, "reply");
  assert.equal(ask.reached, 3);
  assert.deepEqual(ask.replies, { passed: 2, failed: 1 });
  // The template run was already off the path: only the failed reply leaves here.
  assert.equal(ask.left, 1);
  assert.equal(ask.leftShare, 33.3);
  assert.deepEqual(ask.redLines, {});
});

Deno.test("scenarioPaths(): the best option offered counts as good when a condition hid the best authored one", () => {
  // `best` 1: only the template option (worth 1) and the red line were offered.
  const p = scenarioPaths(scenario, [
    run([choose("template", 1), reply(true)], "done"),
  ]);
  assert.equal(p.stayedOnPath, 1);
  assert.equal(p.nodes[0].left, 0);
  // With the best option on offer (best 3), the same choice leaves the path.
  const q = scenarioPaths(scenario, [
    run([choose("template", 3), reply(true)], "done"),
  ]);
  assert.equal(q.stayedOnPath, 0);
  assert.equal(q.nodes[0].left, 1);
});

Deno.test("scenarioPaths(): a red-line option is never the good path, even if it scored best", () => {
  const p = scenarioPaths(scenario, [run([choose("deflect", -5)], "lost")]);
  assert.equal(p.nodes[0].left, 1);
  assert.equal(p.stayedOnPath, 0);
});

Deno.test("scenarioPaths(): no runs, no figures (and no division by zero)", () => {
  const p = scenarioPaths(scenario, []);
  assert.equal(p.runs, 0);
  assert.ok(p.nodes.every((n) => n.reached === 0 && n.leftShare === 0));
  assert.ok(p.nodes[0].choices.every((c) => c.share === 0));
});
