import assert from "node:assert/strict";
import { loadContent, PROJECT_ROOT } from "@/lib/content/loader.ts";
import type { Scenario } from "@/lib/content/schema.ts";
import { seededRandom } from "@/lib/quiz/draw.ts";
import {
  applyChoice,
  applyGradedReply,
  availableChoices,
  modelPath,
  type RunState,
  startRun,
  sum,
  totals,
} from "./engine.ts";
import { checkScenario, walkScenario } from "./scenario_check.ts";

const { tree } = await loadContent(PROJECT_ROOT);
const bundled = tree.scenarios;

/** Plays a run with random options and random reply verdicts, as a learner might. */
function randomRun(s: Scenario, seed: string): RunState {
  const random = seededRandom(seed);
  let state = startRun(s);
  for (let i = 0; i < 200 && state.nodeId; i++) {
    const node = s.nodes[state.nodeId];
    if (node.choices) {
      const offered = availableChoices(s, state);
      const pick = offered[Math.floor(random() * offered.length)];
      state = applyChoice(s, state, state.nodeId, pick.id);
    } else {
      const pass = random() < 0.5;
      state = applyGradedReply(s, state, state.nodeId, "回复", {
        score: pass ? 100 : Math.floor(random() * node.reply!.passPercent),
        criteria: [],
      });
    }
  }
  return state;
}

Deno.test("there are bundled scenarios to check", () => {
  assert.ok(bundled.length >= 10, `only ${bundled.length} scenarios`);
});

for (const loaded of bundled) {
  const s = loaded.data;
  Deno.test(`content:check and the engine agree on scenario "${s.id}"`, () => {
    assert.deepEqual(checkScenario(loaded), []);
    const walk = walkScenario(s);
    assert.equal(walk.truncated, false);
    const model = modelPath(s);
    const modelTotal = sum(totals(model.state.turns));
    // The walk's best path is the engine's model path.
    const top = Math.max(...walk.paths.map((p) => p.total));
    assert.ok(top <= modelTotal + 0.05, `${top} > ${modelTotal}`);
    assert.ok(
      walk.paths.some((p) =>
        p.endingId === model.endingId && Math.abs(p.total - modelTotal) < 0.05
      ),
      "the walk finds the model path",
    );
    // Every node the walk reaches is a node of the scenario, and every node
    // is reached (the graph checks would say so otherwise).
    assert.deepEqual(
      [...walk.reached].filter((n) => !s.nodes[n] && !s.endings[n]),
      [],
    );
    // Runs played with the engine, choices and reply verdicts at random
    // (mood after choices, replies passing and failing, branches), only
    // visit nodes the walk reached, end where a walked path ends, never
    // outscore the model path, and never end resolved after a red-line choice.
    const endings = new Set(walk.paths.map((p) => p.endingId));
    for (let i = 0; i < 300; i++) {
      const run = randomRun(s, `${s.id}/${i}`);
      assert.ok(run.endingId, `run ${i} of "${s.id}" did not end`);
      for (const t of run.turns) assert.ok(walk.reached.has(t.nodeId));
      assert.ok(endings.has(run.endingId!));
      assert.ok(sum(totals(run.turns)) <= modelTotal + 0.05);
      if (run.breaches.some((b) => b.source === "choice")) {
        assert.notEqual(s.endings[run.endingId!].outcome, "resolved");
      }
    }
  });
}

Deno.test("the walk applies the engine's mood change after a free-text reply", () => {
  const s =
    bundled.find((l) => Object.values(l.data.nodes).some((n) => n.reply))!.data;
  const walk = walkScenario(s);
  const withReply = walk.paths.find((p) => p.steps.some((st) => st.reply))!;
  const i = withReply.steps.findIndex((st) => st.reply);
  const turn = withReply.state.turns[i];
  assert.equal(
    turn.moodAfter,
    Math.max(
      0,
      Math.min(
        100,
        turn.moodBefore + (withReply.steps[i].reply === "pass" ? 10 : -10),
      ),
    ),
  );
});
