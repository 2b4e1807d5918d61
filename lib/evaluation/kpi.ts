/**
 * The service KPIs the evaluator reads, their units and default targets
 * (shared/domain.md §4: CSAT >= 4.5 of 5, chat first response <= 30 s,
 * handling 5-8 minutes, FCR >= 85%, resolution >= 90%, >= 50 tickets a
 * day). Escalations and repeat contacts are leading indicators with no
 * target of their own. Pure.
 *
 * @module
 */
import type { KpiTarget } from "./formulas.ts";

/** KPI ids in CSV column order. */
export const KPI_METRICS = [
  "csat",
  "frt",
  "aht",
  "fcr",
  "resolution",
  "tickets",
  "escalations",
  "repeat",
] as const;
/** A KPI id. */
export type KpiMetric = typeof KPI_METRICS[number];

/** Units and plausible ranges, for import checks and labels. */
export const KPI_UNITS: Record<
  KpiMetric,
  { unit: string; min: number; max: number }
> = {
  csat: { unit: "1-5", min: 1, max: 5 },
  frt: { unit: "s", min: 0, max: 3600 },
  aht: { unit: "min", min: 0, max: 240 },
  fcr: { unit: "%", min: 0, max: 100 },
  resolution: { unit: "%", min: 0, max: 100 },
  tickets: { unit: "/day", min: 0, max: 2000 },
  escalations: { unit: "%", min: 0, max: 100 },
  repeat: { unit: "%", min: 0, max: 100 },
};

/** Default targets (domain.md §4); teams may set their own. */
export const DEFAULT_TARGETS: Partial<Record<KpiMetric, KpiTarget>> = {
  csat: { direction: "min", target: 4.5 },
  frt: { direction: "max", target: 30 },
  aht: { direction: "max", target: 8 },
  fcr: { direction: "min", target: 85 },
  resolution: { direction: "min", target: 90 },
  tickets: { direction: "min", target: 50 },
};

/** The KPIs the difference-in-differences is computed on. */
export const DID_METRICS: readonly KpiMetric[] = ["frt", "csat", "fcr"];
