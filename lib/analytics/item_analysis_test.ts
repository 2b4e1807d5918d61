/**
 * Item statistics against values computed by hand from Moodle's formulas.
 * Six learners, three questions in fixed slots:
 *
 * | learner | Q1 | Q2 | Q3 | total |
 * | ------- | -- | -- | -- | ----- |
 * | L1      | 1  | 1  | 0  | 2     |
 * | L2      | 1  | 1  | 1  | 3     |
 * | L3      | 1  | 0  | 0  | 1     |
 * | L4      | 0  | 1  | 0  | 1     |
 * | L5      | 1  | 0  | 1  | 2     |
 * | L6      | 0  | 0  | 0  | 0     |
 *
 * Q1: x̄ = 2/3, Σ(x − x̄)² = 4/3 so V = 4/15; rest X' = (1,2,0,1,1,0),
 * Σ(X' − X̄')² = 17/6 so V' = 17/30; Σ products = 2/3 so Cov = 2/15;
 * sorted pairs give Cov_max = 1/3. D = 100·(2/15)/√(4/15·17/30) ≈ 34.30,
 * DE = 100·(2/15)/(1/3) = 40.
 * Q2: x̄ = 1/2, V = 3/10, X' = (1,2,1,0,2,0), Σ products = 0: D = DE = 0.
 * Alpha over the three slots: Σ V = 4/15 + 3/10 + 4/15 = 5/6, V(total) =
 * 5.5/5 = 1.1, α = 3/2 · (1 − (5/6)/1.1) = 4/11.
 */
import assert from "node:assert/strict";
import {
  analyseItems,
  type AttemptRecord,
  selectAttempts,
} from "./item_analysis.ts";

const day = (d: number) => new Date(Date.UTC(2026, 10, d));

/** Q1 and Q2 single choice (a right); Q3 fill-in. Wrong picks as the table notes. */
const rows: [string, number, number, number, string, string][] = [
  // learner, Q1, Q2, Q3, Q1 pick, Q2 pick
  ["L1", 1, 1, 0, "a", "a"],
  ["L2", 1, 1, 1, "a", "a"],
  ["L3", 1, 0, 0, "a", "b"],
  ["L4", 0, 1, 0, "b", "a"],
  ["L5", 1, 0, 1, "a", "b"],
  ["L6", 0, 0, 0, "c", "c"],
];
const attempts: AttemptRecord[] = rows.map((
  [learnerId, q1, q2, q3, p1, p2],
) => ({
  learnerId,
  submittedAt: day(1),
  responses: [
    { item: "Q1", slot: 0, score: q1, picks: [p1] },
    { item: "Q2", slot: 1, score: q2, picks: [p2] },
    { item: "Q3", slot: 2, score: q3, picks: [] },
  ],
}));
const choice = ["a", "b", "c"].map((id) => ({ id, correct: id === "a" }));
const items = [
  { item: "Q1", options: choice },
  { item: "Q2", options: choice },
  { item: "Q3", options: [] },
];

const close = (actual: number | null, expected: number, what: string) =>
  assert.ok(
    actual !== null && Math.abs(actual - expected) < 1e-9,
    `${what}: ${actual} ≠ ${expected}`,
  );

Deno.test("facility, SD, discrimination index and efficiency match the hand computation", () => {
  const { items: [q1, q2, q3] } = analyseItems(attempts, items);
  assert.equal(q1.n, 6);
  close(q1.facility, 2 / 3, "Q1 facility");
  close(q1.sd, Math.sqrt(4 / 15), "Q1 SD");
  close(
    q1.discriminationIndex,
    (100 * (2 / 15)) / Math.sqrt((4 / 15) * (17 / 30)),
    "Q1 D",
  );
  close(q1.discriminationIndex, 34.29971702850177, "Q1 D as a number");
  close(q1.discriminativeEfficiency, 40, "Q1 DE");
  close(q2.facility, 1 / 2, "Q2 facility");
  close(q2.sd, Math.sqrt(3 / 10), "Q2 SD");
  close(q2.discriminationIndex, 0, "Q2 D");
  close(q2.discriminativeEfficiency, 0, "Q2 DE");
  // Q3 mirrors Q1: the same variances and covariances.
  close(q3.facility, 1 / 3, "Q3 facility");
  close(q3.discriminativeEfficiency, 40, "Q3 DE");
});

Deno.test("Cronbach's alpha over the slots is 4/11", () => {
  const { quiz } = analyseItems(attempts, items);
  assert.equal(quiz.attempts, 6);
  assert.equal(quiz.slots, 3);
  close(quiz.alpha, 4 / 11, "alpha");
  close(quiz.mean, 9 / 6 / 3, "mean");
  assert.equal(quiz.nTooSmall, true, "6 attempts are under the default 10");
  assert.equal(
    analyseItems(attempts, items, { minN: 5 }).quiz.nTooSmall,
    false,
  );
});

