import assert from "node:assert/strict";
import { ScenarioSchema } from "@/lib/content/schema.ts";
import {
  applyChoice,
  applyReply,
  availableChoices,
  debrief,
  modelPath,
  type ReplyGrader,
  ScenarioInputError,
  shownChoices,
  startRun,
} from "./engine.ts";

const scenario = ScenarioSchema.parse({
  id: "parcel",
  title: "包裹",
  summary: "测试",
  module: "practice",
  skills: ["complaint-steps"],
  persona: { name: "王女士", channel: "chat", psychology: "venting", mood: 40 },
  firstResponseSeconds: 30,
  start: "open",
  nodes: {
    open: {
      customer: "快递五天没动了!",
      choices: [
        {
          id: "soothe",
          text: "非常抱歉让您着急了,我马上查。",
          scores: { empathy: 2, process: 1 },
          mood: 20,
          feedback: "先安抚。",
          next: "ask",
        },
        {
          id: "blame",
          text: "不是我们的问题。",
          scores: { empathy: -2 },
          mood: -30,
          feedback: "推卸。",
          next: "angry",
        },
      ],
    },
    ask: {
      customer: "那你说怎么办?",
      choices: [
        {
          id: "calm-only",
          text: "您别急。",
          scores: { empathy: 1 },
          mood: 0,
          feedback: "只在顾客已平静时可用。",
          next: "write",
          when: { moodAtLeast: 90 },
        },
        {
          id: "plan",
          text: "我今天下午 6 点前给您回复。",
          scores: { accuracy: 2, efficiency: 1 },
          mood: 10,
          feedback: "有具体时间。",
          next: "write",
        },
      ],
    },
    write: {
      customer: "你写清楚。",
      reply: {
        rubric: "r",
        instruction: "写出方案和时间",
        modelAnswer: "抱歉让您久等,今天 6 点前回复您。",
        passPercent: 60,
        next: "done",
        failNext: "angry",
        dimension: "process",
      },
    },
    angry: {
      customer: "我要投诉!",
      choices: [{
        id: "escalate",
        text: "我请主管马上联系您。",
        scores: { process: 1 },
        feedback: "升级。",
        next: "up",
      }],
    },
  },
  endings: {
    done: { outcome: "resolved", customer: "好的谢谢", debrief: "处理得好。" },
    up: { outcome: "escalated", customer: "行吧", debrief: "升级了。" },
  },
});

const rubric = {
  id: "r",
  title: "r",
  length: { min: 1, max: 300 },
  required: [{
    id: "t",
    label: "时间",
    element: "time" as const,
    patterns: ["\\d+\\s*点"],
    hint: "给时间",
  }],
  forbidden: [],
};
const grader: ReplyGrader = (_r, text) => {
  const ok = /\d+\s*点/.test(text);
  return {
    score: ok ? 100 : 0,
    criteria: [{
      id: "t",
      label: "时间",
      passed: ok,
      reason: ok ? "有时间" : "缺少时间",
    }],
  };
};

Deno.test("startRun() begins at the start node with the persona's mood", () => {
  assert.deepEqual(startRun(scenario), {
    scenarioId: "parcel",
    nodeId: "open",
    endingId: null,
    mood: 40,
    chose: [],
    turns: [],
    breaches: [],
  });
});

Deno.test("applyChoice() adds scores and mood, records the turn, follows next", () => {
  const s = applyChoice(scenario, startRun(scenario), "open", "soothe", 12);
  assert.equal(s.nodeId, "ask");
  assert.equal(s.mood, 60);
  assert.deepEqual(s.chose, ["open.soothe"]);
  assert.deepEqual(s.turns[0].scores, { empathy: 2, process: 1 });
  assert.equal(s.turns[0].late, undefined);
});

Deno.test("a late first reply costs efficiency (the scenario's late penalty) and mood", () => {
  const s = applyChoice(scenario, startRun(scenario), "open", "soothe", 45);
  assert.deepEqual(s.turns[0].late, { seconds: 45, limit: 30 });
  assert.equal(s.turns[0].scores.efficiency, -scenario.penalties.late);
  assert.deepEqual(s.turns[0].penalties, [{
    kind: "late",
    points: scenario.penalties.late,
    dimension: "efficiency",
  }]);
  assert.equal(s.mood, 50);
});

Deno.test("conditions hide options, and a hidden option cannot be forced", () => {
  const s = applyChoice(scenario, startRun(scenario), "open", "soothe");
  assert.deepEqual(availableChoices(scenario, s).map((c) => c.id), ["plan"]);
  assert.throws(
    () => applyChoice(scenario, s, "ask", "calm-only"),
    ScenarioInputError,
  );
});

