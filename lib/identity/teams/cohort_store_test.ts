import assert from "node:assert/strict";
import { canManagerSeeLearner, managerScopeAllows } from "./access.ts";
import {
  addMember,
  createCohort,
  dayOfPlan,
  getCohort,
  listCohortsOfTeam,
  listMembers,
  listMembershipsOfUser,
  removeMember,
  startDateForDay,
} from "./cohort_store.ts";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors.ts";
import {
  createTeam,
  listTeamIdsOfManager,
  setTeamManagers,
} from "./team_store.ts";
import { makeUser, NOW } from "@/lib/identity/accounts/testing.ts";

Deno.test("dayOfPlan() counts from day 1 on the start date, in Beijing time", () => {
  assert.equal(
    dayOfPlan("2026-03-10", new Date("2026-03-10T00:00:00+08:00")),
    1,
  );
  assert.equal(
    dayOfPlan("2026-03-10", new Date("2026-03-10T23:59:59+08:00")),
    1,
  );
  // 16:30 UTC on the 10th is already the 11th in Beijing.
  assert.equal(dayOfPlan("2026-03-10", new Date("2026-03-10T16:30:00Z")), 2);
  assert.equal(
    dayOfPlan("2026-03-10", new Date("2026-03-09T12:00:00+08:00")),
    0,
  );
  assert.equal(
    dayOfPlan("2026-02-20", new Date("2026-03-21T08:00:00+08:00")),
    30,
  );
  assert.equal(
    dayOfPlan("2024-02-28", new Date("2024-03-01T08:00:00+08:00")),
    3,
  ); // leap day
  assert.throws(() => dayOfPlan("2026-02-30", NOW), RangeError);
});

Deno.test("startDateForDay() is the inverse of dayOfPlan()", () => {
  for (const day of [1, 12, 27, 30, 45]) {
    for (
      const now of [
        NOW,
        new Date("2026-03-10T17:00:00Z"),
        new Date("2026-12-31T15:59:59Z"),
      ]
    ) {
      assert.equal(dayOfPlan(startDateForDay(day, now), now), day);
    }
  }
  assert.equal(startDateForDay(12, NOW), "2026-02-27");
});

Deno.test("cohorts belong to a team, with members indexed both ways", async () => {
  using kv = await Deno.openKv(":memory:");
  const trainer = await makeUser(kv, "trainer", "t@example.com");
  const learner = await makeUser(kv, "learner", "l@example.com");
  await assert.rejects(
    createCohort(
      kv,
      { name: "c", teamId: "nope", startDate: "2026-03-01" },
      NOW,
    ),
    NotFoundError,
  );
  const team = await createTeam(kv, { name: "售前一组" }, NOW);
  await assert.rejects(
    createCohort(
      kv,
      { name: "c", teamId: team.id, startDate: "2026-13-01" },
      NOW,
    ),
    /"2026-13-01" is not a date/,
  );
  await assert.rejects(
    createCohort(kv, {
      name: "c",
      teamId: team.id,
      startDate: "2026-03-01",
      mentorId: learner.id,
    }, NOW),
    ValidationError,
  );
  const cohort = await createCohort(kv, {
    name: "第 11 期",
    teamId: team.id,
    startDate: "2026-03-01",
    mentorId: trainer.id,
  }, NOW);
  assert.deepEqual((await listCohortsOfTeam(kv, team.id)).map((c) => c.id), [
    cohort.id,
  ]);
  await addMember(kv, cohort.id, learner.id, NOW);
  await assert.rejects(
    addMember(kv, cohort.id, learner.id, NOW),
    ConflictError,
  );
  await assert.rejects(
    addMember(kv, cohort.id, trainer.id, NOW),
    ValidationError,
  );
  assert.deepEqual(await listMembers(kv, cohort.id), [{
    cohortId: cohort.id,
    teamId: team.id,
    userId: learner.id,
    joinedAt: NOW,
  }]);
  assert.deepEqual(
    (await listMembershipsOfUser(kv, learner.id)).map((m) => m.cohortId),
    [cohort.id],
  );
  await removeMember(kv, cohort.id, learner.id);
  assert.deepEqual(await listMembershipsOfUser(kv, learner.id), []);
});

