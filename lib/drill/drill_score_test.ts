import assert from "node:assert/strict";
import {
  DRILL_PASS,
  itemScore,
  runPassed,
  runScore,
  speedScore,
} from "./drill_score.ts";

Deno.test("speedScore() is full within the limit and falls to zero at twice the limit", () => {
  assert.equal(speedScore(8, 10), 100);
  assert.equal(speedScore(10, 10), 100);
  assert.equal(speedScore(15, 10), 50);
  assert.equal(speedScore(25, 10), 0);
});

Deno.test("itemScore() adds speed to a passing answer, never below the pass mark", () => {
  assert.equal(itemScore({ score: 100, passed: true }, 5, 10), 100);
  assert.equal(itemScore({ score: 60, passed: true }, 5, 10), 76);
  // Slow but right: the pass mark, not less.
  assert.equal(itemScore({ score: 100, passed: true }, 20, 10), 60);
  assert.equal(itemScore({ score: 67, passed: true }, 30, 10), DRILL_PASS);
});

Deno.test("itemScore() never lets speed lift a failing answer", () => {
  // Sent at once, but it failed on content: speed adds nothing.
  assert.equal(itemScore({ score: 50, passed: false }, 1, 10), 50);
  assert.equal(itemScore({ score: 0, passed: false }, 1, 10), 0);
  // A content score at the pass mark that failed anyway (a missed item
  // criterion) stays below it.
  assert.equal(itemScore({ score: 80, passed: false }, 1, 10), DRILL_PASS - 1);
});

Deno.test("runScore() averages, and an empty run scores 0", () => {
  assert.equal(runScore([100, 70, 61]), 77);
  assert.equal(runScore([]), 0);
});

Deno.test("runPassed() needs the pass mark and no red line crossed", () => {
  assert.equal(runPassed(80, [{}, { blocked: false }]), true);
  assert.equal(runPassed(59, [{}]), false);
  assert.equal(runPassed(90, [{}, { blocked: true }]), false);
});
