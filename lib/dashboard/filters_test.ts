import assert from "node:assert/strict";
import { cohortMatches, filterQuery, parseFilters } from "./filters.ts";

Deno.test("parseFilters() keeps good values and names each bad field", () => {
  const { filters, problems } = parseFilters(
    new URLSearchParams(
      "team=team-presale&cohort=bad%20id!&from=2026-02-30&to=2026-03-01&level=onboarding",
    ),
  );
  assert.deepEqual(filters, {
    team: "team-presale",
    to: "2026-03-01",
    level: "onboarding",
  });
  assert.deepEqual(problems, [
    { field: "cohort", code: "invalid" },
    { field: "from", code: "invalid" },
  ]);
});

Deno.test("parseFilters() drops an end date before the start date", () => {
  const { filters, problems } = parseFilters(
    new URLSearchParams("from=2026-03-10&to=2026-03-01"),
  );
  assert.deepEqual(filters, { from: "2026-03-10" });
  assert.deepEqual(problems, [{ field: "to", code: "range" }]);
});

Deno.test("filterQuery() round-trips through parseFilters()", () => {
  const f = { cohort: "cohort-a", from: "2026-01-01", level: "senior" };
  const q = filterQuery(f);
  assert.equal(q, "?cohort=cohort-a&from=2026-01-01&level=senior");
  assert.deepEqual(parseFilters(new URLSearchParams(q)).filters, f);
  assert.equal(filterQuery({}), "");
});

Deno.test("cohortMatches() applies team, cohort and the start-date range", () => {
  const c = { id: "c1", teamId: "t1", startDate: "2026-03-05" };
  assert.equal(cohortMatches({}, c), true);
  assert.equal(cohortMatches({ team: "t2" }, c), false);
  assert.equal(cohortMatches({ cohort: "c2" }, c), false);
  assert.equal(
    cohortMatches({ from: "2026-03-05", to: "2026-03-05" }, c),
    true,
  );
  assert.equal(cohortMatches({ from: "2026-03-06" }, c), false);
  assert.equal(cohortMatches({ to: "2026-03-04" }, c), false);
});

Deno.test("parseFilters() takes a known KPI for the trend and names an unknown one", () => {
  assert.deepEqual(
    parseFilters(new URLSearchParams("kpi=csat")),
    { filters: { kpi: "csat" }, problems: [] },
  );
  assert.deepEqual(
    parseFilters(new URLSearchParams("cohort=c1&kpi=revenue")),
    {
      filters: { cohort: "c1" },
      problems: [{ field: "kpi", code: "invalid" }],
    },
  );
  assert.equal(
    filterQuery({ kpi: "frt", cohort: "c1" }),
    "?cohort=c1&kpi=frt",
  );
});
