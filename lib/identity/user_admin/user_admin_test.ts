import assert from "node:assert/strict";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors.ts";
import { deletePersonalData } from "@/lib/identity/personal_data/personal_data.ts";
import {
  addMember,
  createCohort,
  listMembershipsOfUser,
} from "@/lib/identity/teams/cohort_store.ts";
import { createTeam } from "@/lib/identity/teams/team_store.ts";
import { makeUser, NOW } from "@/lib/identity/accounts/testing.ts";
import {
  applyUserAction,
  deletionTarget,
  eraseAccount,
  userActionRefusal,
  userDone,
  userRecord,
} from "./user_admin.ts";
import { getUser } from "@/lib/identity/accounts/user_store.ts";

async function setup(kv: Deno.Kv) {
  const admin = await makeUser(kv, "admin", "admin@example.com");
  const learner = await makeUser(kv, "learner", "li@example.com");
  const team = await createTeam(kv, { name: "一组" }, NOW);
  await createCohort(kv, {
    id: "c1",
    name: "第 1 期",
    teamId: team.id,
    startDate: "2026-03-01",
  }, NOW);
  await addMember(kv, "c1", learner.id, NOW);
  return { admin, learner };
}

Deno.test("userRecord() names the account's cohorts and knows when the page is the admin's own", async () => {
  using kv = await Deno.openKv(":memory:");
  const { admin, learner } = await setup(kv);
  const page = await userRecord(kv, learner.id, admin.id);
  assert.equal(page.user.id, learner.id);
  assert.equal("passwordHash" in page.user, false, "no hash reaches a page");
  assert.deepEqual(page.memberships, [
    { cohortId: "c1", name: "第 1 期", startDate: "2026-03-01" },
  ]);
  assert.equal(page.self, false);
  assert.equal((await userRecord(kv, admin.id, admin.id)).self, true);
  await assert.rejects(userRecord(kv, "no-such", admin.id), NotFoundError);
});

Deno.test("applyUserAction() ends a learner's cohorts only once the admin confirms", async () => {
  using kv = await Deno.openKv(":memory:");
  const { admin, learner } = await setup(kv);
  const unconfirmed = await applyUserAction(kv, admin.id, learner.id, {
    action: "role",
    role: "trainer",
  }, NOW);
  assert.deepEqual(unconfirmed, {
    status: 409,
    errors: { endMemberships: "staff.role.confirm_needed" },
  });
  assert.equal((await getUser(kv, learner.id))?.role, "learner");
  assert.equal((await listMembershipsOfUser(kv, learner.id)).length, 1);
  assert.equal(
    await applyUserAction(kv, admin.id, learner.id, {
      action: "role",
      role: "trainer",
      endMemberships: true,
    }, NOW),
    null,
  );
  assert.equal((await getUser(kv, learner.id))?.role, "trainer");
  assert.deepEqual(await listMembershipsOfUser(kv, learner.id), []);
});

Deno.test("applyUserAction() refuses the admin's own account and an anonymised one, and changes nothing", async () => {
  using kv = await Deno.openKv(":memory:");
  const { admin, learner } = await setup(kv);
  for (
    const [action, message] of [
      [{ action: "role", role: "learner" }, "admin.user.self_role"],
      [{ action: "disable" }, "admin.user.self_status"],
    ] as const
  ) {
    assert.deepEqual(
      await applyUserAction(kv, admin.id, admin.id, action, NOW),
      { status: 403, errors: { form: message } },
    );
  }
  const me = await getUser(kv, admin.id);
  assert.equal(me?.role, "admin");
  assert.equal(me?.disabled, false);
  await deletePersonalData(kv, admin.id, learner.id, NOW);
  assert.deepEqual(
    await applyUserAction(kv, admin.id, learner.id, { action: "enable" }, NOW),
    { status: 409, errors: { form: "admin.user.anonymised_refused" } },
  );
});

Deno.test("applyUserAction(): an actor who is not an admin is refused by the store (403), not told it is their own account", async () => {
  using kv = await Deno.openKv(":memory:");
  const { learner } = await setup(kv);
  const manager = await makeUser(kv, "manager", "m@example.com");
  await assert.rejects(
    applyUserAction(kv, manager.id, learner.id, { action: "disable" }, NOW),
    ForbiddenError,
  );
  assert.equal((await getUser(kv, learner.id))?.disabled, false);
  // The same refusal on the actor's own account is still the plain 403 for
  // anything but "self"; the message is chosen by who the target is.
  assert.equal(userActionRefusal(new ForbiddenError("x"), "role", false), null);
  assert.equal(
    userActionRefusal(new ConflictError("x", "login-taken"), "role", false),
    null,
  );
  assert.equal(userActionRefusal(new Error("boom"), "enable", true), null);
});

Deno.test("userDone() accepts only the three actions", () => {
  assert.equal(userDone("role"), "role");
  assert.equal(userDone("enable"), "enable");
  for (const v of [null, "", "delete", "ROLE", "<script>"]) {
    assert.equal(userDone(v), null);
  }
});

Deno.test("eraseAccount() wants this account's login typed, refuses another's, the admin's own and an anonymised one", async () => {
  using kv = await Deno.openKv(":memory:");
  const { admin, learner } = await setup(kv);
  const target = await deletionTarget(kv, learner.id, admin.id);
  assert.equal(target.login, "li@example.com");
  for (
    const [confirm, message] of [
      ["admin@example.com", "admin.delete.confirm_mismatch"],
      ["", "admin.delete.confirm_required"],
      [0, "admin.delete.confirm_required"],
    ] as const
  ) {
    assert.deepEqual(
      await eraseAccount(kv, admin.id, target, { confirm }, NOW),
      { status: 422, errors: { confirm: message } },
    );
  }
  assert.equal((await getUser(kv, learner.id))?.anonymisedAt, undefined);
  const own = await deletionTarget(kv, admin.id, admin.id);
  assert.deepEqual(
    await eraseAccount(kv, admin.id, own, { confirm: own.login }, NOW),
    { status: 403, errors: { form: "admin.delete.self" } },
  );
  assert.equal(
    await eraseAccount(
      kv,
      admin.id,
      target,
      { confirm: " LI@example.com " },
      NOW,
    ),
    null,
  );
  assert.ok((await getUser(kv, learner.id))?.anonymisedAt);
  const gone = await deletionTarget(kv, learner.id, admin.id);
  assert.deepEqual(
    await eraseAccount(kv, admin.id, gone, { confirm: "li@example.com" }, NOW),
    { status: 409, errors: { form: "admin.delete.already" } },
  );
});
