import assert from "node:assert/strict";
import { changeOwnPassword, PasswordChangeForm } from "./own_password.ts";
import { createSession, getSession } from "./session_store.ts";
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
    FAST,
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
    FAST,
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
