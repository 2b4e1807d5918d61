import assert from "node:assert/strict";
import { importContent } from "@/lib/authoring/course_import.ts";
import { VALID_CONTENT as CONTENT } from "@/lib/authoring/testing.ts";
import { addMember, createCohort } from "@/lib/identity/teams/cohort_store.ts";
import { NotFoundError } from "@/lib/errors.ts";
import { createTeam } from "@/lib/identity/teams/team_store.ts";
import { makeUser, NOW } from "@/lib/identity/accounts/testing.ts";
import { completeLesson } from "./lesson_completion.ts";
import { learnerProgress, teamProgress } from "./team_progress.ts";

/** Two teams, each with a manager and a cohort on day 1 (2026-03-10). */
async function world() {
  const kv = await Deno.openKv(":memory:");
  const status = await importContent(kv, NOW, CONTENT);
  assert.deepEqual(status.heldBack, []);
  const admin = await makeUser(kv, "admin", "admin@x.cn");
  const m1 = await makeUser(kv, "manager", "m1@x.cn", { name: "周主管" });
  const m2 = await makeUser(kv, "manager", "m2@x.cn", { name: "吴主管" });
  const a = await makeUser(kv, "learner", "a@x.cn", { name: "李小雨" });
  const b = await makeUser(kv, "learner", "b@x.cn", { name: "王晨" });
  const c = await makeUser(kv, "learner", "c@x.cn", { name: "赵敏" });
  await createTeam(
    kv,
    { id: "pre", name: "售前一组", managerIds: [m1.id] },
    NOW,
  );
  await createTeam(
    kv,
    { id: "post", name: "售后二组", managerIds: [m2.id] },
    NOW,
  );
  await createCohort(
    kv,
    { id: "c-pre", name: "第 11 期", teamId: "pre", startDate: "2026-03-10" },
    NOW,
  );
  await createCohort(
    kv,
    { id: "c-post", name: "第 10 期", teamId: "post", startDate: "2026-02-20" },
    NOW,
  );
  await addMember(kv, "c-pre", a.id, NOW);
  await addMember(kv, "c-pre", b.id, NOW);
  await addMember(kv, "c-post", c.id, NOW);
  await completeLesson(kv, a.id, {
    courseId: "demo",
    version: 1,
    moduleId: "basics",
    lessonId: "basics-stages",
    title: "三个阶段",
    url: "/courses/demo/basics/basics-stages",
  }, NOW);
  return { kv, admin, m1, m2, a, b, c };
}

Deno.test("teamProgress() shows a manager only the teams they lead, with each member's standing", async () => {
  const { kv, m1, a, b } = await world();
  const teams = await teamProgress(kv, { id: m1.id, role: "manager" }, NOW);
  assert.deepEqual(teams.map((t) => t.name), ["售前一组"]);
  const [cohort] = teams[0].cohorts;
  assert.equal(cohort.day, 1);
  assert.deepEqual(
    cohort.members.map((m) => m.id).toSorted(),
    [a.id, b.id].toSorted(),
  );
  const la = cohort.members.find((m) => m.id === a.id)!;
  assert.equal(la.lessonsDone, 1);
  assert.equal(la.standing.done, 1);
  assert.equal(la.standing.overdue, 0, "day-1 items are due, not overdue");
  assert.ok(la.lastActiveAt);
  const lb = cohort.members.find((m) => m.id === b.id)!;
  assert.equal(lb.lessonsDone, 0);
  assert.equal(lb.lastActiveAt, null);
  kv.close();
});

Deno.test("teamProgress() shows an admin every team; learners and trainers none", async () => {
  const { kv, admin, a } = await world();
  const all = await teamProgress(kv, { id: admin.id, role: "admin" }, NOW);
  assert.deepEqual(
    all.map((t) => t.name).toSorted(),
    ["售前一组", "售后二组"].toSorted(),
  );
  assert.deepEqual(
    await teamProgress(kv, { id: a.id, role: "learner" }, NOW),
    [],
  );
  kv.close();
});

Deno.test("teamProgress() counts a cohort past its first days as behind or at risk", async () => {
  const { kv, m2, c } = await world();
  const [team] = await teamProgress(kv, { id: m2.id, role: "manager" }, NOW);
  const [cohort] = team.cohorts;
  assert.equal(cohort.day, 19);
  const line = cohort.members.find((m) => m.id === c.id)!;
  assert.equal(
    line.standing.overdue,
    4,
    "lesson, quiz, scenario, drill of day 1",
  );
  assert.equal(line.standing.standing, "at-risk");
  assert.deepEqual(cohort.counts, { "on-track": 0, behind: 0, "at-risk": 1 });
  kv.close();
});

Deno.test("learnerProgress() lets a manager open only their own teams' learners", async () => {
  const { kv, m1, m2, admin, a, c } = await world();
  const own = await learnerProgress(
    kv,
    { id: m1.id, role: "manager" },
    a.id,
    NOW,
  );
  assert.equal(own.name, "李小雨");
  assert.equal(own.cohort?.teamName, "售前一组");
  assert.equal(own.plan?.done, 1);
  assert.equal(own.titles["lesson:basics-stages"] !== undefined, true);
  await assert.rejects(
    learnerProgress(kv, { id: m2.id, role: "manager" }, a.id, NOW),
    NotFoundError,
  );
  await assert.rejects(
    learnerProgress(kv, { id: m1.id, role: "manager" }, c.id, NOW),
    NotFoundError,
  );
  await assert.rejects(
    learnerProgress(kv, { id: admin.id, role: "admin" }, m1.id, NOW),
    NotFoundError,
    "a manager is not a learner record",
  );
  await assert.rejects(
    learnerProgress(kv, { id: a.id, role: "learner" }, a.id, NOW),
    NotFoundError,
  );
  const seen = await learnerProgress(
    kv,
    { id: admin.id, role: "admin" },
    c.id,
    NOW,
  );
  assert.equal(seen.cohort?.day, 19);
  kv.close();
});
