import assert from "node:assert/strict";
import { makeUser } from "@/lib/identity/accounts/testing.ts";
import { createCohort } from "@/lib/identity/teams/cohort_store.ts";
import { createTeam } from "@/lib/identity/teams/team_store.ts";
import {
  getTargets,
  importKpiCsv,
  listPeriods,
  setTargets,
} from "./kpi_store.ts";
import { ROLLUP_ROOT } from "@/lib/evidence/rollup.ts";
import { teamMonthSeries } from "./summary.ts";
import { addMembers } from "./fixtures.ts";

const NOW = new Date("2026-12-01T02:00:00Z");

async function setup(kv: Deno.Kv) {
  await createTeam(kv, { id: "t1", name: "售后二组" }, NOW);
  await createCohort(kv, {
    id: "c1",
    name: "十二月",
    teamId: "t1",
    startDate: "2026-12-01",
  }, NOW);
  const a = await makeUser(kv, "learner", "a@example.com");
  const b = await makeUser(kv, "learner", "b@example.com");
  await makeUser(kv, "mentor", "m@example.com");
  await addMembers(kv, "c1", "t1", [a.id, b.id], NOW);
  return { a, b };
}

async function count(kv: Deno.Kv, prefix: Deno.KvKey) {
  let n = 0;
  for await (const _ of kv.list({ prefix })) n++;
  return n;
}

Deno.test("importKpiCsv(): a file with bad rows imports nothing and reports each bad row and field", async () => {
  using kv = await Deno.openKv(":memory:");
  const { a } = await setup(kv);
  const csv = [
    "agent,month,csat,frt,fcr",
    "a@example.com,2026-11,4.6,28,88", // good
    "nobody@example.com,2026-11,4.5,20,90", // unknown agent
    "b@example.com,2026-13,4.5,20,90", // bad month
    "b@example.com,2026-11,lots,20,190", // not a number, out of range
    "m@example.com,2026-11,4.5,20,90", // a mentor is not an agent
    "a@example.com,2026-11,4.7,27,89", // duplicate of line 2
    "b@example.com,2026-10,,,", // no values
  ].join("\n");
  const r = await importKpiCsv(kv, csv, "admin", NOW);
  assert.equal(r.ok, false);
  assert.deepEqual(
    r.problems.map((p) => `${p.line}:${p.field}:${p.code}`),
    [
      "3:agent:agent_unknown",
      "4:month:month_format",
      "5:csat:not_a_number",
      "5:fcr:out_of_range",
      "6:agent:agent_unknown",
      "7:month:duplicate",
      "8:csat,frt,fcr:no_values",
    ],
  );
  // Nothing at all was written: not even the good first row.
  assert.deepEqual(await listPeriods(kv, a.id), []);
  assert.equal(await count(kv, ["statements"]), 0);
  assert.equal(await count(kv, [ROLLUP_ROOT]), 0);

  const missing = await importKpiCsv(
    kv,
    "who,month,csat\nx,2026-11,4",
    "admin",
    NOW,
  );
  assert.deepEqual(
    missing.problems.map((p) => `${p.line}:${p.field}:${p.code}`),
    [
      "1:agent:missing_column",
    ],
  );
});

Deno.test("importKpiCsv(): re-importing a period replaces it; the same file again changes nothing", async () => {
  using kv = await Deno.openKv(":memory:");
  const { a, b } = await setup(kv);
  const first =
    "\uFEFFagent,month,csat,frt,fcr\na@example.com,2026-11,4.6,28,88\nb@example.com,2026-11,4.2,40,80\n";
  const r1 = await importKpiCsv(kv, first, "admin", NOW);
  assert.deepEqual([r1.ok, r1.changed, r1.unchanged], [true, 2, 0]);
  let nov = (await teamMonthSeries(kv, "t1")).find((m) =>
    m.month === "2026-11"
  )!;
  assert.equal(nov.kpi.frt.n, 2);
  assert.equal(nov.kpi.frt.mean, 34);

  const statements = await count(kv, ["statements"]);
  const again = await importKpiCsv(kv, first, "admin", NOW);
  assert.deepEqual([again.ok, again.changed, again.unchanged], [true, 0, 2]);
  assert.equal(await count(kv, ["statements"]), statements, "idempotent");

  // b's November corrected (FRT 40 -> 30, FCR dropped): replaced, not added.
  const fix = "agent,month,csat,frt\nb@example.com,2026-11,4.2,30\n";
  const r3 = await importKpiCsv(kv, fix, "admin", NOW);
  assert.deepEqual([r3.ok, r3.changed], [true, 1]);
  nov = (await teamMonthSeries(kv, "t1")).find((m) => m.month === "2026-11")!;
  assert.equal(nov.kpi.frt.n, 2);
  assert.equal(nov.kpi.frt.mean, 29);
  assert.equal(nov.kpi.fcr.n, 1, "b's FCR left the period");
  assert.equal(nov.kpi.fcr.mean, 88);
  assert.deepEqual((await listPeriods(kv, b.id))[0].values, {
    csat: 4.2,
    frt: 30,
  });
  assert.equal((await listPeriods(kv, a.id))[0].teamId, "t1");
});

Deno.test("importKpiCsv(): a manager's file may name only agents of their teams", async () => {
  using kv = await Deno.openKv(":memory:");
  const { a } = await setup(kv);
  const csv = "agent,month,frt\na@example.com,2026-11,25\n";
  const other = await importKpiCsv(kv, csv, "m2", NOW, new Set(["t2"]));
  assert.deepEqual(
    other.problems.map((p) => `${p.line}:${p.field}:${p.code}`),
    ["2:agent:agent_unknown"],
  );
  assert.deepEqual(await listPeriods(kv, a.id), []);
  const own = await importKpiCsv(kv, csv, "m1", NOW, new Set(["t1"]));
  assert.equal(own.changed, 1);
});

Deno.test("getTargets(): defaults from domain §4, a team's own target wins", async () => {
  using kv = await Deno.openKv(":memory:");
  assert.deepEqual((await getTargets(kv, "t1")).csat, {
    direction: "min",
    target: 4.5,
  });
  assert.deepEqual((await getTargets(kv, "t1")).frt, {
    direction: "max",
    target: 30,
  });
  await setTargets(kv, "t1", { frt: { direction: "max", target: 10 } });
  assert.deepEqual((await getTargets(kv, "t1")).frt, {
    direction: "max",
    target: 10,
  });
  assert.deepEqual((await getTargets(kv, "t1")).fcr, {
    direction: "min",
    target: 85,
  });
});
