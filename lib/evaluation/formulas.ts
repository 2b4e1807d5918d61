/**
 * The evaluator's formulas, pure: from counts and per-agent values to the
 * figures of the four Kirkpatrick levels. Every formula here is written out
 * with a worked example in docs/evaluation.md, and each example is a test in
 * formulas_test.ts. Descriptive statistics and the correlation come from
 * simple-statistics; the t and normal quantiles for intervals from the
 * @stdlib distribution packages (simple-statistics has no t quantile and its
 * probit is an approximation good to two decimals only).
 *
 * @module
 */
import {
  mean as ssMean,
  sampleCorrelation,
  sampleVariance,
} from "simple-statistics";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

/** Minimum responses before a reaction figure is shown (level 1). */
export const MIN_N_REACTION = 5;
/** Minimum agents in each group before a difference-in-differences is claimed. */
export const MIN_N_DID = 5;
/** Minimum agents before a correlation is claimed. */
export const MIN_N_CORRELATION = 8;
/** Minimum answers with a confidence rating before a learner is classed. */
export const MIN_N_CALIBRATION = 5;
/** Confidence minus accuracy beyond which a learner is over- or under-confident. */
export const CALIBRATION_MARGIN = 0.15;

/** Rounds to `digits` decimals (display-stable figures). */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Arithmetic mean, or null for no values. */
export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : ssMean(xs as number[]);
}

/** Counts per answer value (e.g. Likert 1-5) as a frequency table. */
export type Counts = Readonly<Record<number, number>>;

/** Number of answers in a frequency table. */
export function countOf(counts: Counts): number {
  return Object.values(counts).reduce((n, c) => n + c, 0);
}

/** Mean of a frequency table: sum(value * count) / sum(count); null when empty. */
export function meanOfCounts(counts: Counts): number | null {
  const n = countOf(counts);
  if (n === 0) return null;
  let s = 0;
  for (const [v, c] of Object.entries(counts)) s += Number(v) * c;
  return s / n;
}

/** Share of each value in a frequency table over `values` (0 for absent ones). */
export function distribution(
  counts: Counts,
  values: readonly number[],
): { value: number; count: number; share: number }[] {
  const n = countOf(counts);
  return values.map((value) => ({
    value,
    count: counts[value] ?? 0,
    share: n === 0 ? 0 : (counts[value] ?? 0) / n,
  }));
}

/**
 * Net promoter score from 0-10 answers: percent promoters (9-10) minus
 * percent detractors (0-6), from -100 to 100; null when nobody answered.
 */
export function nps(counts: Counts): number | null {
  const n = countOf(counts);
  if (n === 0) return null;
  let promoters = 0;
  let detractors = 0;
  for (const [v, c] of Object.entries(counts)) {
    if (Number(v) >= 9) promoters += c;
    else if (Number(v) <= 6) detractors += c;
  }
  return ((promoters - detractors) / n) * 100;
}

/** Respondents over people asked, 0-1; null when nobody was asked. */
export function responseRate(
  respondents: number,
  asked: number,
): number | null {
  return asked <= 0 ? null : Math.min(1, respondents / asked);
}

/**
 * A figure only when at least `minN` values stand behind it: below that a
 * single person's answer could be read off it (and it would mean little).
 */
export function gated<T>(n: number, minN: number, value: T): T | null {
  return n >= minN ? value : null;
}

/**
 * Hake's normalised gain of one learner: (post - pre) / (100 - pre), the
 * share of what was left to learn that was learned; null when pre is 100.
 */
export function normalisedGain(pre: number, post: number): number | null {
  return pre >= 100 ? null : (post - pre) / (100 - pre);
}

/** A two-sided interval at `level` (0.95 by default). */
export interface Interval {
  low: number;
  high: number;
  level: number;
}

/** Mean with its t interval (n >= 2), from sums. */
export interface MeanEstimate {
  n: number;
  mean: number | null;
  sd: number | null;
  interval: Interval | null;
}

/** Mean and sample standard deviation from n, sum and sum of squares. */
export function meanFromSums(
  n: number,
  sum: number,
  sumSq: number,
  level = 0.95,
): MeanEstimate {
  if (n === 0) return { n, mean: null, sd: null, interval: null };
  const m = sum / n;
  if (n < 2) return { n, mean: m, sd: null, interval: null };
  const variance = Math.max(0, (sumSq - n * m * m) / (n - 1));
  const sd = Math.sqrt(variance);
  const half = tQuantile(1 - (1 - level) / 2, n - 1) * sd / Math.sqrt(n);
  return { n, mean: m, sd, interval: { low: m - half, high: m + half, level } };
}

