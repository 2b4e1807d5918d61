import assert from "node:assert/strict";
import { getCohort, listCohortsOfTeam } from "./cohort_store.ts";
import { submitTeamAdmin } from "./team_admin.ts";
import { createTeam } from "./team_store.ts";
import { makeUser, NOW } from "@/lib/identity/accounts/testing.ts";

Deno.test("the cohort form: a bad time zone is a field error and creates nothing; a good one is stored canonically", async () => {
  using kv = await Deno.openKv(":memory:");
  const admin = await makeUser(kv, "admin", "a@example.com");
  const team = await createTeam(kv, { name: "售前一组" }, NOW);
  const form = {
    action: "cohort",
    teamId: team.id,
    id: "c-tz",
    name: "第 13 期",
    startDate: "2026-03-10",
  };
  for (const timeZone of ["Asia/Nowhere", "+08:00", "<script>", 7]) {
    const res = await submitTeamAdmin(
      kv,
      admin.id,
      { ...form, timeZone },
      NOW,
    );
    assert.equal(res.ok, false, String(timeZone));
    if (res.ok) continue;
    assert.deepEqual(res.errors, {
      timeZone: "onboarding.cohort.time_zone_invalid",
    });
    assert.equal(res.values.timeZone, timeZone);
  }
  assert.equal(await getCohort(kv, "c-tz"), null);
  assert.deepEqual(await listCohortsOfTeam(kv, team.id), []);
  // Case is forgiven and stored as the canonical name; left out: Beijing.
  const ok = await submitTeamAdmin(kv, admin.id, {
    ...form,
    timeZone: " america/los_angeles ",
  }, NOW);
  assert.deepEqual(ok, { ok: true, form: "cohort", id: "c-tz" });
  assert.equal((await getCohort(kv, "c-tz"))?.timeZone, "America/Los_Angeles");
  await submitTeamAdmin(kv, admin.id, { ...form, id: "c-bj" }, NOW);
  assert.equal((await getCohort(kv, "c-bj"))?.timeZone, "Asia/Shanghai");
});
