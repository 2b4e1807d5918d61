/**
 * Calendar days as the identity forms and the audit filter take them
 * (YYYY-MM-DD). Below every identity concept, so the audit log's filter need
 * not import the cohort store for it.
 */

/** True for a YYYY-MM-DD string naming a real day. */
export function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