Deno.test("canManagerSeeLearner() allows only learners in cohorts of the manager's teams", async () => {
  using kv = await Deno.openKv(":memory:");
  const m1 = await makeUser(kv, "manager", "m1@example.com");
  const m2 = await makeUser(kv, "manager", "m2@example.com");
  const a = await makeUser(kv, "learner", "a@example.com");
  const b = await makeUser(kv, "learner", "b@example.com");
  const loose = await makeUser(kv, "learner", "c@example.com");
  await assert.rejects(
    createTeam(kv, { name: "x", managerIds: [a.id] }, NOW),
    ValidationError,
  );
  const teamA = await createTeam(kv, { name: "A", managerIds: [m1.id] }, NOW);
  const teamB = await createTeam(kv, { name: "B", managerIds: [m2.id] }, NOW);
  const ca = await createCohort(kv, {
    name: "ca",
    teamId: teamA.id,
    startDate: "2026-03-01",
  }, NOW);
  const cb = await createCohort(kv, {
    name: "cb",
    teamId: teamB.id,
    startDate: "2026-03-01",
  }, NOW);
  await addMember(kv, ca.id, a.id, NOW);
  await addMember(kv, cb.id, b.id, NOW);
  assert.equal(await canManagerSeeLearner(kv, m1.id, a.id), true);
  assert.equal(await canManagerSeeLearner(kv, m1.id, b.id), false);
  assert.equal(await canManagerSeeLearner(kv, m2.id, b.id), true);
  assert.equal(await canManagerSeeLearner(kv, m1.id, loose.id), false);
  // m1 takes over team B too; m2 no longer leads it.
  await setTeamManagers(kv, teamB.id, [m1.id], NOW);
  assert.deepEqual(
    (await listTeamIdsOfManager(kv, m1.id)).sort(),
    [teamA.id, teamB.id].sort(),
  );
  assert.equal(await canManagerSeeLearner(kv, m1.id, b.id), true);
  assert.equal(await canManagerSeeLearner(kv, m2.id, b.id), false);
  // The pure form, for callers that already hold the data.
  assert.equal(
    await canManagerSeeLearner(
      { managedTeamIds: ["t1"], learnerTeamIds: ["t2", "t1"] },
      "m",
      "l",
    ),
    true,
  );
  assert.equal(
    managerScopeAllows({ managedTeamIds: ["t1"], learnerTeamIds: [] }),
    false,
  );
});

Deno.test("dayOfPlan() follows the cohort's time zone: Los Angeles and Shanghai differ on the same instant", async () => {
  using kv = await Deno.openKv(":memory:");
  const team = await createTeam(kv, { name: "跨境组" }, NOW);
  const la = await createCohort(kv, {
    name: "洛杉矶",
    teamId: team.id,
    startDate: "2026-03-10",
    timeZone: "America/Los_Angeles",
  }, NOW);
  const sh = await createCohort(kv, {
    name: "上海",
    teamId: team.id,
    startDate: "2026-03-10",
  }, NOW);
  // Stored and read back with its zone; the default is Beijing time.
  assert.equal((await getCohort(kv, la.id))?.timeZone, "America/Los_Angeles");
  assert.equal((await getCohort(kv, sh.id))?.timeZone, "Asia/Shanghai");
  // 02:00 UTC on 12 March: 10:00 on the 12th in Shanghai (day 3), 19:00 on
  // the 11th in Los Angeles (PDT, UTC-7: day 2).
  const at = new Date("2026-03-12T02:00:00Z");
  assert.equal(dayOfPlan(sh.startDate, at, sh.timeZone), 3);
  assert.equal(dayOfPlan(la.startDate, at, la.timeZone), 2);
  // Eight hours later both are on the 12th: day 3 in both.
  const later = new Date("2026-03-12T10:00:00Z");
  assert.equal(dayOfPlan(sh.startDate, later, sh.timeZone), 3);
  assert.equal(dayOfPlan(la.startDate, later, la.timeZone), 3);
  // Before the start in Los Angeles, already day 1 in Shanghai.
  const eve = new Date("2026-03-10T05:00:00Z");
  assert.equal(dayOfPlan(sh.startDate, eve, sh.timeZone), 1);
  assert.equal(dayOfPlan(la.startDate, eve, la.timeZone), 0);
  // The inverse holds in any zone.
  assert.equal(startDateForDay(2, at, "America/Los_Angeles"), "2026-03-10");
  assert.equal(startDateForDay(3, at, "Asia/Shanghai"), "2026-03-10");
});

Deno.test("a cohort stored before time zones reads as Asia/Shanghai; an unknown zone is refused", async () => {
  using kv = await Deno.openKv(":memory:");
  const team = await createTeam(kv, { name: "老数据" }, NOW);
  await kv.set(["cohorts", "old"], {
    id: "old",
    name: "第 1 期",
    teamId: team.id,
    startDate: "2026-03-01",
    createdAt: NOW,
  });
  assert.equal((await getCohort(kv, "old"))?.timeZone, "Asia/Shanghai");
  for (const timeZone of ["Mars/Olympus", "+08:00", "UTC+8", ""]) {
    await assert.rejects(
      createCohort(kv, {
        name: "c",
        teamId: team.id,
        startDate: "2026-03-01",
        timeZone,
      }, NOW),
      ValidationError,
      timeZone,
    );
  }
  assert.deepEqual(await listCohortsOfTeam(kv, team.id), []);
});
