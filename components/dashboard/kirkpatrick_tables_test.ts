import assert from "node:assert/strict";
import type { CohortLevels } from "@/lib/dashboard/kirkpatrick.ts";
import { translator } from "@/lib/i18n/i18n.ts";
import { panelTables, rounded } from "./kirkpatrick_tables.ts";

const estimate = (n: number, r: number | null, claimed: boolean) => ({
  n,
  r,
  interval: r === null
    ? null
    : { low: r - 0.3, high: Math.min(1, r + 0.3), level: 0.95 },
  claimed,
});

/** A cohort with nothing but one module's level 2 -> 3 correlations. */
function cohort(): CohortLevels {
  return {
    cohortId: "c1",
    cohortName: "第 8 期",
    teamId: "t1",
    startDate: "2026-07-01",
    members: 8,
    reaction: {
      surveys: [],
      likert: null,
      nps: null,
      responseRate: null,
      shownCount: 0,
      waiting: null,
    },
    learning: {
      pre: null,
      post: null,
      gain: null,
      gainN: 0,
      score: null,
      scoreN: 0,
      activities: [],
      skills: [],
      overconfident: 0,
      underconfident: 0,
    },
    behaviour: {
      qa: [],
      window: { before: "2026-06", after: "2026-08" },
      attainmentBefore: null,
      attainmentAfter: null,
      kpiBefore: {},
      kpiAfter: {},
      behaviourScore: null,
      drivers: 0,
    },
    results: { did: [], qaPassRateDay14: null, drillResponseMs: [] },
    correlations: [{
      moduleId: "core-skills",
      title: "核心技能",
      skills: [],
      estimate: estimate(8, 0.21, true),
      kpi: {
        frt: estimate(8, 0.55, true),
        csat: estimate(5, null, false),
      },
      minN: 8,
    }],
  };
}

Deno.test("panelTables(): level 2 to 3 shows QA and each KPI movement, each with its own n", () => {
  const table = panelTables(
    { cohorts: [cohort()], teams: [] },
    translator("en"),
    () => "",
  )["kp-correlation"];
  assert.equal(table.header[2], "Movement on the job");
  const rows = table.rows.map((r) => r.cells);
  assert.equal(rows.length, 3);
  assert.deepEqual(rows.map((r) => r[2]), [
    "QA score",
    translator("en")("evaluator.metric.frt"),
    translator("en")("evaluator.metric.csat"),
  ]);
  assert.deepEqual(rows.map((r) => r[3]), ["0.21", "0.55", null]);
  assert.deepEqual(rows.map((r) => r[5]), [8, 8, 5]);
  // Too few agents on CSAT: the row says so instead of a figure.
  assert.equal(rows[2][6], "Not enough agents yet (n=5, need 8)");
  assert.notEqual(rows[1][6], rows[2][6]);
});

Deno.test("rounded(): a small negative change shows as 0, not -0", () => {
  assert.ok(Object.is(rounded(-0.04), 0));
  assert.equal(rounded(-0.06), -0.1);
  assert.equal(rounded(null), null);
  assert.equal(rounded(Number.NaN), null);
});