/** n, sum and sum of squares of one group of values. */
export interface Cell {
  n: number;
  sum: number;
  sumSq: number;
}

/** A difference-in-differences with its Welch interval. */
export interface DidEstimate {
  /** Agents with a value in each cell. */
  n: {
    treatedBefore: number;
    treatedAfter: number;
    controlBefore: number;
    controlAfter: number;
  };
  /** Mean change of the trained agents (after - before). */
  treatedChange: number | null;
  /** Mean change of the not-yet-trained agents over the same months. */
  controlChange: number | null;
  /** treatedChange - controlChange; null below the minimum n. */
  estimate: number | null;
  standardError: number | null;
  df: number | null;
  interval: Interval | null;
  /** True when every cell reaches `minN`. */
  claimed: boolean;
}

/**
 * Difference-in-differences from four cells of agents' values (trained and
 * not-yet-trained agents, the month before and the month after training):
 * (mean TA - mean TB) - (mean CA - mean CB). Its standard error treats the
 * four means as independent, sqrt(sum of s^2 / n); the interval uses t with
 * Welch-Satterthwaite degrees of freedom. Nothing is claimed when a cell has
 * fewer than `minN` agents.
 */
export function differenceInDifferences(
  cells: {
    treatedBefore: Cell;
    treatedAfter: Cell;
    controlBefore: Cell;
    controlAfter: Cell;
  },
  level = 0.95,
  minN = MIN_N_DID,
): DidEstimate {
  const {
    treatedBefore: tb,
    treatedAfter: ta,
    controlBefore: cb,
    controlAfter: ca,
  } = cells;
  const m = (c: Cell) => (c.n === 0 ? null : c.sum / c.n);
  const change = (a: Cell, b: Cell) => {
    const ma = m(a);
    const mb = m(b);
    return ma === null || mb === null ? null : ma - mb;
  };
  const n = {
    treatedBefore: tb.n,
    treatedAfter: ta.n,
    controlBefore: cb.n,
    controlAfter: ca.n,
  };
  const treatedChange = change(ta, tb);
  const controlChange = change(ca, cb);
  const all = [tb, ta, cb, ca];
  if (
    all.some((c) => c.n < Math.max(2, minN)) || treatedChange === null ||
    controlChange === null
  ) {
    return {
      n,
      treatedChange,
      controlChange,
      estimate: null,
      standardError: null,
      df: null,
      interval: null,
      claimed: false,
    };
  }
  const terms = all.map((c) => {
    const mean = c.sum / c.n;
    return Math.max(0, (c.sumSq - c.n * mean * mean) / (c.n - 1)) / c.n;
  });
  const v = terms.reduce((a, b) => a + b, 0);
  const se = Math.sqrt(v);
  const df = v === 0
    ? all.reduce((a, c) => a + c.n - 1, 0)
    : v ** 2 / terms.reduce((a, t, i) => a + t ** 2 / (all[i].n - 1), 0);
  const estimate = treatedChange - controlChange;
  const half = tQuantile(1 - (1 - level) / 2, df) * se;
  return {
    n,
    treatedChange,
    controlChange,
    estimate,
    standardError: se,
    df,
    interval: { low: estimate - half, high: estimate + half, level },
    claimed: true,
  };
}

/** The n, sum and sum of squares of a list of values. */
export function cellOf(xs: readonly number[]): Cell {
  return {
    n: xs.length,
    sum: xs.reduce((a, b) => a + b, 0),
    sumSq: xs.reduce((a, b) => a + b * b, 0),
  };
}

/** Pearson's r with its Fisher-z interval. */
export interface CorrelationEstimate {
  n: number;
  r: number | null;
  interval: Interval | null;
  claimed: boolean;
}

/**
 * Pearson correlation of paired values with a Fisher-z interval:
 * z = atanh(r), se = 1 / sqrt(n - 3), back-transformed with tanh. Nothing is
 * claimed below `minN` pairs or when either side does not vary.
 */