Deno.test("pick rates overall and in the strongest and weakest thirds by rest-of-test score", () => {
  const { items: [q1, q2] } = analyseItems(attempts, items);
  // Q1: ranked by rest L2(2) L1 L4 L5(1) L3 L6(0): upper {L2, L1}, lower {L3, L6}.
  assert.deepEqual(
    q1.options.map((o) => [o.id, o.picks, o.upperRate, o.lowerRate]),
    [
      ["a", 4, 1, 0.5],
      ["b", 1, 0, 0],
      ["c", 1, 0, 0.5],
    ],
  );
  close(q1.options[0].pickRate, 4 / 6, "Q1 a pick rate");
  // Q2: ranked L2 L5(2) L1 L3(1) L4 L6(0): upper {L2, L5} — L5 picked b.
  assert.deepEqual(q2.options.map((o) => [o.id, o.upperRate, o.lowerRate]), [
    ["a", 0.5, 0.5],
    ["b", 0.5, 0],
    ["c", 0, 0.5],
  ]);
});

Deno.test("flags: low discrimination and a distractor the strong third picks more; none on a sound item", () => {
  const { items: [q1, q2, q3] } = analyseItems(attempts, items);
  assert.deepEqual(q1.flags, []);
  assert.deepEqual(q2.flags, [
    { code: "low_discrimination", efficiency: 0 },
    {
      code: "misleading_distractor",
      option: "b",
      upperRate: 0.5,
      lowerRate: 0,
    },
  ]);
  assert.deepEqual(q3.flags, []);
  // Everyone right: too easy, and no discrimination to compute.
  const easy = attempts.map((a) => ({
    ...a,
    responses: a.responses.map((r) =>
      r.item === "Q1" ? { ...r, score: 1, picks: ["a"] } : r
    ),
  }));
  const e = analyseItems(easy, items).items[0];
  assert.deepEqual(e.flags, [{ code: "too_easy", facility: 1 }]);
  assert.equal(e.discriminationIndex, null, "no variance: no index, not 0");
  // Almost everyone wrong: too hard.
  const hard = attempts.map((a) => ({
    ...a,
    responses: a.responses.map((r) =>
      r.item === "Q1" ? { ...r, score: a.learnerId === "L2" ? 1 : 0 } : r
    ),
  }));
  assert.equal(analyseItems(hard, items).items[0].flags[0].code, "too_hard");
  // Weaker learners doing better than stronger ones: negative discrimination.
  const reversed = attempts.map((a) => ({
    ...a,
    responses: a.responses.map((r) =>
      r.item === "Q1" ? { ...r, score: 1 - r.score } : r
    ),
  }));
  const rev = analyseItems(reversed, items).items[0];
  assert.ok(rev.discriminationIndex! < 0);
  assert.deepEqual(rev.flags.map((f) => f.code), [
    "negative_discrimination",
    "low_discrimination",
  ]);
});

Deno.test("first attempts by default; every attempt when asked", () => {
  const retake: AttemptRecord = {
    learnerId: "L6",
    submittedAt: day(3),
    responses: attempts[0].responses.map((r) => ({
      ...r,
      score: 1,
      picks: ["a"],
    })),
  };
  // The retake is submitted later but listed first: order must not matter.
  const all = [retake, ...attempts];
  assert.deepEqual(
    selectAttempts(all).find((a) => a.learnerId === "L6")?.submittedAt,
    day(1),
  );
  assert.equal(analyseItems(all, items).items[0].n, 6);
  close(
    analyseItems(all, items).items[0].facility,
    2 / 3,
    "first attempts only",
  );
  assert.equal(analyseItems(all, items, { attempts: "all" }).items[0].n, 7);
  close(
    analyseItems(all, items, { attempts: "all" }).items[0].facility,
    5 / 7,
    "all attempts",
  );
});

Deno.test("too few attempts: no SD or indices, alpha needs equal slots", () => {
  const one = analyseItems([attempts[0]], items);
  assert.equal(one.items[0].sd, null);
  assert.equal(one.items[0].discriminationIndex, null);
  assert.equal(one.quiz.alpha, null);
  const uneven = [...attempts, {
    learnerId: "L7",
    submittedAt: day(1),
    responses: attempts[0].responses.slice(0, 2),
  }];
  assert.equal(analyseItems(uneven, items).quiz.slots, null);
  assert.equal(analyseItems(uneven, items).quiz.alpha, null);
  assert.equal(analyseItems([], items).items[0].facility, null);
});
