import assert from "node:assert/strict";
import { changeOwnPassword, PasswordChangeForm } from "./own_password.ts";
import {
  createSession,
  getSession,
} from "@/lib/identity/sessions/session_store.ts";
import { signIn } from "./sign_in.ts";
import { FAST, makeUser, NOW, PASSWORD } from "./testing.ts";

const NEW = "a brand new passphrase";

Deno.test("PasswordChangeForm names the field that is wrong", () => {
  const issues = (v: unknown) =>
    PasswordChangeForm.safeParse(v).error?.issues.map((i) =>
      `${i.path.join(".")}:${i.message}`
    );
  assert.deepEqual(issues({ current: "", next: NEW, repeat: NEW }), [
    "current:password.current_required",
  ]);
  assert.deepEqual(issues({ current: "x", next: "short", repeat: "short" }), [
    "next:password.too_short",
  ]);
  assert.deepEqual(
    issues({ current: "x", next: NEW, repeat: NEW + "!" }),
    ["repeat:password.mismatch"],
  );
  assert.deepEqual(
    issues({ current: "x", next: 5, repeat: 5 })?.[0]?.split(":")[0],
    "next",
  );
});

Deno.test("changeOwnPassword() refuses a wrong current password and changes nothing", async () => {
  using kv = await Deno.openKv(":memory:");
  const u = await makeUser(kv, "learner", "a@x.cn");
  const before = await createSession(kv, u.id, NOW);
  const result = await changeOwnPassword(
    kv,
    u.id,
    {
      current: "not my password",
      next: NEW,
      repeat: NEW,
    },
    NOW,
    "10.0.0.1",
    { iterations: FAST },
  );
  assert.deepEqual(result, {
    ok: false,
    field: "current",
    reason: "password.wrong",
  });
  assert.ok(await getSession(kv, before.id, NOW), "the old session lives on");
  const login = await signIn(
    kv,
    { login: "a@x.cn", password: PASSWORD, address: "1" },
    NOW,
    { iterations: FAST },
  );
  assert.equal(login.ok, true);
});

Deno.test("changeOwnPassword() ends every old session and opens one for this device", async () => {
  using kv = await Deno.openKv(":memory:");
  const u = await makeUser(kv, "learner", "a@x.cn");
  const here = await createSession(kv, u.id, NOW);
  const elsewhere = await createSession(kv, u.id, NOW);
  const result = await changeOwnPassword(
    kv,
    u.id,
    {
      current: PASSWORD,
      next: NEW,
      repeat: NEW,
    },
    NOW,
    "10.0.0.1",
    { iterations: FAST },
  );
  assert.ok(result.ok);
  assert.equal(await getSession(kv, here.id, NOW), null);
  assert.equal(await getSession(kv, elsewhere.id, NOW), null);
  assert.ok(await getSession(kv, result.sessionId, NOW));
  const old = await signIn(
    kv,
    { login: "a@x.cn", password: PASSWORD, address: "1" },
    NOW,
    { iterations: FAST },
  );
  assert.equal(old.ok, false);
  const fresh = await signIn(
    kv,
    { login: "a@x.cn", password: NEW, address: "1" },
    NOW,
    { iterations: FAST },
  );
  assert.equal(fresh.ok, true);
});

Deno.test("changeOwnPassword() locks after five wrong current passwords, even for the right one", async () => {
  using kv = await Deno.openKv(":memory:");
  const u = await makeUser(kv, "learner", "a@x.cn");
  const attempt = (current: string) =>
    changeOwnPassword(
      kv,
      u.id,
      { current, next: NEW, repeat: NEW },
      NOW,
      "10.0.0.2",
      { iterations: FAST },
    );
  const reasons = [];
  for (let i = 0; i < 5; i++) {
    const r = await attempt(`guess ${i}`);
    reasons.push(r.ok ? "ok" : r.reason);
  }
  assert.deepEqual(reasons, [
    "password.wrong",
    "password.wrong",
    "password.wrong",
    "password.wrong",
    "password.locked",
  ]);
  const right = await attempt(PASSWORD);
  assert.equal(right.ok ? "ok" : right.reason, "password.locked");
  // The password did not change, and sign-in itself is not locked by it.
  const login = await signIn(
    kv,
    { login: "a@x.cn", password: PASSWORD, address: "10.0.0.3" },
    NOW,
    { iterations: FAST },
  );
  assert.equal(login.ok, true);
});
