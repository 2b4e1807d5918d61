// Each test is a worked example of docs/evaluation.md, by its section name.
import assert from "node:assert/strict";
import {
  behaviourScore,
  calibration,
  cellOf,
  checkpointOfDay,
  correlation,
  differenceInDifferences,
  distribution,
  gated,
  kpiAttainment,
  kpiMovement,
  mean,
  meanFromSums,
  meanOfCounts,
  MIN_N_REACTION,
  normalisedGain,
  nps,
  responseRate,
} from "./formulas.ts";
import { DEFAULT_TARGETS } from "./kpi.ts";
import { trainingWindow } from "./summary.ts";

const close = (a: number | null | undefined, b: number, eps = 0.005) =>
  assert.ok(
    a !== null && a !== undefined && Math.abs(a - b) <= eps,
    `${a} is not ${b}`,
  );

Deno.test("Likert mean and distribution: 3x5, 4x4, 2x3, 1x2 -> 3.9, share of 5 = 0.3", () => {
  const counts = { 5: 3, 4: 4, 3: 2, 2: 1 };
  assert.equal(meanOfCounts(counts), 3.9);
  const d = distribution(counts, [1, 2, 3, 4, 5]);
  assert.deepEqual(d.map((x) => x.count), [0, 1, 2, 4, 3]);
  assert.equal(d[4].share, 0.3);
  assert.equal(meanOfCounts({}), null);
});

Deno.test("NPS: 10, 9, 9, 8, 7, 6, 3, 10 -> 25; passives alone -> 0", () => {
  const counts: Record<number, number> = {};
  for (const v of [10, 9, 9, 8, 7, 6, 3, 10]) counts[v] = (counts[v] ?? 0) + 1;
  assert.equal(nps(counts), 25);
  assert.equal(nps({ 7: 3, 8: 2 }), 0);
  assert.equal(nps({ 0: 1 }), -100);
  assert.equal(nps({}), null);
});

Deno.test("Response rate: 8 of 10 -> 0.8; 4 respondents are below the minimum n", () => {
  assert.equal(responseRate(8, 10), 0.8);
  assert.equal(responseRate(3, 0), null);
  assert.equal(MIN_N_REACTION, 5);
  assert.equal(gated(4, MIN_N_REACTION, 0.8), null);
  assert.equal(gated(5, MIN_N_REACTION, 0.8), 0.8);
});

Deno.test("Scores: 70, 80, 90 -> mean 80, s 10, interval [55.16, 104.84]", () => {
  const e = meanFromSums(3, 240, 19400);
  assert.equal(e.mean, 80);
  assert.equal(e.sd, 10);
  close(e.interval?.low, 55.16);
  close(e.interval?.high, 104.84);
  // One score has no spread and no interval.
  assert.deepEqual(meanFromSums(1, 70, 4900), {
    n: 1,
    mean: 70,
    sd: null,
    interval: null,
  });
});

Deno.test("Mastery per skill: quiz n 2 sum 150 + scenario n 1 sum 90 -> 80", () => {
  assert.equal((150 + 90) / (2 + 1), 80);
  // Pooled, not the mean of the two means (75 and 90 -> 82.5).
  assert.notEqual((150 + 90) / 3, (75 + 90) / 2);
});

Deno.test("Normalised gain: 40 -> 70 is 0.5; cohort mean of 0.5, 0.25, -0.1 is 0.2167; pre 100 has none", () => {
  assert.equal(normalisedGain(40, 70), 0.5);
  close(mean([0.5, 0.25, -0.1]), 0.2167, 0.0001);
  assert.equal(normalisedGain(100, 100), null);
  assert.ok(normalisedGain(60, 50)! < 0, "a drop is a negative gain");
});

Deno.test("Confidence versus correctness: 0.85 confident, 0.6 correct -> over-confident", () => {
  const c = calibration(10, 8.5, 6);
  close(c?.gap, 0.25);
  assert.equal(c?.kind, "over");
  assert.equal(calibration(10, 3, 8)?.kind, "under");
  assert.equal(calibration(10, 7, 7)?.kind, "calibrated");
  assert.equal(calibration(4, 4, 0), null, "below 5 rated answers");
});

Deno.test("QA checkpoints: day 10 d14, 30 d30, 61 d60, 90 d90, 120 other", () => {
  assert.deepEqual(
    [10, 30, 61, 90, 120, 0].map(checkpointOfDay),
    ["d14", "d30", "d60", "d90", "other", "other"],
  );
});

