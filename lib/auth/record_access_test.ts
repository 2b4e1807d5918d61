import assert from "node:assert/strict";
import { NotFoundError } from "@/lib/errors.ts";
import { makeUser, NOW } from "@/lib/identity/accounts/testing.ts";
import { addMember, createCohort } from "@/lib/identity/teams/cohort_store.ts";
import { createTeam } from "@/lib/identity/teams/team_store.ts";
import {
  canSeeLearner,
  ledTeams,
  mentoredCohorts,
  requireVisibleLearner,
} from "./record_access.ts";

/** Two teams; cohort "c-pre" mentored by a mentor, "c-post" by a trainer. */
async function world() {
  const kv = await Deno.openKv(":memory:");
  const admin = await makeUser(kv, "admin", "admin@x.cn");
  const m1 = await makeUser(kv, "manager", "m1@x.cn");
  const m2 = await makeUser(kv, "manager", "m2@x.cn");
  const mentor = await makeUser(kv, "mentor", "mentor@x.cn");
  const trainer = await makeUser(kv, "trainer", "trainer@x.cn");
  const a = await makeUser(kv, "learner", "a@x.cn");
  const c = await makeUser(kv, "learner", "c@x.cn");
  const loose = await makeUser(kv, "learner", "loose@x.cn");
  await createTeam(kv, { id: "pre", name: "售前", managerIds: [m1.id] }, NOW);
  await createTeam(kv, { id: "post", name: "售后", managerIds: [m2.id] }, NOW);
  await createCohort(kv, {
    id: "c-pre",
    name: "第 11 期",
    teamId: "pre",
    startDate: "2026-03-10",
    mentorId: mentor.id,
  }, NOW);
  await createCohort(kv, {
    id: "c-post",
    name: "第 10 期",
    teamId: "post",
    startDate: "2026-02-20",
    mentorId: trainer.id,
  }, NOW);
  await addMember(kv, "c-pre", a.id, NOW);
  await addMember(kv, "c-post", c.id, NOW);
  return { kv, admin, m1, m2, mentor, trainer, a, c, loose };
}

Deno.test("canSeeLearner() is the one rule: admin all, manager own teams, mentor or trainer own cohorts", async () => {
  const w = await world();
  const sees = (viewer: { id: string; role: typeof w.a.role }, id: string) =>
    canSeeLearner(w.kv, viewer, id);
  assert.equal(await sees(w.admin, w.a.id), true);
  assert.equal(await sees(w.admin, w.loose.id), true);
  assert.equal(await sees(w.m1, w.a.id), true);
  assert.equal(await sees(w.m1, w.c.id), false, "another team's learner");
  assert.equal(await sees(w.m2, w.c.id), true);
  assert.equal(await sees(w.mentor, w.a.id), true, "a mentee");
  assert.equal(await sees(w.mentor, w.c.id), false, "not a mentee");
  assert.equal(await sees(w.trainer, w.c.id), true, "the cohort they mentor");
  assert.equal(await sees(w.trainer, w.a.id), false);
  for (const viewer of [w.m1, w.mentor, w.trainer]) {
    assert.equal(await sees(viewer, w.loose.id), false, "in no cohort");
  }
  // Fails closed: a learner sees nobody, not even themself.
  assert.equal(await sees(w.a, w.a.id), false);
  assert.equal(await sees(w.a, w.c.id), false);
  w.kv.close();
});

Deno.test("requireVisibleLearner() answers a non-learner like a missing id", async () => {
  const w = await world();
  assert.equal((await requireVisibleLearner(w.kv, w.m1, w.a.id)).id, w.a.id);
  for (const id of [w.m2.id, w.mentor.id, "01NOSUCHUSER"]) {
    await assert.rejects(
      requireVisibleLearner(w.kv, w.admin, id),
      NotFoundError,
      id,
    );
  }
  await assert.rejects(
    requireVisibleLearner(w.kv, w.m1, w.c.id),
    NotFoundError,
  );
  w.kv.close();
});

Deno.test("ledTeams() and mentoredCohorts() follow the same rule", async () => {
  const w = await world();
  const ids = async (v: typeof w.admin) =>
    (await ledTeams(w.kv, v)).map((t) => t.id).sort();
  assert.deepEqual(await ids(w.admin), ["post", "pre"]);
  assert.deepEqual(await ids(w.m1), ["pre"]);
  assert.deepEqual(await ids(w.mentor), []);
  assert.deepEqual(
    (await mentoredCohorts(w.kv, w.trainer.id)).map((c) => c.id),
    ["c-post"],
  );
  w.kv.close();
});
