import assert from "node:assert/strict";
import { choiceTotal, evaluateCondition } from "./condition.ts";

Deno.test("evaluateCondition() needs every test to hold", () => {
  const state = { mood: 30, chose: new Set(["open.empathise"]) };
  assert.equal(
    evaluateCondition({
      moodAtLeast: 20,
      moodBelow: 80,
      chose: ["open.empathise"],
    }, state),
    true,
  );
  assert.equal(evaluateCondition({ moodBelow: 30 }, state), false);
  assert.equal(
    evaluateCondition({ notChose: ["open.empathise"] }, state),
    false,
  );
});

Deno.test("choiceTotal() sums every dimension, negatives included", () => {
  assert.equal(
    choiceTotal({ scores: { empathy: 3, accuracy: -1, compliance: 2 } }),
    4,
  );
  assert.equal(choiceTotal({ scores: {} }), 0);
});
