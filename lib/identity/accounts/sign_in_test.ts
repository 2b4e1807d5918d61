import assert from "node:assert/strict";
import { hashPassword } from "./password.ts";
import { getSession } from "@/lib/identity/sessions/session_store.ts";
import { getSignedIn, signIn, signOut } from "./sign_in.ts";
import { FAST, makeUser, minutesLater, NOW, PASSWORD } from "./testing.ts";
import { createUser, getUser, setDisabled } from "./user_store.ts";

const opts = { iterations: FAST };
const from = (address = "10.0.0.1") => ({ address });

Deno.test("signIn() with email or phone starts a session", async () => {
  using kv = await Deno.openKv(":memory:");
  const u = await makeUser(kv, "learner", "li@example.com", {
    phone: "13800138000",
  });
  for (const login of ["LI@example.com", "+86 138 0013 8000"]) {
    const r = await signIn(
      kv,
      { login, password: PASSWORD, ...from() },
      NOW,
      opts,
    );
    assert.ok(r.ok, login);
    assert.equal(r.user.id, u.id);
    assert.ok(!("passwordHash" in r.user));
    assert.equal((await getSession(kv, r.sessionId, NOW))?.userId, u.id);
  }
});

Deno.test("signIn() answers an unknown account exactly like a wrong password, and locks both alike", async () => {
  using kv = await Deno.openKv(":memory:");
  await makeUser(kv, "learner", "known@example.com");
  const run = async (login: string, address: string) => {
    const out = [];
    for (let i = 0; i < 7; i++) {
      out.push(
        await signIn(
          kv,
          { login, password: "wrong password!", address },
          minutesLater(i),
          opts,
        ),
      );
    }
    return out;
  };
  const known = await run("known@example.com", "10.0.0.1");
  const unknown = await run("ghost@example.com", "10.0.0.2");
  assert.deepEqual(known, unknown);
  assert.deepEqual(known.map((r) => r.ok ? "ok" : r.reason), [
    "invalid",
    "invalid",
    "invalid",
    "invalid",
    "invalid",
    "locked",
    "locked",
  ]);
  // Even the right password is refused while locked, with the same answer.
  assert.deepEqual(
    await signIn(
      kv,
      { login: "known@example.com", password: PASSWORD, ...from("10.0.0.9") },
      minutesLater(8),
      opts,
    ),
    { ok: false, reason: "locked" },
  );
  // The lock lasts 15 minutes from the 5th failure (minute 4).
  const after = await signIn(
    kv,
    { login: "known@example.com", password: PASSWORD, ...from("10.0.0.9") },
    minutesLater(4 + 15),
    opts,
  );
  assert.equal(after.ok, true);
});

Deno.test("signIn() locks an address after 20 failures whatever the login", async () => {
  using kv = await Deno.openKv(":memory:");
  await makeUser(kv, "learner", "known@example.com");
  for (let i = 0; i < 20; i++) {
    const r = await signIn(
      kv,
      {
        login: `guess${i}@example.com`,
        password: "wrong password!",
        ...from(),
      },
      minutesLater(i / 2),
      opts,
    );
    assert.deepEqual(r, { ok: false, reason: "invalid" });
  }
  assert.deepEqual(
    await signIn(
      kv,
      { login: "known@example.com", password: PASSWORD, ...from() },
      minutesLater(11),
      opts,
    ),
    { ok: false, reason: "locked" },
  );
  assert.equal(
    (await signIn(
      kv,
      { login: "known@example.com", password: PASSWORD, ...from("10.0.0.2") },
      minutesLater(11),
      opts,
    )).ok,
    true,
  );
});

Deno.test("signIn() success clears the login's failures", async () => {
  using kv = await Deno.openKv(":memory:");
  await makeUser(kv, "learner", "a@example.com");
  const fail = (m: number) =>
    signIn(
      kv,
      { login: "a@example.com", password: "wrong password!", ...from() },
      minutesLater(m),
      opts,
    );
  for (let i = 0; i < 4; i++) await fail(i);
  assert.equal(
    (await signIn(
      kv,
      { login: "a@example.com", password: PASSWORD, ...from() },
      minutesLater(5),
      opts,
    )).ok,
    true,
  );
  for (let i = 0; i < 4; i++) {
    assert.deepEqual(await fail(6 + i), { ok: false, reason: "invalid" });
  }
});

Deno.test("signIn() refuses a disabled account with the plain 'invalid'", async () => {
  using kv = await Deno.openKv(":memory:");
  const admin = await makeUser(kv, "admin", "admin@example.com");
  const u = await makeUser(kv, "learner", "a@example.com");
  await setDisabled(kv, admin.id, u.id, true, NOW);
  assert.deepEqual(
    await signIn(
      kv,
      { login: "a@example.com", password: PASSWORD, ...from() },
      NOW,
      opts,
    ),
    { ok: false, reason: "invalid" },
  );
});

Deno.test("signIn() upgrades an out-of-date hash to the default 600,000 iterations", async () => {
  using kv = await Deno.openKv(":memory:");
  const u = await createUser(kv, {
    name: "老员工",
    email: "old@example.com",
    role: "trainer",
    passwordHash: await hashPassword(PASSWORD, FAST),
  }, NOW);
  const r = await signIn(kv, {
    login: "old@example.com",
    password: PASSWORD,
    ...from(),
  }, NOW); // default iterations
  assert.ok(r.ok);
  const stored = (await getUser(kv, u.id))!.passwordHash!;
  assert.match(stored, /^pbkdf2-sha256\$600000\$/);
  assert.equal(
    (await signIn(kv, {
      login: "old@example.com",
      password: PASSWORD,
      ...from(),
    }, minutesLater(1))).ok,
    true,
  );
});

Deno.test("signIn() spends PBKDF2 time on unknown accounts too (default iterations)", async () => {
  using kv = await Deno.openKv(":memory:");
  await createUser(kv, {
    name: "甲",
    email: "known@example.com",
    role: "learner",
    passwordHash: await hashPassword(PASSWORD),
  }, NOW);
  const time = async (login: string, address: string) => {
    const t = performance.now();
    await signIn(kv, { login, password: "wrong password!", address }, NOW);
    return performance.now() - t;
  };
  const known = await time("known@example.com", "10.0.0.1");
  const unknown = await time("ghost@example.com", "10.0.0.2");
  // Both derive 600,000 iterations; a skipped derivation would take ~0 ms.
  assert.ok(
    unknown > known * 0.3,
    `unknown ${unknown} ms vs known ${known} ms`,
  );
});

Deno.test("getSignedIn() follows the user record; signOut() ends the session", async () => {
  using kv = await Deno.openKv(":memory:");
  const admin = await makeUser(kv, "admin", "admin@example.com");
  const u = await makeUser(kv, "learner", "a@example.com");
  const r = await signIn(
    kv,
    { login: "a@example.com", password: PASSWORD, ...from() },
    NOW,
    opts,
  );
  assert.ok(r.ok);
  assert.equal(
    (await getSignedIn(kv, r.sessionId, minutesLater(1)))?.user.role,
    "learner",
  );
  const r2 = await signIn(
    kv,
    { login: "a@example.com", password: PASSWORD, ...from() },
    NOW,
    opts,
  );
  assert.ok(r2.ok);
  await signOut(kv, r2.sessionId);
  assert.equal(await getSignedIn(kv, r2.sessionId, minutesLater(1)), null);
  await setDisabled(kv, admin.id, u.id, true, minutesLater(2));
  assert.equal(await getSignedIn(kv, r.sessionId, minutesLater(3)), null);
});