Deno.test("input for another node, an unknown option or a finished run is refused", () => {
  const s = startRun(scenario);
  assert.throws(
    () => applyChoice(scenario, s, "ask", "plan"),
    /not the current step/,
  );
  assert.throws(
    () => applyChoice(scenario, s, "open", "nope"),
    /Option "nope" is not offered/,
  );
  assert.throws(
    () => applyReply(scenario, s, "open", "hi", [rubric], grader),
    /expects a choice/,
  );
});

Deno.test("applyReply() grades with the rubric and branches on pass/fail", () => {
  let s = applyChoice(scenario, startRun(scenario), "open", "soothe");
  s = applyChoice(scenario, s, "ask", "plan");
  const pass = applyReply(
    scenario,
    s,
    "write",
    "今天 6 点前回复您",
    [rubric],
    grader,
  );
  assert.equal(pass.endingId, "done");
  assert.equal(pass.turns.at(-1)!.reply!.passed, true);
  assert.deepEqual(pass.turns.at(-1)!.scores, { process: 3 });
  const fail = applyReply(scenario, s, "write", "我看看", [rubric], grader);
  assert.equal(fail.nodeId, "angry");
  assert.equal(fail.turns.at(-1)!.feedback, "写出方案和时间");
  assert.throws(
    () => applyReply(scenario, s, "write", "字".repeat(2001), [rubric], grader),
    /at most 300/,
  );
  // The rubric's own limit: 300 characters pass, 301 are refused.
  assert.throws(
    () =>
      applyReply(
        scenario,
        s,
        "write",
        "6点" + "字".repeat(299),
        [rubric],
        grader,
      ),
    /301 characters; at most 300/,
  );
  assert.equal(
    applyReply(scenario, s, "write", "6点" + "字".repeat(298), [rubric], grader)
      .turns.length,
    3,
  );
  assert.throws(
    () => applyReply(scenario, s, "write", "   ", [rubric], grader),
    /empty/,
  );
});

Deno.test("modelPath() takes the best offered option and ends well; debrief compares with it", () => {
  const model = modelPath(scenario);
  assert.deepEqual(model.steps.map((s) => s.nodeId), ["open", "ask", "write"]);
  assert.equal(model.endingId, "done");
  let s = applyChoice(scenario, startRun(scenario), "open", "soothe");
  s = applyChoice(scenario, s, "ask", "plan");
  s = applyReply(scenario, s, "write", "今天 6 点前回复您", [rubric], grader);
  const d = debrief(scenario, s);
  assert.equal(d.outcome, "resolved");
  assert.equal(d.percent, 100);
  assert.equal(d.transcript.length, 3);
  const bad = applyChoice(
    scenario,
    applyChoice(scenario, startRun(scenario), "open", "blame"),
    "angry",
    "escalate",
  );
  const worse = debrief(scenario, bad);
  assert.equal(worse.outcome, "escalated");
  assert.equal(worse.percent, 0);
  assert.throws(() => debrief(scenario, startRun(scenario)), /not ended/);
});

// ------------------------------------------------------------ truthful totals

const angryGrader: ReplyGrader = (_r, text) => ({
  score: 100,
  criteria: [],
  blockers: text.includes("快递")
    ? [{
      category: "blame",
      text: "快递",
      start: text.indexOf("快递"),
      end: text.indexOf("快递") + 2,
    }]
    : [],
});

/** A scenario whose failed reply still leads to a resolved ending. */
const forgiving = ScenarioSchema.parse({
  ...scenario,
  id: "forgiving",
  nodes: {
    ...scenario.nodes,
    write: {
      ...scenario.nodes.write,
      reply: { ...scenario.nodes.write.reply!, failNext: "done" },
    },
    ask: {
      ...scenario.nodes.ask,
      choices: [
        ...scenario.nodes.ask.choices!,
        {
          id: "promise",
          text: "保证明天一定到!",
          scores: { empathy: 1 },
          mood: 10,
          feedback: "越权承诺。",
          next: "write",
          redLine: "promise",
        },
      ],
    },
  },
});

function playTo(
  s: typeof forgiving,
  askChoice: string,
  reply: string,
  grade: ReplyGrader = grader,
) {
  let st = applyChoice(s, startRun(s), "open", "soothe");
  st = applyChoice(s, st, "ask", askChoice);
  return applyReply(s, st, "write", reply, [rubric], grade);
}

