import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { loadContent } from "@/lib/content/loader.ts";
import { playScenario } from "./scenario_play.ts";

const { tree } = await loadContent(
  fileURLToPath(new URL("../content/testdata/valid", import.meta.url)),
);
const scenario = tree.scenarios[0].data;
const rubrics = tree.rubrics.map((r) => r.data);

Deno.test("playScenario() starts at the chosen node with the chosen mood", () => {
  const r = playScenario(scenario, rubrics, {
    node: "angry",
    mood: 5,
    moves: [],
  })!;
  assert.equal(r.state.nodeId, "angry");
  assert.equal(r.state.mood, 5);
});

Deno.test("playScenario() applies choices as the engine does, red lines included", () => {
  const good = playScenario(scenario, rubrics, {
    node: "open",
    mood: 30,
    moves: [{ choice: "empathise" }],
  })!;
  assert.equal(good.state.nodeId, "check");
  assert.equal(good.state.mood, 40);
  const bad = playScenario(scenario, rubrics, {
    node: "open",
    mood: 30,
    moves: [{ choice: "blame" }],
  })!;
  assert.equal(bad.state.nodeId, "angry");
  assert.equal(bad.state.breaches.length, 1);
  assert.equal(bad.state.mood, 0);
});

Deno.test("playScenario() refuses an option the node does not offer and an unknown node", () => {
  const r = playScenario(scenario, rubrics, {
    node: "open",
    mood: 30,
    moves: [{ choice: "sorry" }],
  })!;
  assert.equal(r.state.nodeId, "open");
  assert.equal(r.refused?.field, "choiceId");
  assert.equal(
    playScenario(scenario, rubrics, { node: "nope", mood: 1, moves: [] }),
    null,
  );
});
