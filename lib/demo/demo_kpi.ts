/**
 * Monthly KPI values of the demo agents, as a team lead's export would hold
 * them (shared/domain.md §4 targets: CSAT >= 4.5, chat FRT <= 30 s, AHT 5-8
 * min, FCR >= 85%, resolution >= 90%, >= 50 tickets a day). Each agent has
 * a level of their own, every month its own noise, everyone gets a little
 * better with tenure, promotion months (618 in June, 双11 in November,
 * 双12 in December) are harder for all, and training helps some agents
 * more than others: about 4 s off FRT, +0.15 CSAT and +3 points FCR on
 * average, reached a month after the cohort starts. The noise is keyed by
 * the month's offset from the agent's start, so a store seeded on another
 * day holds the same story. Pure: the rows go through the real import
 * (lib/evaluation/kpi_store.ts importKpiCsv).
 *
 * @module
 */
import { clamp, noise, unit } from "./demo_random.ts";
import { monthIndex, monthOfIndex } from "@/lib/calendar/months.ts";

/** The CSV header: the import's columns (lib/evaluation/kpi.ts KPI_METRICS). */
export const KPI_HEADER =
  "agent,month,csat,frt,aht,fcr,resolution,tickets,escalations,repeat";

/** Months of KPI history before an agent's cohort starts. */
export const KPI_HISTORY_MONTHS = 8;

/** How hard a calendar month is (promotions): 0 normal, 1 双11. */
function season(month: string): number {
  return ({ 6: 0.5, 11: 1, 12: 0.4 } as Record<number, number>)[
    monthIndex(month) % 12 + 1
  ] ?? 0;
}

/** Share of the training effect reached `k` months after the start month. */
function trained(k: number): number {
  return k < 0 ? 0 : k === 0 ? 0.3 : k === 1 ? 0.8 : 1;
}

/**
 * One agent's KPI values of `month`, given the month their cohort started
 * (as CSV cells: the import parses them like a lead's file).
 */
export function kpiValues(
  login: string,
  startMonth: string,
  month: string,
): Record<string, string> {
  const k = monthIndex(month) - monthIndex(startMonth);
  const tenure = k + KPI_HISTORY_MONTHS;
  // The agent's own level (sd about 0.6) and how much training helps them.
  const a = clamp(0.6 * noise(`${login}|ability`), -1.5, 1.5);
  const e = trained(k) * (0.35 + unit(`${login}|response`));
  const s = season(month);
  const n = (metric: string) => noise(`${login}|${metric}|${k}`);
  const frt = 41 - 4 * a + 5 * s - 0.35 * tenure - 5 * e + 3.5 * n("frt");
  const csat = 4.3 + 0.1 * a - 0.08 * s + 0.004 * tenure + 0.17 * e +
    0.09 * n("csat");
  const fcr = 78.5 + 2.5 * a - 2 * s + 0.15 * tenure + 4 * e + 2.8 * n("fcr");
  const aht = 8.9 - 0.4 * a + 0.5 * s - 0.04 * tenure - 1.1 * e +
    0.45 * n("aht");
  const resolution = 85 + 2 * a - 1.5 * s + 0.15 * tenure + 4 * e +
    2 * n("resolution");
  const tickets = 44 + 4 * a + 10 * s + 0.4 * tenure + 5 * e +
    4 * n("tickets");
  const escalations = 6.5 - 0.8 * a + 1.2 * s - 1.8 * e + 0.9 * n("esc");
  const repeat = 12.5 - 1.2 * a + 1.5 * s - 0.05 * tenure - 2.8 * e +
    1.3 * n("repeat");
  return {
    csat: clamp(csat, 3.2, 4.95).toFixed(2),
    frt: String(Math.round(clamp(frt, 8, 120))),
    aht: clamp(aht, 4, 14).toFixed(1),
    fcr: String(Math.round(clamp(fcr, 55, 97))),
    resolution: String(Math.round(clamp(resolution, 60, 99))),
    tickets: String(Math.round(clamp(tickets, 20, 120))),
    escalations: clamp(escalations, 0.5, 20).toFixed(1),
    repeat: clamp(repeat, 2, 30).toFixed(1),
  };
}

/**
 * CSV rows (no header) of an agent from KPI_HISTORY_MONTHS before their
 * cohort's start month up to `nowMonth` ("YYYY-MM"), in header order.
 */
export function kpiRows(
  login: string,
  startDate: string,
  nowMonth: string,
): string[] {
  const start = monthIndex(startDate);
  const rows: string[] = [];
  for (let i = start - KPI_HISTORY_MONTHS; i <= monthIndex(nowMonth); i++) {
    const month = monthOfIndex(i);
    const v = kpiValues(login, monthOfIndex(start), month);
    rows.push(
      [
        login,
        month,
        ...KPI_HEADER.split(",").slice(2).map((m) => v[m]),
      ].join(","),
    );
  }
  return rows;
}
