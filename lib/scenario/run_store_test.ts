import assert from "node:assert/strict";
import { ScenarioSchema } from "@/lib/content/schema.ts";
import type { ReplyGrader } from "./engine.ts";
import { countedRuns, startScenarioRun, takeTurn } from "./run_store.ts";

const scenario = ScenarioSchema.parse({
  id: "promise",
  title: "承诺",
  summary: "测试",
  module: "practice",
  skills: ["compliance"],
  persona: {
    name: "王女士",
    channel: "chat",
    psychology: "solution",
    mood: 50,
  },
  firstResponseSeconds: 30,
  start: "open",
  nodes: {
    open: {
      customer: "明天能到吗?",
      choices: [
        {
          id: "honest",
          text: "我查一下物流,今天 18 点前回复您。",
          scores: { accuracy: 3 },
          feedback: "好",
          next: "done",
        },
        {
          id: "promise",
          text: "保证明天一定到!",
          scores: { accuracy: -1 },
          feedback: "越权承诺",
          next: "flagged",
          redLine: "promise",
        },
      ],
    },
  },
  endings: {
    done: { outcome: "resolved", customer: "好", debrief: "好" },
    flagged: { outcome: "lost", customer: "哼", debrief: "差" },
  },
});
const noGrader: ReplyGrader = () => ({ score: 0, criteria: [] });

async function play(kv: Deno.Kv, choiceId: string, at: number) {
  const run = await startScenarioRun(
    kv,
    "learner-1",
    "demo",
    1,
    scenario,
    new Date(at),
  );
  return await takeTurn(
    kv,
    "learner-1",
    run.id,
    scenario,
    [],
    noGrader,
    { nodeId: "open", choiceId, idempotencyKey: `key-${at}` },
    new Date(at + 5000),
  );
}

Deno.test("countedRuns() gives certification the latest finished run of each scenario, breaches included", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const bad = await play(kv, "promise", Date.UTC(2026, 0, 1));
    assert.equal(bad.passed, false);
    let counted = await countedRuns(kv, "learner-1", "demo");
    assert.equal(counted.promise.runId, bad.id);
    assert.equal(counted.promise.redLine, true);
    assert.equal(counted.promise.breaches[0].category, "promise");
    // A later clean run is the one that counts.
    const good = await play(kv, "honest", Date.UTC(2026, 0, 2));
    // An unfinished run does not count.
    await startScenarioRun(
      kv,
      "learner-1",
      "demo",
      1,
      scenario,
      new Date(Date.UTC(2026, 0, 3)),
    );
    counted = await countedRuns(kv, "learner-1", "demo");
    assert.deepEqual(Object.keys(counted), ["promise"]);
    assert.equal(counted.promise.runId, good.id);
    assert.equal(counted.promise.redLine, false);
    assert.equal(counted.promise.passed, true);
    assert.equal(counted.promise.percent, 100);
    assert.deepEqual(await countedRuns(kv, "learner-2", "demo"), {});
  } finally {
    kv.close();
  }
});
