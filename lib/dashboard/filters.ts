/**
 * Dashboard filters (team, cohort, date range, certification level), kept
 * in the URL so a view can be shared. Parsing never throws: a bad value is
 * reported by field (an i18n key suffix in views) and ignored, so the page
 * shows what the good filters select and says what was wrong.
 */
import { z } from "zod";
import { isCalendarDate } from "@/lib/identity/dates.ts";
import { KPI_METRICS, type KpiMetric } from "@/lib/evaluation/kpi.ts";

/** The filters as the URL carries them; absent means "all". */
export interface DashboardFilters {
  team?: string;
  cohort?: string;
  /** Cohorts starting on or after this date (YYYY-MM-DD). */
  from?: string;
  /** Cohorts starting on or before this date (YYYY-MM-DD). */
  to?: string;
  /** Certification level whose funnel and report are shown. */
  level?: string;
  /** The KPI the Kirkpatrick panel's monthly trend draws. */
  kpi?: KpiMetric;
}

/** A filter that was ignored, and why. */
export interface FilterProblem {
  field: keyof DashboardFilters;
  code: "invalid" | "range";
}

const IdParam = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

/** Reads the filters from a URL's query; bad values are dropped and reported. */
export function parseFilters(
  params: URLSearchParams,
): { filters: DashboardFilters; problems: FilterProblem[] } {
  const filters: DashboardFilters = {};
  const problems: FilterProblem[] = [];
  for (const field of ["team", "cohort", "level"] as const) {
    const raw = params.get(field)?.trim();
    if (!raw) continue;
    if (IdParam.safeParse(raw).success) filters[field] = raw;
    else problems.push({ field, code: "invalid" });
  }
  for (const field of ["from", "to"] as const) {
    const raw = params.get(field)?.trim();
    if (!raw) continue;
    if (isCalendarDate(raw)) filters[field] = raw;
    else problems.push({ field, code: "invalid" });
  }
  const kpi = params.get("kpi")?.trim();
  if (kpi) {
    if ((KPI_METRICS as readonly string[]).includes(kpi)) {
      filters.kpi = kpi as KpiMetric;
    } else problems.push({ field: "kpi", code: "invalid" });
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    problems.push({ field: "to", code: "range" });
    delete filters.to;
  }
  return { filters, problems };
}

/** The query string of `filters` (stable order, empty values left out). */
export function filterQuery(
  filters: DashboardFilters,
  extra: Record<string, string> = {},
): string {
  const p = new URLSearchParams();
  for (
    const k of ["team", "cohort", "from", "to", "level", "kpi"] as const
  ) {
    const v = filters[k];
    if (v) p.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** True when a cohort passes the team, cohort and date filters. */
export function cohortMatches(
  filters: DashboardFilters,
  cohort: { id: string; teamId: string; startDate: string },
): boolean {
  if (filters.team && cohort.teamId !== filters.team) return false;
  if (filters.cohort && cohort.id !== filters.cohort) return false;
  if (filters.from && cohort.startDate < filters.from) return false;
  if (filters.to && cohort.startDate > filters.to) return false;
  return true;
}
