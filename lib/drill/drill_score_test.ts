import assert from "node:assert/strict";
import { itemScore, runScore, speedScore } from "./drill_score.ts";

Deno.test("speedScore() is full within the limit and falls to zero at twice the limit", () => {
  assert.equal(speedScore(8, 10), 100);
  assert.equal(speedScore(10, 10), 100);
  assert.equal(speedScore(15, 10), 50);
  assert.equal(speedScore(25, 10), 0);
});

Deno.test("itemScore() weighs rubric 60% and speed 40%", () => {
  assert.equal(itemScore(100, 5, 10), 100);
  assert.equal(itemScore(50, 5, 10), 70);
  assert.equal(itemScore(100, 20, 10), 60);
});

Deno.test("runScore() averages, and an empty run scores 0", () => {
  assert.equal(runScore([100, 70, 61]), 77);
  assert.equal(runScore([]), 0);
});
