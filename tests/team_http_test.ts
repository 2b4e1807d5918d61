/**
 * Team progress and "my record" over real HTTP with the demo data: managers
 * see only their own teams, learners their own record, and every bad
 * password-form input is a 422 with a field message that changes nothing.
 */
import assert from "node:assert/strict";
import { startServer } from "./server.ts";
import { client, DEMO_PASSWORD } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startServer();
addEventListener("unload", () => {
  try {
    server.process.kill("SIGKILL");
  } catch { /* already stopped by the last test */ }
});

const SCRIPT = "<script>alert(1)</script>";

async function signedIn(login: string) {
  const c = client(server.origin);
  const res = await c.signIn(login);
  assert.equal(res.status, 303, `sign-in of ${login}`);
  return c;
}

/** Learner links (name -> path) on a /team page. */
function learnerLinks(html: string): Map<string, string> {
  const links = new Map<string, string>();
  for (
    const m of html.matchAll(/href="(\/team\/learners\/[^"]+)"[^>]*>([^<]+)</g)
  ) {
    links.set(m[2], m[1]);
  }
  return links;
}

const admin = await signedIn("admin@demo.academy");
const allLinks = learnerLinks(await (await admin.get("/team")).text());

Deno.test({
  ...opts,
  name:
    "http: a manager sees their own team's cohort with each learner's standing",
}, async () => {
  const manager = await signedIn("manager@demo.academy");
  const res = await manager.get("/team");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /text\/html/);
  const html = await res.text();
  assert.match(html, /售前一组/);
  assert.doesNotMatch(html, /售后二组/);
  assert.match(html, /第 12 \/ 30 天/);
  const links = learnerLinks(html);
  assert.deepEqual(
    [...links.keys()].toSorted(),
    ["李小雨", "王晨", "张一鸣", "陈思思", "刘洋"].toSorted(),
  );
  assert.match(html, /class="standing standing-(on-track|behind|at-risk)"/);
});

Deno.test({
  ...opts,
  name:
    "http: a manager opens their own learner, and another team's learner is not found",
}, async () => {
  const manager = await signedIn("manager@demo.academy");
  const own = await manager.get(allLinks.get("李小雨")!);
  assert.equal(own.status, 200);
  const html = await own.text();
  assert.match(html, /李小雨 的学习进度/);
  assert.match(html, /售前一组/);
  assert.match(
    html,
    /class="plan-item plan-(done|overdue|due|upcoming|untracked)"/,
  );
  const other = await manager.get(allLinks.get("赵敏")!);
  assert.equal(other.status, 404);
  assert.doesNotMatch(await other.text(), /赵敏/);
  const manager2 = await signedIn("manager2@demo.academy");
  const seen = await manager2.get(allLinks.get("赵敏")!);
  assert.equal(seen.status, 200);
  await seen.body?.cancel();
});

Deno.test({
  ...opts,
  name:
    "http: a manager sees their learner's certification explanation; another team's manager gets 404",
}, async () => {
  const manager = await signedIn("manager@demo.academy");
  const res = await manager.get(allLinks.get("李小雨")!);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<h2>认证进度<\/h2>/);
  // Every level is explained, one list of criteria each, as on Today.
  const lists = [...html.matchAll(/data-testid="criteria-([^"]+)"/g)].map((
    m,
  ) => m[1]);
  assert.ok(lists.length >= 2, `levels explained: ${lists.join(",")}`);
  const states = [
    ...html.matchAll(/data-criterion="[^"]+" data-state="([^"]+)"/g),
  ].map((m) => m[1]);
  assert.ok(states.length > lists.length, "criteria listed");
  for (const s of states) assert.match(s, /^(met|not-met|pending)$/);
  // On day 12 of 30 she is not yet certified: something is not met yet.
  assert.ok(states.some((s) => s !== "met"));
  // The numbers behind a criterion: required plan items done of total.
  assert.match(html, /计划必修项已完成 \d+\/\d+ 项/);
  assert.match(html, /获得证书还需要：/);
  // Another team's manager gets 404 and sees nothing of hers.
  const manager2 = await signedIn("manager2@demo.academy");
  const other = await manager2.get(allLinks.get("李小雨")!);
  assert.equal(other.status, 404);
  const otherHtml = await other.text();
  assert.doesNotMatch(otherHtml, /李小雨/);
  assert.doesNotMatch(otherHtml, /data-criterion=/);
});

Deno.test({
  ...opts,
  name:
    "http: learners and trainers may not open team pages; anonymous visitors are sent to sign in",
}, async () => {
  for (const login of ["learner@demo.academy", "trainer@demo.academy"]) {
    const c = await signedIn(login);
    for (const path of ["/team", allLinks.get("李小雨")!]) {
      const res = await c.get(path);
      assert.equal(res.status, 403, `${login} ${path}`);
      await res.body?.cancel();
    }
  }
  const anon = client(server.origin);
  const res = await anon.get("/team");
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), "/login?next=%2Fteam");
});