Deno.test("a run with a failed free-text node does not pass, even when it ends resolved", () => {
  const run = playTo(forgiving, "plan", "我看看");
  assert.equal(run.endingId, "done");
  const d = debrief(forgiving, run);
  assert.equal(d.outcome, "resolved");
  assert.equal(d.passed, false);
  assert.deepEqual(d.failures.failedReplies, ["write"]);
  // The failed reply costs the scenario's penalty in its dimension.
  const last = run.turns.at(-1)!;
  assert.deepEqual(last.penalties, [{
    kind: "failedReply",
    points: forgiving.penalties.failedReply,
    dimension: "process",
  }]);
  assert.equal(last.scores.process, -forgiving.penalties.failedReply);
  // The same path with a passing reply passes.
  const good = debrief(
    forgiving,
    playTo(forgiving, "plan", "今天 6 点前回复您"),
  );
  assert.equal(good.passed, true);
  assert.ok(good.percent > d.percent);
});

Deno.test("a red-line choice is recorded as a breach and the run cannot pass", () => {
  const run = playTo(forgiving, "promise", "今天 6 点前回复您");
  assert.equal(run.endingId, "done");
  assert.deepEqual(run.breaches, [{
    nodeId: "ask",
    turn: 1,
    source: "choice",
    category: "promise",
    text: "保证明天一定到!",
  }]);
  const d = debrief(forgiving, run);
  assert.equal(d.outcome, "resolved");
  assert.equal(d.passed, false);
  assert.equal(d.failures.breaches.length, 1);
  assert.equal(
    run.turns[1].scores.compliance,
    -forgiving.penalties.redLine,
  );
});

Deno.test("a reply with a blocker fails its node whatever its score, and the breach keeps its span", () => {
  let st = applyChoice(scenario, startRun(scenario), "open", "soothe");
  st = applyChoice(scenario, st, "ask", "plan");
  const run = applyReply(
    scenario,
    st,
    "write",
    "是快递的问题,今天 6 点前回复您",
    [rubric],
    angryGrader,
  );
  const turn = run.turns.at(-1)!;
  assert.equal(turn.reply!.score, 100);
  assert.equal(turn.reply!.passed, false);
  assert.equal(run.nodeId, "angry"); // the fail branch
  assert.deepEqual(run.breaches, [{
    nodeId: "write",
    turn: 2,
    source: "reply",
    category: "blame",
    text: "快递",
    start: 1,
    end: 3,
  }]);
  // A blocked reply earns nothing and pays both penalties.
  assert.deepEqual(turn.penalties!.map((p) => p.kind), [
    "failedReply",
    "redLine",
  ]);
  const done = applyChoice(scenario, run, "angry", "escalate");
  assert.equal(debrief(scenario, done).passed, false);
});

Deno.test("a late first response costs the scenario's penalty; the debrief says which step cost what", () => {
  let st = applyChoice(forgiving, startRun(forgiving), "open", "soothe", 90);
  st = applyChoice(forgiving, st, "ask", "promise");
  st = applyReply(forgiving, st, "write", "我看看", [rubric], grader);
  const d = debrief(forgiving, st);
  assert.equal(d.failures.late, true);
  assert.deepEqual(d.costs.map((c) => [c.nodeId, c.lost]), [
    ["open", forgiving.penalties.late],
    // The best option was worth 3; the promise earned 1 and crossed a red line.
    ["ask", 3 - 1 + forgiving.penalties.redLine],
    ["write", 3 + forgiving.penalties.failedReply],
  ]);
  assert.equal(d.percent, 0);
});

Deno.test("choices are shuffled per run: over 200 runs the best option sits in every position, and it scores by id", () => {
  const wide = ScenarioSchema.parse({
    ...scenario,
    nodes: {
      ...scenario.nodes,
      open: {
        ...scenario.nodes.open,
        choices: [
          ...scenario.nodes.open.choices!,
          { ...scenario.nodes.open.choices![1], id: "shrug", text: "嗯。" },
          { ...scenario.nodes.open.choices![1], id: "wait", text: "等着吧。" },
        ],
      },
    },
  });
  const best = "soothe";
  const positions = new Set<number>();
  const orders = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const run = startRun(wide, `run-${i}`);
    const shown = shownChoices(wide, run).map((c) => c.id);
    assert.deepEqual(shown.toSorted(), ["blame", "shrug", "soothe", "wait"]);
    positions.add(shown.indexOf(best));
    orders.add(shown.join(","));
    // The same run shows the same order again (a reload).
    assert.deepEqual(shownChoices(wide, run).map((c) => c.id), shown);
    // Answering by id scores the option, wherever it is shown.
    const after = applyChoice(wide, run, "open", best);
    assert.deepEqual(after.turns[0].scores, { empathy: 2, process: 1 });
    const first = applyChoice(wide, run, "open", shown[0]);
    assert.equal(
      first.turns[0].choiceId === best,
      shown[0] === best,
    );
  }
  assert.deepEqual([...positions].sort(), [0, 1, 2, 3]);
  assert.ok(orders.size > 10, `only ${orders.size} orders in 200 runs`);
});
