/**
 * Scoring of one quick-response drill answer, from its verdict (lib/rubric)
 * and the server-measured answer time:
 * - speed: 100 within the item's limit, then falling linearly to 0 at twice
 *   the limit;
 * - an answer that fails on content (below the pass mark, an item criterion
 *   missed, a red line crossed) scores its content score: speed never lifts
 *   it;
 * - an answer that passes scores 60% content + 40% speed, never below the
 *   pass mark: speed only adds;
 * - a run passes at an average of 60 or more with no red line crossed.
 */

/** Weight of the content score in a passing item's score; the rest is speed. */
export const RUBRIC_WEIGHT = 0.6;
/** The pass mark of an item and of a run. */
export const DRILL_PASS = 60;

/** Speed points for an answer after `seconds` against a `limit`. */
export function speedScore(seconds: number, limit: number): number {
  if (seconds <= limit) return 100;
  return Math.max(0, Math.round(100 - (100 * (seconds - limit)) / limit));
}

/** An item's score from its verdict (score 0..100, passed) and timing. */
export function itemScore(
  verdict: { score: number; passed: boolean },
  seconds: number,
  limit: number,
): number {
  if (!verdict.passed) return Math.min(verdict.score, DRILL_PASS - 1);
  return Math.max(
    DRILL_PASS,
    Math.round(
      RUBRIC_WEIGHT * verdict.score +
        (1 - RUBRIC_WEIGHT) * speedScore(seconds, limit),
    ),
  );
}

/** The run's score: the mean of its item scores. */
export function runScore(items: readonly number[]): number {
  return items.length
    ? Math.round(items.reduce((a, b) => a + b, 0) / items.length)
    : 0;
}

/** Whether a finished run passes: its mean at the pass mark, no red line crossed. */
export function runPassed(
  score: number,
  answers: readonly { blocked?: boolean }[],
): boolean {
  return score >= DRILL_PASS && !answers.some((a) => a.blocked);
}
