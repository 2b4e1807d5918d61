/**
 * Scoring of one quick-response drill answer, from the rubric score and the
 * server-measured answer time:
 * - speed: 100 within the item's limit, then falling linearly to 0 at twice
 *   the limit;
 * - item score = 60% rubric + 40% speed, rounded;
 * - a drill run passes at an average of 60 or more.
 */

/** Weight of the rubric in an item score; the rest is speed. */
export const RUBRIC_WEIGHT = 0.6;
/** Average item score a run needs to pass. */
export const DRILL_PASS = 60;

/** Speed points for an answer after `seconds` against a `limit`. */
export function speedScore(seconds: number, limit: number): number {
  if (seconds <= limit) return 100;
  return Math.max(0, Math.round(100 - (100 * (seconds - limit)) / limit));
}

/** An item's score from its rubric score (0..100) and timing. */
export function itemScore(
  rubricScore: number,
  seconds: number,
  limit: number,
): number {
  return Math.round(
    RUBRIC_WEIGHT * rubricScore +
      (1 - RUBRIC_WEIGHT) * speedScore(seconds, limit),
  );
}

/** The run's score: the mean of its item scores. */
export function runScore(items: readonly number[]): number {
  return items.length
    ? Math.round(items.reduce((a, b) => a + b, 0) / items.length)
    : 0;
}
