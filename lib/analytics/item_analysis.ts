/**
 * Item analysis of quiz and exam questions, with the formulas of Moodle's
 * quiz statistics report (question/classes/statistics/questions/calculator.php
 * and the "Quiz statistics calculations" documentation). Pure: the caller
 * passes attempts already graded by the quiz engine.
 *
 * ## Input
 *
 * - {@link AttemptRecord}: one submitted attempt, its learner, when it was
 *   submitted, and per question ({@link ItemResponse}) the question version
 *   (`item`), its slot (position in the attempt), the fraction of the
 *   question's mark earned (0..1, every question is worth one mark) and the
 *   option ids the answer picked.
 * - {@link ItemInfo}: per question version the options whose pick rates are
 *   counted and which of them are right (from the question-type registry's
 *   `analysisOptions`).
 *
 * ## Formulas (s = attempts that include the item, x = the item's mark,
 * X = the attempt's total, X' = X − x the rest of the test, sums over those
 * attempts, variances and covariances with s − 1 as Moodle does)
 *
 * - facility index F = mean(x) / max mark (max mark 1);
 * - standard deviation SD = √(Σ(x − x̄)² / (s − 1));
 * - discrimination index D = 100 · Cov(x, X') / √(V(x) · V(X'));
 * - discriminative efficiency DE = 100 · Cov(x, X') / Cov_max(x, X'), where
 *   Cov_max pairs the sorted x with the sorted X' (the largest covariance
 *   these marks could have);
 * - Cronbach's alpha (Moodle's coefficient of internal consistency) per
 *   quiz, over slots as Moodle does for random questions:
 *   α = k / (k − 1) · (1 − Σ V(slot) / V(X)), k slots, only when every
 *   attempt has the same number of slots.
 *
 * First attempts only by default (a learner's earliest submitted attempt),
 * as Moodle's report defaults to; `attempts: "all"` counts every one.
 *
 * ## Flags (each with its reason)
 *
 * - `too_easy`: F ≥ 0.90 (Moodle's "very easy" and "extremely easy" bands);
 * - `too_hard`: F ≤ 0.20 (its "difficult" band and below);
 * - `negative_discrimination`: D < 0 (weaker learners do better on it);
 * - `low_discrimination`: DE < 15 % (what Moodle's report marks dubious);
 * - `misleading_distractor`: a wrong option picked by a larger share of the
 *   strongest third of learners (by rest-of-test score) than of the weakest
 *   third, and by at least 20 % of the strongest.
 *
 * Fewer than `minN` attempts (default 10) set `nTooSmall`: the figures are
 * shown, with the warning that they may not mean much yet.
 *
 * @module
 */

/** One question's outcome in an attempt. */
export interface ItemResponse {
  /** The question version: equal content, equal key. */
  item: string;
  /** Position in the attempt, 0-based (alpha is computed over slots). */
  slot: number;
  /** The fraction of the question's mark earned, 0..1. */
  score: number;
  /** Option ids the answer picked (empty when unanswered or free text). */
  picks: readonly string[];
}

/** One submitted attempt. */
export interface AttemptRecord {
  learnerId: string;
  /** Orders a learner's attempts: the earliest is the first attempt. */
  submittedAt: Date;
  responses: readonly ItemResponse[];
}

/** A question version's countable options. */
export interface ItemInfo {
  item: string;
  options: readonly { id: string; correct: boolean }[];
}

/** What to count. */
export interface ItemAnalysisOptions {
  /** "first" (default): each learner's first attempt; "all": every attempt. */
  attempts?: "first" | "all";
  /** Below this many attempts the figures carry an "n too small" warning (default 10). */
  minN?: number;
}

/** One option's pick rates. */
export interface OptionStats {
  id: string;
  correct: boolean;
  /** Attempts that picked it. */
  picks: number;
  /** picks / s. */
  pickRate: number;
  /** Pick rate in the strongest third by rest-of-test score (null under 3 attempts). */
  upperRate: number | null;
  /** Pick rate in the weakest third. */
  lowerRate: number | null;
}

/** Why an item is flagged. */
export type ItemFlag =
  | { code: "too_easy"; facility: number }
  | { code: "too_hard"; facility: number }
  | { code: "negative_discrimination"; index: number }
  | { code: "low_discrimination"; efficiency: number }
  | {
    code: "misleading_distractor";
    option: string;
    upperRate: number;
    lowerRate: number;
  };

/** The statistics of one question version. */
export interface ItemStats {
  item: string;
  /** Attempts that include it. */
  n: number;
  /** 0..1, or null without attempts. */
  facility: number | null;
  /** Of the mark fraction; null under 2 attempts. */
  sd: number | null;
  /** Percent, −100..100; null when a variance is 0 or under 2 attempts. */
  discriminationIndex: number | null;
  /** Percent; null when the largest possible covariance is 0. */
  discriminativeEfficiency: number | null;
  options: OptionStats[];
  flags: ItemFlag[];
  nTooSmall: boolean;
}

/** The statistics of a whole quiz. */
export interface QuizStats {
  /** Attempts counted. */
  attempts: number;
  /** Slots per attempt (null when attempts differ). */
  slots: number | null;
  /** Mean total as a fraction of the slots, 0..1. */
  mean: number | null;
  /** Cronbach's alpha, or null (differing slots, under 2 attempts, no variance). */
  alpha: number | null;
  nTooSmall: boolean;
}

/** The flag thresholds (documented in the module notes). */
export const THRESHOLDS = {
  tooEasy: 0.9,
  tooHard: 0.2,
  lowEfficiency: 15,
  distractorMinUpper: 0.2,
} as const;

const mean = (xs: readonly number[]) =>
  xs.reduce((a, b) => a + b, 0) / xs.length;

