import assert from "node:assert/strict";
import {
  countUserSessions,
  createSession,
  endSession,
  getSession,
  revokeUserSessions,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  verifyCsrfToken,
} from "./session_store.ts";
import { hashToken } from "@/lib/identity/token.ts";
import { minutesLater, NOW } from "@/lib/identity/accounts/testing.ts";

Deno.test("createSession() stores only the id's hash; getSession() finds it by the raw id", async () => {
  using kv = await Deno.openKv(":memory:");
  const { id, session } = await createSession(kv, "u1", NOW);
  assert.match(id, /^u1\.[A-Za-z0-9_-]{43}$/);
  const keys = await Array.fromAsync(kv.list({ prefix: [] }), (e) => e.key);
  assert.ok(!JSON.stringify(keys).includes(id), "raw id must not be a key");
  assert.deepEqual(keys.find((k) => k[0] === "sessions"), [
    "sessions",
    await hashToken(id),
  ]);
  const found = await getSession(kv, id, minutesLater(1));
  assert.equal(found?.userId, "u1");
  assert.equal(found?.csrfToken, session.csrfToken);
  assert.equal(await getSession(kv, "not-a-token", NOW), null);
});

Deno.test("getSession() refuses an id whose user part was changed", async () => {
  using kv = await Deno.openKv(":memory:");
  const { id } = await createSession(kv, "u1", NOW);
  const token = id.slice(id.indexOf(".") + 1);
  assert.equal(await getSession(kv, `u2.${token}`, NOW), null);
  assert.equal(await getSession(kv, token, NOW), null, "no user part");
  assert.equal(await getSession(kv, `.${token}`, NOW), null, "empty user");
  assert.ok(await getSession(kv, id, NOW), "the real id still works");
});

Deno.test("getSession() ends a session idle for 2 h, and requests keep it alive", async () => {
  using kv = await Deno.openKv(":memory:");
  const { id } = await createSession(kv, "u1", NOW);
  assert.ok(await getSession(kv, id, minutesLater(100)));
  // Seen at +100 min, so +219 min is 119 min idle: still alive.
  assert.ok(await getSession(kv, id, minutesLater(219)));
  assert.equal(await getSession(kv, id, minutesLater(219 + 120)), null);
  assert.equal(
    await countUserSessions(kv, "u1"),
    0,
    "the index entry goes too",
  );
});

Deno.test("getSession() ends a session 12 h after sign-in however active", async () => {
  using kv = await Deno.openKv(":memory:");
  const { id } = await createSession(kv, "u1", NOW);
  for (let m = 60; m < 12 * 60; m += 60) {
    assert.ok(await getSession(kv, id, minutesLater(m)), `minute ${m}`);
  }
  assert.equal(
    await getSession(kv, id, new Date(NOW.getTime() + SESSION_ABSOLUTE_MS)),
    null,
  );
  assert.equal(SESSION_IDLE_MS, 2 * 3600_000);
});

Deno.test("createSession() takes custom lifetimes", async () => {
  using kv = await Deno.openKv(":memory:");
  const { id } = await createSession(kv, "u1", NOW, {
    idleMs: 60_000,
    absoluteMs: 300_000,
  });
  assert.ok(await getSession(kv, id, new Date(NOW.getTime() + 59_000)));
  assert.equal(
    await getSession(kv, id, new Date(NOW.getTime() + 59_000 + 60_000)),
    null,
  );
});

Deno.test("verifyCsrfToken() accepts only the session's token", async () => {
  using kv = await Deno.openKv(":memory:");
  const a = await createSession(kv, "u1", NOW);
  const b = await createSession(kv, "u1", NOW);
  assert.notEqual(a.session.csrfToken, b.session.csrfToken);
  assert.equal(verifyCsrfToken(a.session, a.session.csrfToken), true);
  assert.equal(verifyCsrfToken(a.session, b.session.csrfToken), false);
  assert.equal(verifyCsrfToken(a.session, undefined), false);
});

Deno.test("endSession() logs out one session; revokeUserSessions() all of a user's", async () => {
  using kv = await Deno.openKv(":memory:");
  const a = await createSession(kv, "u1", NOW);
  const b = await createSession(kv, "u1", NOW);
  const c = await createSession(kv, "u1", NOW);
  const other = await createSession(kv, "u2", NOW);
  await endSession(kv, a.id);
  assert.equal(await getSession(kv, a.id, NOW), null);
  assert.equal(await countUserSessions(kv, "u1"), 2);
  assert.equal(await revokeUserSessions(kv, "u1"), 2);
  assert.equal(await getSession(kv, b.id, NOW), null);
  assert.equal(await getSession(kv, c.id, NOW), null);
  assert.ok(await getSession(kv, other.id, NOW));
});
