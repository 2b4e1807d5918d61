import assert from "node:assert/strict";
import { KPI_UNITS, type KpiMetric } from "@/lib/evaluation/kpi.ts";
import { KPI_HEADER, kpiRows, kpiValues } from "./demo_kpi.ts";

const agents = Array.from({ length: 20 }, (_, i) => `p${i}@demo.academy`);

Deno.test("demo KPI rows stay in the import's ranges, cover the months, and trained months are better on average", () => {
  const rows = agents.flatMap((a) => kpiRows(a, "2026-03-15", "2026-12"));
  // Eight months before March 2026 to December 2026: 18 months each.
  assert.equal(rows.length, agents.length * 18);
  const metrics = KPI_HEADER.split(",").slice(2) as KpiMetric[];
  for (const row of rows) {
    const cells = row.split(",");
    assert.equal(cells.length, metrics.length + 2);
    metrics.forEach((m, i) => {
      const v = Number(cells[i + 2]);
      assert.ok(Number.isFinite(v), row);
      assert.ok(v >= KPI_UNITS[m].min && v <= KPI_UNITS[m].max, `${m} ${v}`);
    });
  }
  const mean = (m: string, month: string) =>
    agents.reduce((s, a) => s + Number(kpiValues(a, "2026-03", month)[m]), 0) /
    agents.length;
  // Same calendar season (none) before and after: February vs April/May.
  assert.ok(mean("frt", "2026-04") < mean("frt", "2026-02"));
  assert.ok(mean("csat", "2026-05") > mean("csat", "2026-02"));
  assert.ok(mean("fcr", "2026-05") > mean("fcr", "2026-02"));
  // Modest: a few seconds, not a miracle.
  assert.ok(mean("frt", "2026-02") - mean("frt", "2026-05") < 12);
});
