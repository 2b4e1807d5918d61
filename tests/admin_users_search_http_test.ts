/**
 * The admin's user list at scale: search by name, email or phone (digits,
 * with spaces or +86), combined with the role filter, and the last sign-in
 * of each account ("never" until the first).
 */
import assert from "node:assert/strict";
import { startModuleServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startModuleServer();
const admin = client(server.origin);
await admin.signIn("admin@demo.academy");

async function html(path: string, status = 200): Promise<string> {
  const res = await admin.get(path);
  const body = await res.text();
  assert.equal(res.status, status, body.slice(0, 300));
  return body;
}

/** Listed names, in order. */
const names = (page: string) =>
  [...page.matchAll(/href="\/admin\/users\/[0-9A-Z]{26}">([^<]+)<\/a><\/th>/g)]
    .map((m) => m[1]);

Deno.test({
  ...opts,
  name:
    "admin users: search finds by name, email and phone, with the role filter",
}, async () => {
  assert.deepEqual(names(await html("/admin/users?q=小雨")), ["李小雨"]);
  const byEmail = names(await html("/admin/users?q=LEARNER2%40DEMO"));
  assert.equal(byEmail.length, 1);
  assert.deepEqual(
    names(
      await html(`/admin/users?q=${encodeURIComponent("+86 138 0000 0001")}`),
    ),
    ["李小雨"],
  );
  assert.deepEqual(names(await html("/admin/users?q=主管&role=manager")), [
    "周主管",
    "吴主管",
  ]);
  assert.deepEqual(names(await html("/admin/users?q=主管&role=learner")), []);
  const none = await html("/admin/users?q=没有这个人");
  assert.match(none, /没有找到符合条件的用户/);
  const long = await html(`/admin/users?q=${"x".repeat(101)}`, 422);
  assert.match(long, /搜索内容太长了/);
});

Deno.test({
  ...opts,
  name: "admin users: the list shows each account's last sign-in",
}, async () => {
  const before = await html("/admin/users?q=learner3%40demo.academy");
  assert.match(before, /从未登录/);
  const learner = client(server.origin);
  assert.equal((await learner.signIn("learner3@demo.academy")).status, 303);
  const after = await html("/admin/users?q=learner3%40demo.academy");
  assert.doesNotMatch(after, /从未登录/);
  assert.match(after, /<time datetime="\d{4}-\d\d-\d\dT/i);
  // The admin, who signed in above, has a time too.
  assert.doesNotMatch(await html("/admin/users?q=admin%40demo"), /从未登录/);
});
