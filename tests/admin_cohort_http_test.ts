/**
 * The admin's cohort page over real HTTP: the roster, adding an existing
 * learner and removing one (audited; the learner's record stays), refusals
 * for other roles, and every bad input a 4xx with a message that changes
 * nothing.
 */
import assert from "node:assert/strict";
import { startModuleServer } from "./server.ts";
import { type Client, client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startModuleServer();

const admin = client(server.origin);
await admin.signIn("admin@demo.academy");
const PAGE = "/admin/cohorts/cohort-a";

async function html(res: Response, status: number, what: string) {
  const body = await res.text();
  assert.equal(res.status, status, `${what}: ${body.slice(0, 300)}`);
  assert.match(res.headers.get("content-type") ?? "", /text\/html/, what);
  return body;
}

/** The members' user ids in the roster table (their links). */
function members(page: string): string[] {
  return [...page.matchAll(/name="userId" value="([^"]+)"/g)].map((m) => m[1]);
}

/** The learners offered in the add form. */
function candidates(page: string): string[] {
  const select = /<select id="member-userId"[^>]*>(.*?)<\/select>/s.exec(page);
  return [...(select?.[1] ?? "").matchAll(/value="([^"]+)"/g)].map((m) => m[1]);
}

function post(c: Client, fields: Record<string, string | Blob>, path = PAGE) {
  const body = new FormData();
  body.set("_csrf", c.csrf);
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return c.get(path, {
    method: "POST",
    body,
    headers: { origin: server.origin },
  });
}

Deno.test({
  ...opts,
  name: "admin cohort: the roster lists members; the teams page links to it",
}, async () => {
  const teams = await html(await admin.get("/admin/teams"), 200, "teams");
  assert.match(teams, /href="\/admin\/cohorts\/cohort-a"/);
  const page = await html(await admin.get(PAGE), 200, "roster");
  assert.match(page, /售前一组/);
  assert.ok(members(page).length >= 5, "the demo cohort has its learners");
  const other = await html(
    await admin.get("/admin/cohorts/cohort-b"),
    200,
    "other",
  );
  assert.ok(candidates(page).length > 0, "learners of cohort b can be added");
  for (const id of members(other)) {
    assert.ok(candidates(page).includes(id), `${id} is offered`);
  }
  const missing = await admin.get("/admin/cohorts/no-such-cohort");
  assert.equal(missing.status, 404);
  await missing.body?.cancel();
});

Deno.test({
  ...opts,
  name:
    "admin cohort: an admin adds a learner, then removes them after confirming; both are audited",
}, async () => {
  const before = await html(await admin.get(PAGE), 200, "before");
  const [learner] = candidates(before);
  const added = await post(admin, { action: "add", userId: learner });
  assert.equal(added.status, 303);
  assert.equal(added.headers.get("location"), `${PAGE}?done=added`);
  await added.body?.cancel();
  const after = await html(await admin.get(`${PAGE}?done=added`), 200, "after");
  assert.match(after, /已把学员加入这个批次/);
  assert.ok(members(after).includes(learner));
  assert.ok(!candidates(after).includes(learner));
  // Removing sits behind a confirmation (a closed <details>).
  assert.match(after, /<details class="confirm"><summary>移出批次<\/summary>/);
  const removed = await post(admin, { action: "remove", userId: learner });
  assert.equal(removed.status, 303);
  assert.equal(removed.headers.get("location"), `${PAGE}?done=removed`);
  await removed.body?.cancel();
  const end = await html(await admin.get(PAGE), 200, "end");
  assert.deepEqual(members(end).sort(), members(before).sort());
  const audit = await html(await admin.get("/admin/audit"), 200, "audit");
  assert.match(audit, /学员加入批次/);
  assert.match(audit, /学员移出批次/);
});

Deno.test({
  ...opts,
  name:
    "admin cohort: bad input (empty, too long, wrong type, script, unknown or staff user, twice) is a 4xx with a message and changes nothing",
}, async () => {
  const before = members(await html(await admin.get(PAGE), 200, "before"));
  const [member] = before;
  const staff = /name="mentorId"[^>]*>.*?value="([^"]+)"/s.exec(
    await html(await admin.get("/admin/teams"), 200, "teams"),
  );
  const cases: [string, Record<string, string | Blob>, number, RegExp][] = [
    ["empty", { action: "add", userId: "" }, 422, /请选择一位学员/],
    ["missing", { action: "add" }, 422, /请选择一位学员/],
    [
      "too long",
      { action: "add", userId: "x".repeat(65) },
      422,
      /学员选择有误/,
    ],
    [
      "wrong type",
      { action: "add", userId: new File(["x"], "x.txt") },
      422,
      /请选择一位学员|学员选择有误/,
    ],
    [
      "script",
      { action: "add", userId: "<script>alert(1)</script>" },
      422,
      /学员选择有误/,
    ],
    [
      "unknown user",
      { action: "add", userId: "NOSUCHUSER" },
      422,
      /不是在职学员/,
    ],
    [
      "staff",
      { action: "add", userId: staff?.[1] ?? "x" },
      422,
      /不是在职学员/,
    ],
    ["already in", { action: "add", userId: member }, 409, /已经在这个批次里/],
    ["not in", { action: "remove", userId: "NOSUCHUSER" }, 409, /已经不在/],
    ["bad action", { action: "delete-all", userId: member }, 422, /无法识别/],
  ];
  for (const [what, fields, status, message] of cases) {
    const page = await html(await post(admin, fields), status, what);
    assert.match(page, message, what);
    assert.doesNotMatch(page, /<script>alert\(1\)/, `${what}: escaped`);
  }
  const after = members(await html(await admin.get(PAGE), 200, "after"));
  assert.deepEqual(after.sort(), before.sort());
});

Deno.test({
  ...opts,
  name: "admin cohort: managers and learners may not open or change it",
}, async () => {
  const before = members(await html(await admin.get(PAGE), 200, "before"));
  for (const login of ["manager@demo.academy", "learner@demo.academy"]) {
    const c = client(server.origin);
    await c.signIn(login);
    const view = await c.get(PAGE);
    assert.equal(view.status, 403, `${login} view`);
    await view.body?.cancel();
    const change = await post(c, { action: "remove", userId: before[0] });
    assert.equal(change.status, 403, `${login} change`);
    await change.body?.cancel();
  }
  const after = members(await html(await admin.get(PAGE), 200, "after"));
  assert.deepEqual(after.sort(), before.sort());
});

Deno.test({
  ...opts,
  name: "admin cohort: the server logged no unexpected error; stop it",
}, async () => {
  assert.doesNotMatch(server.output(), /TypeError|ReferenceError|Uncaught/);
  await server.stop();
});
