import assert from "node:assert/strict";
import { listAuditAbout } from "@/lib/identity/audit/audit_store.ts";
import {
  ConflictError,
  ForbiddenError,
  ValidationError,
} from "@/lib/errors.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import {
  createSession,
  getSession,
} from "@/lib/identity/sessions/session_store.ts";
import { FAST, makeUser, minutesLater, NOW } from "./testing.ts";
import {
  changePassword,
  changeRole,
  createUser,
  findUserByLogin,
  getUser,
  listUsers,
  setDisabled,
} from "./user_store.ts";

Deno.test("createUser() normalises logins and finds users by any spelling", async () => {
  using kv = await Deno.openKv(":memory:");
  const u = await createUser(kv, {
    name: " 李小雨 ",
    email: " Li@Example.com",
    phone: "+86 138 0013 8000",
    role: "learner",
    passwordHash: await hashPassword("whatever long", FAST),
  }, NOW);
  assert.equal(u.name, "李小雨");
  assert.equal(u.email, "li@example.com");
  assert.equal(u.phone, "13800138000");
  assert.equal(u.id.length, 26);
  assert.equal((await findUserByLogin(kv, "LI@example.com"))?.id, u.id);
  assert.equal((await findUserByLogin(kv, "138-0013-8000"))?.id, u.id);
  assert.equal(await findUserByLogin(kv, "nobody@example.com"), null);
});

Deno.test("createUser() names the bad field", async () => {
  using kv = await Deno.openKv(":memory:");
  await assert.rejects(
    createUser(kv, {
      name: "x",
      email: "abc",
      role: "learner",
      passwordHash: "h",
    }, NOW),
    (e) =>
      e instanceof ValidationError && e.field === "email" &&
      e.message === 'email: "abc" is not an email address',
  );
  await assert.rejects(
    createUser(kv, { name: "x", role: "learner", passwordHash: "h" }, NOW),
    (e) => e instanceof ValidationError && e.field === "email",
  );
});

Deno.test("createUser() keeps logins unique under concurrent creation", async () => {
  using kv = await Deno.openKv(":memory:");
  const hash = await hashPassword("whatever long", FAST);
  const results = await Promise.allSettled(
    Array.from({ length: 10 }, (_, i) =>
      createUser(kv, {
        name: `n${i}`,
        email: "same@example.com",
        phone: i % 2 ? "13800138000" : undefined,
        role: "learner",
        passwordHash: hash,
      }, NOW)),
  );
  const ok = results.filter((r) => r.status === "fulfilled");
  assert.equal(ok.length, 1);
  for (const r of results) {
    if (r.status === "rejected") {
      assert.ok(
        r.reason instanceof ConflictError && r.reason.code === "login-taken",
        String(r.reason),
      );
    }
  }
  assert.equal((await listUsers(kv)).users.length, 1);
  // A phone claimed by the winner cannot be taken by another email either.
  const winner = (ok[0] as PromiseFulfilledResult<{ phone?: string }>).value;
  if (winner.phone) {
    await assert.rejects(
      createUser(kv, {
        name: "y",
        email: "other@example.com",
        phone: winner.phone,
        role: "learner",
        passwordHash: hash,
      }, NOW),
      /login "13800138000" is taken/,
    );
  }
});

Deno.test("changePassword() checks the rules, rehashes and revokes every session", async () => {
  using kv = await Deno.openKv(":memory:");
  const u = await makeUser(kv, "learner", "a@example.com");
  const s1 = await createSession(kv, u.id, NOW);
  const s2 = await createSession(kv, u.id, NOW);
  await assert.rejects(
    changePassword(kv, u.id, "short", NOW, FAST),
    (e) => e instanceof ValidationError && e.field === "password",
  );
  assert.ok(
    await getSession(kv, s1.id, NOW),
    "a rejected change keeps sessions",
  );
  const changed = await changePassword(
    kv,
    u.id,
    "a brand new password",
    minutesLater(1),
    FAST,
  );
  assert.equal(
    await verifyPassword("a brand new password", changed.passwordHash!),
    true,
  );
  assert.equal(await getSession(kv, s1.id, minutesLater(2)), null);
  assert.equal(await getSession(kv, s2.id, minutesLater(2)), null);
});

Deno.test("changeRole() is for admins, audited in the same commit", async () => {
  using kv = await Deno.openKv(":memory:");
  const admin = await makeUser(kv, "admin", "admin@example.com");
  const manager = await makeUser(kv, "manager", "m@example.com");
  const u = await makeUser(kv, "learner", "a@example.com");
  await assert.rejects(
    changeRole(kv, manager.id, u.id, "trainer", NOW),
    ForbiddenError,
  );
  await assert.rejects(
    changeRole(kv, admin.id, admin.id, "learner", NOW),
    ForbiddenError,
  );
  await changeRole(kv, admin.id, u.id, "trainer", minutesLater(5));
  const userEntry = await kv.get(["users", u.id]);
  const { entries } = await listAuditAbout(kv, "user", u.id);
  assert.equal(entries.length, 1);
  assert.deepEqual(
    { ...entries[0], id: "" },
    {
      id: "",
      at: minutesLater(5),
      actorId: admin.id,
      action: "user.role_changed",
      targetType: "user",
      targetId: u.id,
      detail: { from: "learner", to: "trainer" },
    },
  );
  const auditEntry = await kv.get(["audit", entries[0].id]);
  assert.equal(
    auditEntry.versionstamp,
    userEntry.versionstamp,
    "one commit writes both",
  );
  assert.equal((await getUser(kv, u.id))?.role, "trainer");
});

Deno.test("setDisabled() audits, ends sessions, and re-enabling is audited too", async () => {
  using kv = await Deno.openKv(":memory:");
  const admin = await makeUser(kv, "admin", "admin@example.com");
  const u = await makeUser(kv, "learner", "a@example.com");
  const s = await createSession(kv, u.id, NOW);
  const disabled = await setDisabled(
    kv,
    admin.id,
    u.id,
    true,
    minutesLater(1),
    "left the company",
  );
  assert.equal(disabled.disabled, true);
  assert.equal(await getSession(kv, s.id, minutesLater(2)), null);
  const userEntry = await kv.get(["users", u.id]);
  let { entries } = await listAuditAbout(kv, "user", u.id);
  assert.equal(entries[0].action, "user.disabled");
  assert.deepEqual(entries[0].detail, { reason: "left the company" });
  assert.equal(
    (await kv.get(["audit", entries[0].id])).versionstamp,
    userEntry.versionstamp,
  );
  await setDisabled(kv, admin.id, u.id, true, minutesLater(2)); // no change, no entry
  await setDisabled(kv, admin.id, u.id, false, minutesLater(3));
  ({ entries } = await listAuditAbout(kv, "user", u.id));
  assert.deepEqual(entries.map((e) => e.action), [
    "user.enabled",
    "user.disabled",
  ]);
});

Deno.test("a stored user that fails validation is an error naming its key", async () => {
  using kv = await Deno.openKv(":memory:");
  await kv.set(["users", "01J0000000000000000000000X"], { id: "broken" });
  await assert.rejects(
    getUser(kv, "01J0000000000000000000000X"),
    /Cannot read \["users","01J0000000000000000000000X"\]/,
  );
});
