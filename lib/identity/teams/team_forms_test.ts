import assert from "node:assert/strict";
import { CohortForm, TeamForm, teamFormValues } from "./team_forms.ts";

/** The first message per field, as the page shows them. */
const issues = (schema: typeof TeamForm | typeof CohortForm, v: unknown) => {
  const first = new Map<string, string>();
  for (const i of schema.safeParse(v).error?.issues ?? []) {
    if (!first.has(String(i.path[0]))) first.set(String(i.path[0]), i.message);
  }
  return first.size ? [...first].map(([f, m]) => `${f}:${m}`) : undefined;
};

Deno.test("TeamForm names each wrong field with a message key", () => {
  assert.deepEqual(issues(TeamForm, { id: "", name: "", managerIds: [] }), [
    "id:teams.id_required",
    "name:teams.name_required",
  ]);
  assert.deepEqual(
    issues(TeamForm, { id: "a b", name: "x".repeat(51), managerIds: [] }),
    ["id:teams.id_invalid", "name:teams.name_too_long"],
  );
  assert.deepEqual(
    issues(TeamForm, { id: "<script>", name: "a\nb", managerIds: [] }),
    ["id:teams.id_invalid", "name:teams.name_invalid"],
  );
  assert.equal(
    TeamForm.safeParse({ id: "pre", name: " 售前一组 ", managerIds: ["x"] })
      .data?.name,
    "售前一组",
  );
});

Deno.test("CohortForm refuses a date that does not exist and keeps an empty mentor out", () => {
  const base = { teamId: "pre", id: "c12", name: "第 12 期" };
  assert.deepEqual(issues(CohortForm, { ...base, startDate: "2026-02-30" }), [
    "startDate:teams.date_invalid",
  ]);
  assert.deepEqual(
    issues(CohortForm, { ...base, startDate: 20260301 })?.[0]?.split(":")[0],
    "startDate",
  );
  assert.equal(
    CohortForm.parse({ ...base, startDate: "2026-03-01", mentorId: "" })
      .mentorId,
    undefined,
  );
});

Deno.test("teamFormValues() turns a file into a value no schema accepts", () => {
  const form = new FormData();
  form.set("id", new File(["x"], "x.txt"));
  form.append("managerIds", "m1");
  form.append("managerIds", "m2");
  const v = teamFormValues(form);
  assert.deepEqual(v.managerIds, ["m1", "m2"]);
  assert.equal(issues(TeamForm, { ...v, name: "n" })?.[0]?.split(":")[0], "id");
});
