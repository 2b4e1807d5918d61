import assert from "node:assert/strict";
import {
  addUserChange,
  CACHE_TTL_MS,
  enableSessionCache,
  SessionCache,
} from "./session_cache.ts";
import { changeOwnPassword } from "@/lib/identity/accounts/own_password.ts";
import {
  getSignedIn,
  type SignedIn,
  signIn,
  signOut,
} from "@/lib/identity/accounts/sign_in.ts";
import {
  FAST,
  makeUser,
  NOW,
  PASSWORD,
} from "@/lib/identity/accounts/testing.ts";
import { changeRole, setDisabled } from "@/lib/identity/accounts/user_store.ts";

const opts = { iterations: FAST };

/** A store with the cache on, a settable clock, and a signed-in learner. */
async function setup() {
  const kv = await Deno.openKv(":memory:");
  let clock = 1_000_000;
  const cache = enableSessionCache<SignedIn>(kv, {
    clock: () => clock,
    pollMs: 0,
    watch: false,
  });
  const admin = await makeUser(kv, "admin", "admin@example.com");
  const learner = await makeUser(kv, "learner", "li@example.com");
  const r = await signIn(
    kv,
    { login: "li@example.com", password: PASSWORD, address: "10.0.0.1" },
    NOW,
    opts,
  );
  assert.ok(r.ok);
  return {
    kv,
    cache,
    admin,
    learner,
    sessionId: r.sessionId,
    advance: (ms: number) => (clock += ms),
    [Symbol.dispose]() {
      cache.close();
      kv.close();
    },
  };
}

Deno.test("a cached lookup is served for at most 2 s, then read from KV again", async () => {
  using s = await setup();
  assert.ok(await getSignedIn(s.kv, s.sessionId, NOW));
  // Behind the cache's back (no change key): only the bound protects.
  for await (const e of s.kv.list({ prefix: ["sessions"] })) {
    await s.kv.delete(e.key);
  }
  assert.ok(await getSignedIn(s.kv, s.sessionId, NOW), "served from cache");
  assert.equal(s.cache.stats.hits, 1);
  s.advance(CACHE_TTL_MS - 1);
  assert.ok(await getSignedIn(s.kv, s.sessionId, NOW), "still within 2 s");
  s.advance(1);
  assert.equal(await getSignedIn(s.kv, s.sessionId, NOW), null, "at 2 s");
});

Deno.test("the bound cannot be configured above 2 s", async () => {
  using kv = await Deno.openKv(":memory:");
  const cache = new SessionCache(kv, {
    ttlMs: 60_000,
    pollMs: 0,
    watch: false,
  });
  assert.equal(cache.ttlMs, CACHE_TTL_MS);
  cache.close();
});

Deno.test("sign-out, disabling, a role change and a password change drop the user's entries at once", async (t) => {
  await t.step("sign-out", async () => {
    using s = await setup();
    assert.ok(await getSignedIn(s.kv, s.sessionId, NOW));
    await signOut(s.kv, s.sessionId);
    assert.equal(await getSignedIn(s.kv, s.sessionId, NOW), null);
  });
  await t.step("disabling", async () => {
    using s = await setup();
    assert.ok(await getSignedIn(s.kv, s.sessionId, NOW));
    await setDisabled(s.kv, s.admin.id, s.learner.id, true, NOW);
    assert.equal(await getSignedIn(s.kv, s.sessionId, NOW), null);
  });
  await t.step("role change", async () => {
    using s = await setup();
    assert.equal(
      (await getSignedIn(s.kv, s.sessionId, NOW))?.user.role,
      "learner",
    );
    await changeRole(s.kv, s.admin.id, s.learner.id, "trainer", NOW);
    assert.equal(
      (await getSignedIn(s.kv, s.sessionId, NOW))?.user.role,
      "trainer",
    );
  });
  await t.step("password change", async () => {
    using s = await setup();
    assert.ok(await getSignedIn(s.kv, s.sessionId, NOW));
    const changed = await changeOwnPassword(
      s.kv,
      s.learner.id,
      {
        current: PASSWORD,
        next: "a brand new passphrase 9",
        repeat: "a brand new passphrase 9",
      },
      NOW,
      "10.0.0.1",
      { iterations: FAST },
    );
    assert.ok(changed.ok);
    assert.equal(await getSignedIn(s.kv, s.sessionId, NOW), null);
  });
});

Deno.test("a read that was in flight when its user changed is not cached", async () => {
  using kv = await Deno.openKv(":memory:");
  const cache = new SessionCache<string>(kv, { pollMs: 0, watch: false });
  const before = cache.generation("u1");
  cache.drop("u1");
  cache.put("s1", "u1", "old", null, before);
  assert.equal(cache.get("s1"), undefined);
  cache.put("s1", "u1", "new", null, cache.generation("u1"));
  assert.equal(cache.get("s1")?.value, "new");
  cache.close();
});

Deno.test("another instance's change reaches this one through the change log", async () => {
  using kv = await Deno.openKv(":memory:");
  const other = new SessionCache<string>(kv, { pollMs: 20, watch: false });
  other.put("s1", "u1", "cached", null, other.generation("u1"));
  other.put("s2", "u2", "cached", null, other.generation("u2"));
  await addUserChange(kv.atomic(), "u1", new Date()).commit();
  await new Promise((r) => setTimeout(r, 120));
  assert.equal(other.get("s1"), undefined, "u1 dropped");
  assert.equal(other.get("s2")?.value, "cached", "u2 kept");
  other.close();
});

Deno.test("a watch on the change key drops the entry when the key moves", async () => {
  using kv = await Deno.openKv(":memory:");
  const other = new SessionCache<string>(kv, { pollMs: 0, watch: true });
  const stamp = (await kv.get(["user_changes", "u1"])).versionstamp;
  other.put("s1", "u1", "cached", stamp, other.generation("u1"));
  // The watch starts on the next tick; its first event matches the stamp.
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(other.get("s1")?.value, "cached");
  await addUserChange(kv.atomic(), "u1", new Date()).commit();
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(other.get("s1"), undefined);
  other.close();
});