Deno.test({ ...opts, name: "http: an admin sees every team" }, async () => {
  // Ten learners in onboarding, five who finished it (certificates) and the
  // eight agents of 第 8 期 (five months ago).
  assert.equal(allLinks.size, 23);
  const html = await (await admin.get("/team")).text();
  assert.match(html, /售前一组/);
  assert.match(html, /售后二组/);
});

Deno.test({
  ...opts,
  name:
    "http: a learner sees and exports their own record, without the password hash",
}, async () => {
  const learner = await signedIn("learner@demo.academy");
  const page = await learner.get("/me");
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /learner@demo\.academy/);
  assert.match(html, /13800000001/);
  const res = await learner.get("/me/export");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  assert.match(
    res.headers.get("content-disposition") ?? "",
    /^attachment; filename="service-academy-record-/,
  );
  assert.equal(res.headers.get("cache-control"), "no-store");
  const body = await res.json();
  assert.equal(body.user.email, "learner@demo.academy");
  assert.equal(body.user.name, "李小雨");
  assert.equal(body.memberships.length, 1);
  assert.equal("passwordHash" in body.user, false);
  assert.doesNotMatch(JSON.stringify(body), /pbkdf2/);
});

Deno.test({
  ...opts,
  name:
    "http: every bad password-form input is a 422 with a field message and changes nothing",
}, async () => {
  const learner = await signedIn("learner2@demo.academy");
  const cases: [string, Record<string, string>, string][] = [
    ["empty", { current: "", next: "", repeat: "" }, "请输入当前密码"],
    ["too long", {
      current: "x".repeat(129),
      next: "y".repeat(200),
      repeat: "y".repeat(200),
    }, "太长了"],
    [
      "too short",
      { current: DEMO_PASSWORD, next: "short", repeat: "short" },
      "新密码至少要 10 个字符",
    ],
    ["mismatch", {
      current: DEMO_PASSWORD,
      next: "a new passphrase",
      repeat: "another one!",
    }, "两次输入的新密码不一致"],
    ["wrong current", {
      current: "not the password",
      next: "a new passphrase",
      repeat: "a new passphrase",
    }, "当前密码不正确"],
    ["script payload", {
      current: SCRIPT,
      next: SCRIPT + SCRIPT,
      repeat: SCRIPT + SCRIPT,
    }, "当前密码不正确"],
  ];
  for (const [name, fields, message] of cases) {
    const res = await learner.postForm("/me/password", fields);
    assert.equal(res.status, 422, name);
    assert.match(res.headers.get("content-type") ?? "", /text\/html/, name);
    const html = await res.text();
    assert.ok(html.includes(message), `${name}: ${message}`);
    assert.match(html, /class="field-error" role="alert"/, name);
    assert.ok(!html.includes("<script>alert(1)"), `${name}: payload echoed`);
  }
  // Wrong type: a file where a password is expected.
  const form = new FormData();
  form.set("_csrf", learner.csrf);
  form.set("current", new File(["x"], "x.txt"));
  form.set("next", "a new passphrase");
  form.set("repeat", "a new passphrase");
  const file = await learner.get("/me/password", {
    method: "POST",
    body: form,
    headers: { origin: server.origin },
  });
  assert.equal(file.status, 422);
  await file.body?.cancel();
  // Nothing changed: the session still works and the old password still signs in.
  const still = await learner.get("/me");
  assert.equal(still.status, 200);
  await still.body?.cancel();
  const again = client(server.origin);
  assert.equal((await again.signIn("learner2@demo.academy")).status, 303);
});

Deno.test({
  ...opts,
  name: "http: changing the password ends other sessions and keeps this one",
}, async () => {
  const here = await signedIn("learner3@demo.academy");
  const elsewhere = await signedIn("learner3@demo.academy");
  const next = "a fresh passphrase 2026";
  const res = await here.postForm("/me/password", {
    current: DEMO_PASSWORD,
    next,
    repeat: next,
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), "/me?done=password");
  await res.body?.cancel();
  const page = await here.get("/me?done=password");
  assert.equal(page.status, 200);
  assert.match(await page.text(), /密码已修改/);
  const dead = await elsewhere.get("/me");
  assert.equal(dead.status, 303);
  await dead.body?.cancel();
  const old = client(server.origin);
  assert.equal((await old.signIn("learner3@demo.academy")).status, 401);
  const fresh = client(server.origin);
  assert.equal((await fresh.signIn("learner3@demo.academy", next)).status, 303);
  await server.stop();
});
