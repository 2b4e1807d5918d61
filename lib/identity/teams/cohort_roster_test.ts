import assert from "node:assert/strict";
import { listAuditAbout } from "@/lib/identity/audit/audit_store.ts";
import { listMembershipsOfUser } from "./cohort_store.ts";
import {
  addLearnerToCohort,
  cohortRoster,
  removeLearnerFromCohort,
} from "./cohort_roster.ts";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from "@/lib/errors.ts";
import { teamWithCohort } from "./testing.ts";
import { makeUser, NOW } from "@/lib/identity/accounts/testing.ts";
import { setDisabled } from "@/lib/identity/accounts/user_store.ts";

async function setup(kv: Deno.Kv) {
  const admin = await makeUser(kv, "admin", "admin@example.com");
  const mentor = await makeUser(kv, "trainer", "m@example.com", {
    name: "郑导师",
  });
  const a = await makeUser(kv, "learner", "a@example.com", { name: "安然" });
  const b = await makeUser(kv, "learner", "b@example.com", { name: "白露" });
  const { cohort } = await teamWithCohort(kv, [], mentor.id);
  return { admin, mentor, a, b, cohort };
}

Deno.test("cohortRoster() lists members, and active learners not yet in as candidates", async () => {
  using kv = await Deno.openKv(":memory:");
  const { admin, a, b, cohort } = await setup(kv);
  await addLearnerToCohort(kv, admin.id, cohort.id, a.id, NOW);
  const gone = await makeUser(kv, "learner", "gone@example.com");
  await setDisabled(kv, admin.id, gone.id, true, NOW);
  const roster = await cohortRoster(kv, cohort.id, NOW);
  assert.equal(roster.teamName, "售前一组");
  assert.equal(roster.mentor, "郑导师");
  assert.equal(roster.day, 10);
  assert.deepEqual(roster.members.map((m) => [m.name, m.login]), [
    ["安然", "a@example.com"],
  ]);
  assert.deepEqual(roster.candidates.map((c) => c.id), [b.id]);
  await assert.rejects(cohortRoster(kv, "nope", NOW), NotFoundError);
});

Deno.test("addLearnerToCohort() is for admins, active learners, once; each add is audited", async () => {
  using kv = await Deno.openKv(":memory:");
  const { admin, mentor, a, cohort } = await setup(kv);
  await assert.rejects(
    addLearnerToCohort(kv, mentor.id, cohort.id, a.id, NOW),
    ForbiddenError,
  );
  await assert.rejects(
    addLearnerToCohort(kv, admin.id, cohort.id, mentor.id, NOW),
    (e) => e instanceof ValidationError && e.field === "userId",
  );
  await assert.rejects(
    addLearnerToCohort(kv, admin.id, cohort.id, "no-such-user", NOW),
    ValidationError,
  );
  await addLearnerToCohort(kv, admin.id, cohort.id, a.id, NOW);
  await assert.rejects(
    addLearnerToCohort(kv, admin.id, cohort.id, a.id, NOW),
    ConflictError,
  );
  const audit = await listAuditAbout(kv, "cohort", cohort.id);
  assert.deepEqual(
    audit.entries.map((e) => [e.action, e.actorId, e.detail.userId]),
    [["cohort.member_added", admin.id, a.id]],
  );
});

Deno.test("removeLearnerFromCohort() ends the membership only, audited; not a member is not found", async () => {
  using kv = await Deno.openKv(":memory:");
  const { admin, mentor, a, cohort } = await setup(kv);
  await addLearnerToCohort(kv, admin.id, cohort.id, a.id, NOW);
  await assert.rejects(
    removeLearnerFromCohort(kv, mentor.id, cohort.id, a.id, NOW),
    ForbiddenError,
  );
  await removeLearnerFromCohort(kv, admin.id, cohort.id, a.id, NOW);
  assert.deepEqual(await listMembershipsOfUser(kv, a.id), []);
  await assert.rejects(
    removeLearnerFromCohort(kv, admin.id, cohort.id, a.id, NOW),
    NotFoundError,
  );
  const audit = await listAuditAbout(kv, "cohort", cohort.id);
  assert.deepEqual(audit.entries.map((e) => e.action).sort(), [
    "cohort.member_added",
    "cohort.member_removed",
  ]);
});