export function correlation(
  xs: readonly number[],
  ys: readonly number[],
  level = 0.95,
  minN = MIN_N_CORRELATION,
): CorrelationEstimate {
  const n = Math.min(xs.length, ys.length);
  const none = { n, r: null, interval: null, claimed: false };
  if (n < Math.max(4, minN)) return none;
  const x = xs.slice(0, n) as number[];
  const y = ys.slice(0, n) as number[];
  if (sampleVariance(x) === 0 || sampleVariance(y) === 0) return none;
  const r = Math.max(-1, Math.min(1, sampleCorrelation(x, y)));
  const z = Math.atanh(Math.min(0.999999, Math.max(-0.999999, r)));
  const half = normalQuantile(1 - (1 - level) / 2, 0, 1) / Math.sqrt(n - 3);
  return {
    n,
    r,
    interval: { low: Math.tanh(z - half), high: Math.tanh(z + half), level },
    claimed: true,
  };
}

/** How a learner's confidence compares with their correctness. */
export type Calibration = "over" | "under" | "calibrated";

/**
 * Confidence versus correctness: mean confidence (0-1) minus the share
 * answered correctly. Beyond CALIBRATION_MARGIN either way the learner is
 * over- or under-confident; null below MIN_N_CALIBRATION rated answers.
 */
export function calibration(
  n: number,
  confidenceSum: number,
  correct: number,
): { gap: number; kind: Calibration } | null {
  if (n < MIN_N_CALIBRATION) return null;
  const gap = confidenceSum / n - correct / n;
  const kind: Calibration = gap > CALIBRATION_MARGIN
    ? "over"
    : gap < -CALIBRATION_MARGIN
    ? "under"
    : "calibrated";
  return { gap, kind };
}

/** A KPI with its direction and target. */
export interface KpiTarget {
  /** "min": the value should be at least the target; "max": at most. */
  direction: "min" | "max";
  target: number;
}

/** Whether a KPI value meets its target. */
export function meetsTarget(value: number, t: KpiTarget): boolean {
  return t.direction === "min" ? value >= t.target : value <= t.target;
}

/**
 * An agent's KPI movement over training, signed so that improvement is
 * positive: after - before for a KPI that should be high (CSAT, FCR),
 * before - after for one that should be low (FRT). Null when either month
 * has no value.
 */
export function kpiMovement(
  before: number | null | undefined,
  after: number | null | undefined,
  direction: KpiTarget["direction"],
): number | null {
  if (before == null || after == null) return null;
  return direction === "min" ? after - before : before - after;
}

/**
 * KPI attainment: the share of KPIs (with a value) that meet their target,
 * 0-1; null when no KPI has a value.
 */
export function kpiAttainment(
  values: Readonly<Record<string, number | undefined>>,
  targets: Readonly<Record<string, KpiTarget>>,
): number | null {
  let n = 0;
  let met = 0;
  for (const [k, t] of Object.entries(targets)) {
    const v = values[k];
    if (v === undefined) continue;
    n++;
    if (meetsTarget(v, t)) met++;
  }
  return n === 0 ? null : met / n;
}

/**
 * The behaviour score (0-100) of an agent: half the QA scorecard percent,
 * half the KPI attainment in percent, minus 20 points per critical fail
 * rate (a red line breached in every conversation costs 20 points); when
 * only one part exists it stands alone. Null when neither exists.
 */
export function behaviourScore(
  qaPercent: number | null,
  attainment: number | null,
  criticalFailRate = 0,
): number | null {
  const parts: number[] = [];
  if (qaPercent !== null) parts.push(qaPercent);
  if (attainment !== null) parts.push(attainment * 100);
  if (parts.length === 0) return null;
  const base = parts.reduce((a, b) => a + b, 0) / parts.length;
  return Math.max(0, base - 20 * criticalFailRate);
}

/** Which QA checkpoint a conversation day falls into. */
export type Checkpoint = "d14" | "d30" | "d60" | "d90" | "other";

/**
 * The checkpoint of an observation made `day` days after the cohort start
 * (day 1 = the first day): up to 14 "d14", 15-45 "d30", 46-75 "d60",
 * 76-105 "d90", later or before the start "other".
 */
export function checkpointOfDay(day: number): Checkpoint {
  if (day < 1) return "other";
  if (day <= 14) return "d14";
  if (day <= 45) return "d30";
  if (day <= 75) return "d60";
  if (day <= 105) return "d90";
  return "other";
}