Deno.test("KPI attainment: CSAT 4.6, FRT 35 s, FCR 88%, AHT 7 min -> 0.75", () => {
  const targets = DEFAULT_TARGETS as Record<
    string,
    { direction: "min" | "max"; target: number }
  >;
  assert.equal(
    kpiAttainment({ csat: 4.6, frt: 35, fcr: 88, aht: 7 }, targets),
    0.75,
  );
  // A slow first response that is "higher" must not count as met.
  assert.equal(kpiAttainment({ frt: 45 }, targets), 0);
  assert.equal(kpiAttainment({}, targets), null);
});

Deno.test("Training window: start 2026-11-16 -> before 2026-10, after 2027-01", () => {
  assert.deepEqual(trainingWindow("2026-11-16"), {
    before: "2026-10",
    after: "2027-01",
  });
  assert.deepEqual(trainingWindow("2026-11-01"), {
    before: "2026-10",
    after: "2026-12",
  });
});

Deno.test("Behaviour score: QA 82, attainment 0.75, critical-fail rate 0.1 -> 76.5", () => {
  close(behaviourScore(82, 0.75, 0.1), 76.5, 1e-9);
  assert.equal(behaviourScore(82, null), 82);
  assert.equal(behaviourScore(null, 0.5), 50);
  assert.equal(behaviourScore(null, null), null);
});

Deno.test("Difference-in-differences: FRT example -> -8 s, se 2.121, df 12.96, [-12.58, -3.42]", () => {
  const d = differenceInDifferences({
    treatedBefore: cellOf([40, 42, 38, 44, 36]),
    treatedAfter: cellOf([30, 31, 29, 33, 27]),
    controlBefore: cellOf([41, 39, 43, 37, 40]),
    controlAfter: cellOf([38, 39, 37, 40, 36]),
  });
  assert.equal(d.claimed, true);
  assert.equal(d.treatedChange, -10);
  assert.equal(d.controlChange, -2);
  assert.equal(d.estimate, -8);
  close(d.standardError, 2.121);
  close(d.df, 12.96);
  close(d.interval?.low, -12.58);
  close(d.interval?.high, -3.42);
  const few = differenceInDifferences({
    treatedBefore: cellOf([40, 42, 38, 44]),
    treatedAfter: cellOf([30, 31, 29, 33, 27]),
    controlBefore: cellOf([41, 39, 43, 37, 40]),
    controlAfter: cellOf([38, 39, 37, 40, 36]),
  });
  assert.equal(few.claimed, false);
  assert.equal(few.estimate, null);
  assert.equal(few.n.treatedBefore, 4);
});

Deno.test("Correlation per module: x 1..8 against 2,1,4,3,6,5,8,7 -> r 0.905, [0.552, 0.983]; 7 agents claim nothing", () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8];
  const y = [2, 1, 4, 3, 6, 5, 8, 7];
  const c = correlation(x, y);
  assert.equal(c.claimed, true);
  close(c.r, 38 / 42, 1e-9);
  close(c.interval?.low, 0.552);
  close(c.interval?.high, 0.983);
  assert.equal(correlation(x.slice(0, 7), y.slice(0, 7)).claimed, false);
  // No spread on one side: no r at all.
  assert.equal(correlation(x, x.map(() => 5)).r, null);
  // A reversed relation is negative, not positive.
  assert.ok(correlation(x, [...y].reverse()).r! < 0);
});

Deno.test("KPI movement and its correlation with module scores: FRT improvement positive, r 0.905 [0.552, 0.983], nothing on 7 agents", () => {
  // Lower is better for FRT: 40 s -> 30 s is +10; higher is better for CSAT.
  assert.equal(kpiMovement(40, 30, DEFAULT_TARGETS.frt!.direction), 10);
  close(kpiMovement(4.2, 4.5, DEFAULT_TARGETS.csat!.direction), 0.3, 1e-9);
  assert.equal(kpiMovement(85, 80, DEFAULT_TARGETS.fcr!.direction), -5);
  assert.equal(kpiMovement(null, 30, "max"), null);
  assert.equal(kpiMovement(40, undefined, "max"), null);

  const scores = [60, 65, 70, 75, 80, 85, 90, 95];
  const before = [40, 41, 42, 40, 44, 41, 46, 43];
  const after = [38, 40, 38, 37, 38, 36, 38, 36];
  const move = before.map((b, i) => kpiMovement(b, after[i], "max")!);
  assert.deepEqual(move, [2, 1, 4, 3, 6, 5, 8, 7]);
  const c = correlation(scores, move);
  assert.equal(c.claimed, true);
  assert.equal(c.n, 8);
  close(c.r, 38 / 42, 1e-9);
  close(c.interval?.low, 0.552);
  close(c.interval?.high, 0.983);
  // Read the wrong way round (after - before), better scores would look
  // like worse first replies.
  const unsigned = before.map((b, i) => after[i] - b);
  close(correlation(scores, unsigned).r, -38 / 42, 1e-9);
  assert.equal(correlation(scores.slice(1), move.slice(1)).claimed, false);
});