/** Σ(a − ā)(b − b̄) / (n − 1). */
function covariance(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - ma) * (b[i] - mb);
  return sum / (a.length - 1);
}

/** Each learner's first attempt, or every attempt. */
export function selectAttempts(
  attempts: readonly AttemptRecord[],
  which: "first" | "all" = "first",
): AttemptRecord[] {
  if (which === "all") return [...attempts];
  const first = new Map<string, AttemptRecord>();
  for (const a of attempts) {
    const seen = first.get(a.learnerId);
    if (!seen || a.submittedAt < seen.submittedAt) first.set(a.learnerId, a);
  }
  return [...first.values()];
}

/** Statistics per question version and for the quiz (see the module notes). */
export function analyseItems(
  attempts: readonly AttemptRecord[],
  items: readonly ItemInfo[],
  options: ItemAnalysisOptions = {},
): { quiz: QuizStats; items: ItemStats[] } {
  const minN = options.minN ?? 10;
  const counted = selectAttempts(attempts, options.attempts ?? "first");
  const totals = counted.map((a) =>
    a.responses.reduce((s, r) => s + r.score, 0)
  );
  return {
    quiz: quizStats(counted, totals, minN),
    items: items.map((info) => itemStats(info, counted, totals, minN)),
  };
}

function quizStats(
  counted: readonly AttemptRecord[],
  totals: readonly number[],
  minN: number,
): QuizStats {
  const n = counted.length;
  const slotCounts = new Set(counted.map((a) => a.responses.length));
  const slots = slotCounts.size === 1 ? [...slotCounts][0] : null;
  let alpha: number | null = null;
  if (slots !== null && slots > 1 && n > 1) {
    const bySlot = (k: number) =>
      counted.map((a) => a.responses.find((r) => r.slot === k)?.score ?? 0);
    let sumItemVariance = 0;
    for (let k = 0; k < slots; k++) {
      const xs = bySlot(k);
      sumItemVariance += covariance(xs, xs);
    }
    const totalVariance = covariance(totals, totals);
    if (totalVariance > 0) {
      alpha = (slots / (slots - 1)) * (1 - sumItemVariance / totalVariance);
    }
  }
  return {
    attempts: n,
    slots,
    mean: n && slots ? mean(totals) / slots : null,
    alpha,
    nTooSmall: n < minN,
  };
}

function itemStats(
  info: ItemInfo,
  counted: readonly AttemptRecord[],
  totals: readonly number[],
  minN: number,
): ItemStats {
  const rows: {
    x: number;
    rest: number;
    picks: readonly string[];
    who: string;
  }[] = [];
  counted.forEach((a, i) => {
    const r = a.responses.find((r) => r.item === info.item);
    if (r) {
      rows.push({
        x: r.score,
        rest: totals[i] - r.score,
        picks: r.picks,
        who: a.learnerId,
      });
    }
  });
  const n = rows.length;
  const x = rows.map((r) => r.x);
  const rest = rows.map((r) => r.rest);
  const facility = n ? mean(x) : null;
  let sd: number | null = null;
  let discriminationIndex: number | null = null;
  let discriminativeEfficiency: number | null = null;
  if (n > 1) {
    const vx = covariance(x, x);
    const vrest = covariance(rest, rest);
    const cov = covariance(x, rest);
    sd = Math.sqrt(vx);
    if (vx * vrest) discriminationIndex = (100 * cov) / Math.sqrt(vx * vrest);
    const covMax = covariance(
      x.toSorted((a, b) => a - b),
      rest.toSorted((a, b) => a - b),
    );
    if (covMax) discriminativeEfficiency = (100 * cov) / covMax;
  }

  // The strongest and weakest thirds by rest-of-test score (ties: by learner id).
  const ranked = rows.toSorted((a, b) =>
    b.rest - a.rest || a.who.localeCompare(b.who)
  );
  const third = Math.floor(n / 3);
  const upper = third ? ranked.slice(0, third) : [];
  const lower = third ? ranked.slice(n - third) : [];
  const rate = (group: typeof rows, id: string) =>
    group.length
      ? group.filter((r) => r.picks.includes(id)).length / group.length
      : null;
  const optionStats: OptionStats[] = info.options.map((o) => {
    const picks = rows.filter((r) => r.picks.includes(o.id)).length;
    return {
      id: o.id,
      correct: o.correct,
      picks,
      pickRate: n ? picks / n : 0,
      upperRate: rate(upper, o.id),
      lowerRate: rate(lower, o.id),
    };
  });

  const flags: ItemFlag[] = [];
  if (facility !== null && facility >= THRESHOLDS.tooEasy) {
    flags.push({ code: "too_easy", facility });
  }
  if (facility !== null && facility <= THRESHOLDS.tooHard) {
    flags.push({ code: "too_hard", facility });
  }
  if (discriminationIndex !== null && discriminationIndex < 0) {
    flags.push({ code: "negative_discrimination", index: discriminationIndex });
  }
  if (
    discriminativeEfficiency !== null &&
    discriminativeEfficiency < THRESHOLDS.lowEfficiency
  ) {
    flags.push({
      code: "low_discrimination",
      efficiency: discriminativeEfficiency,
    });
  }
  for (const o of optionStats) {
    if (
      !o.correct && o.upperRate !== null && o.lowerRate !== null &&
      o.upperRate > o.lowerRate && o.upperRate >= THRESHOLDS.distractorMinUpper
    ) {
      flags.push({
        code: "misleading_distractor",
        option: o.id,
        upperRate: o.upperRate,
        lowerRate: o.lowerRate,
      });
    }
  }
  return {
    item: info.item,
    n,
    facility,
    sd,
    discriminationIndex,
    discriminativeEfficiency,
    options: optionStats,
    flags,
    nTooSmall: n < minN,
  };
}
