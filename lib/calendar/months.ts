/**
 * Calendar months as "YYYY-MM" and as month numbers (years * 12 + month - 1),
 * so that "the month before", "the month after" and month ranges are integer
 * steps: the evaluator's before/after windows and the demo's KPI history.
 *
 * @module
 */

/** Month number (years * 12 + month - 1) of "YYYY-MM" or "YYYY-MM-DD". */
export function monthIndex(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return y * 12 + m - 1;
}

/** "YYYY-MM" of a month number. */
export function monthOfIndex(i: number): string {
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

/** "YYYY-MM" of a month or calendar date, moved by `months`. */
export function addMonths(date: string, months: number): string {
  return monthOfIndex(monthIndex(date) + months);
}
