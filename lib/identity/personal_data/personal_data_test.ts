import assert from "node:assert/strict";
import { listAuditAbout } from "@/lib/identity/audit/audit_store.ts";
import { addMember, listMembers } from "@/lib/identity/teams/cohort_store.ts";
import { ForbiddenError } from "@/lib/errors.ts";
import { deletePersonalData, exportPersonalData } from "./personal_data.ts";
import {
  createSession,
  getSession,
} from "@/lib/identity/sessions/session_store.ts";
import { signIn } from "@/lib/identity/accounts/sign_in.ts";
import { teamWithCohort } from "@/lib/identity/teams/testing.ts";
import {
  FAST,
  makeUser,
  minutesLater,
  NOW,
  PASSWORD,
} from "@/lib/identity/accounts/testing.ts";
import {
  changeRole,
  createUser,
  findUserByLogin,
  getUser,
} from "@/lib/identity/accounts/user_store.ts";

async function setup(kv: Deno.Kv) {
  const admin = await makeUser(kv, "admin", "admin@example.com");
  const learner = await makeUser(kv, "learner", "li@example.com", {
    name: "李小雨",
    phone: "13800000001",
  });
  const { team, cohort } = await teamWithCohort(kv);
  await addMember(kv, cohort.id, learner.id, NOW);
  return { admin, learner, team, cohort };
}

Deno.test("exportPersonalData() returns the record without hash, memberships and audit entries", async () => {
  using kv = await Deno.openKv(":memory:");
  const { admin, learner, cohort } = await setup(kv);
  await changeRole(kv, admin.id, learner.id, "trainer", minutesLater(1));
  const data = await exportPersonalData(kv, learner.id);
  assert.equal(data.user.name, "李小雨");
  assert.equal(data.user.phone, "13800000001");
  assert.ok(!("passwordHash" in data.user));
  assert.deepEqual(
    data.memberships.map((m) => [m.cohortId, m.cohortName, m.startDate]),
    [[cohort.id, "第 11 期", "2026-03-01"]],
  );
  assert.deepEqual(data.auditAbout.map((e) => e.action), ["user.role_changed"]);
});

Deno.test("deletePersonalData() keeps an anonymised stub, frees the logins and ends sessions, in one audited commit", async () => {
  using kv = await Deno.openKv(":memory:");
  const { admin, learner, cohort } = await setup(kv);
  const s = await createSession(kv, learner.id, NOW);
  await signIn(
    kv,
    { login: "li@example.com", password: "wrong password!", address: "a" },
    NOW,
    { iterations: FAST },
  );
  await assert.rejects(
    deletePersonalData(kv, learner.id, admin.id, NOW),
    ForbiddenError,
  );

  const stub = await deletePersonalData(
    kv,
    admin.id,
    learner.id,
    minutesLater(5),
  );
  assert.deepEqual(stub, {
    id: learner.id,
    name: "",
    role: "learner",
    disabled: true,
    createdAt: NOW,
    updatedAt: minutesLater(5),
    anonymisedAt: minutesLater(5),
  });
  assert.deepEqual(await getUser(kv, learner.id), stub);
  assert.equal(await findUserByLogin(kv, "li@example.com"), null);
  assert.equal(await findUserByLogin(kv, "13800000001"), null);
  assert.equal(await getSession(kv, s.id, minutesLater(6)), null);
  assert.deepEqual((await listMembers(kv, cohort.id)).map((m) => m.userId), [
    learner.id,
  ], "memberships stay for statistics");
  // Nothing in the store still holds the name, email or phone.
  const dump = JSON.stringify(
    await Array.fromAsync(kv.list({ prefix: [] }), (e) => [e.key, e.value]),
  );
  for (const pii of ["李小雨", "li@example.com", "13800000001"]) {
    assert.ok(!dump.includes(pii), pii);
  }

  const { entries } = await listAuditAbout(kv, "user", learner.id);
  assert.equal(entries[0].action, "personal_data.deleted");
  assert.equal(entries[0].actorId, admin.id);
  assert.equal(
    (await kv.get(["audit", entries[0].id])).versionstamp,
    (await kv.get(["users", learner.id])).versionstamp,
  );

  // Idempotent, and the freed login can sign up again as a new person.
  assert.deepEqual(
    await deletePersonalData(kv, admin.id, learner.id, minutesLater(9)),
    stub,
  );
  assert.equal(
    (await listAuditAbout(kv, "user", learner.id)).entries.length,
    1,
  );
  const fresh = await createUser(kv, {
    name: "新人",
    email: "li@example.com",
    role: "learner",
    passwordHash: "x",
  }, NOW);
  assert.notEqual(fresh.id, learner.id);
  assert.deepEqual(
    await signIn(
      kv,
      { login: "13800000001", password: PASSWORD, address: "b" },
      minutesLater(10),
      { iterations: FAST },
    ),
    { ok: false, reason: "invalid" },
  );
});
