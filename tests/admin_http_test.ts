/**
 * The admin's user pages, personal-data deletion and audit log over real
 * HTTP: role change and back, disable (sessions end, sign-in refused) and
 * enable, deleting a learner's personal data, the audit log listing it all;
 * refusals for other roles and anonymous visitors, an admin acting on their
 * own account, and bad input on every form (4xx with a field message,
 * nothing changed, never a 500, no raw script in any answer).
 */
import assert from "node:assert/strict";
import { startModuleServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startModuleServer();

const SCRIPT = "<script>alert(1)</script>";
const admin = client(server.origin);
await admin.signIn("admin@demo.academy");

/** Reads an HTML answer: status, then content type, then the body. */
async function html(res: Response, status: number): Promise<string> {
  const body = await res.text();
  assert.equal(res.status, status, body.slice(0, 500));
  assert.equal(res.headers.get("content-type"), "text/html; charset=utf-8");
  assert.ok(!body.includes("<script>alert(1)"), "raw script in the answer");
  return body;
}

/** Ids of the demo accounts by login, read from the users page. */
async function ids(): Promise<Map<string, string>> {
  const body = await html(await admin.get("/admin/users"), 200);
  const rows = body.matchAll(
    /href="\/admin\/users\/([0-9A-Z]{26})">[^<]*<\/a><\/th><td class="user-login">([^<]*)</g,
  );
  return new Map([...rows].map((m) => [m[2], m[1]]));
}
const ID = await ids();
const id = (login: string) => {
  const found = ID.get(login);
  assert.ok(found, `no id for ${login}`);
  return found;
};
const userPage = (login: string) => `/admin/users/${id(login)}`;

/** The user page as the admin sees it now. */
async function profile(login: string): Promise<string> {
  return await html(await admin.get(userPage(login)), 200);
}

/** The text inside the first field error on a page. */
function fieldError(body: string, id: string): string {
  const m = new RegExp(`<p id="${id}" class="field-error"[^>]*>([^<]*)<`)
    .exec(body);
  return m?.[1] ?? "";
}

Deno.test({
  ...opts,
  name: "admin users: the list shows name, login, role and status of everyone",
}, async () => {
  const body = await html(await admin.get("/admin/users"), 200);
  assert.match(
    body,
    /李小雨<\/a><\/th><td class="user-login">learner@demo\.academy/,
  );
  assert.match(body, /周主管/);
  assert.match(body, /<td>管理员<\/td>/);
  assert.match(body, /user-status-active">正常/);
  assert.equal(ID.size, 15);
});

Deno.test({
  ...opts,
  name: "admin audit: before any change the log shows what will appear there",
}, async () => {
  const body = await html(await admin.get("/admin/audit"), 200);
  assert.match(body, /class="empty-state"/);
  assert.match(body, /还没有操作记录/);
  assert.doesNotMatch(body, /<table/);
});

Deno.test({
  ...opts,
  name: "admin users: ?role= filters, and a bad role is a 422 with a message",
}, async () => {
  const managers = await html(
    await admin.get("/admin/users?role=manager"),
    200,
  );
  assert.match(managers, /周主管/);
  assert.match(managers, /吴主管/);
  assert.doesNotMatch(managers, /李小雨/);
  assert.match(managers, /<option {2}value="manager" selected>/);

  for (const role of ["boss", SCRIPT, "x".repeat(5000), "1"]) {
    const res = await admin.get(
      `/admin/users?role=${encodeURIComponent(role)}`,
    );
    const body = await html(res, 422);
    assert.match(fieldError(body, "role-error"), /没有这个角色/);
    assert.match(body, /李小雨/, "the unfiltered list is still shown");
  }
  const empty = await html(await admin.get("/admin/users?role="), 200);
  assert.match(empty, /李小雨/);

  const cursor = await html(await admin.get("/admin/users?cursor=!!"), 422);
  assert.match(cursor, /翻页链接已失效/);
  const stale = await html(await admin.get("/admin/users?cursor=abc"), 422);
  assert.match(stale, /翻页链接已失效/);
});

Deno.test({
  ...opts,
  name: "admin users: the profile shows logins, cohort and an empty audit list",
}, async () => {
  const body = await profile("learner@demo.academy");
  assert.match(body, /<h1>李小雨 的账号<\/h1>/);
  assert.match(body, /13800000001/);
  assert.match(body, /第 11 期新人营/);
  assert.match(body, /<option {2}value="learner" selected>/);
  assert.match(body, /还没有操作记录/);
  assert.match(body, /name="_csrf"/);

  const missing = await admin.get("/admin/users/01ARZ3NDEKTSV4RRFFQ69G5FAV");
  await html(missing, 404);
  await html(
    await admin.get(`/admin/users/${encodeURIComponent(SCRIPT)}`),
    404,
  );
  const post = await admin.postForm("/admin/users/nobody", {
    action: "enable",
  });
  await html(post, 404);
  await html(await admin.get("/admin/users/nobody/delete"), 404);
});

Deno.test({
  ...opts,
  name: "admin users: an admin changes a learner's role and back, both audited",
}, async () => {
  const path = userPage("learner2@demo.academy");
  // Still in a cohort: leaving the learner role needs the admin to confirm
  // that the membership ends (issue 22); unconfirmed, nothing changes.
  const unconfirmed = await admin.postForm(path, {
    action: "role",
    role: "trainer",
  });
  const refused = await html(unconfirmed, 409);
  assert.match(refused, /请勾选确认结束其批次学员身份/);
  assert.match(refused, /<dt>角色<\/dt><dd>学员<\/dd>/);
  const up = await admin.postForm(path, {
    action: "role",
    role: "trainer",
    endMemberships: "yes",
  });
  assert.equal(up.status, 303);
  assert.equal(up.headers.get("location"), `${path}?done=role`);
  await up.body?.cancel();
  const after = await html(await admin.get(`${path}?done=role`), 200);
  assert.match(after, /class="notice" role="status">角色已修改/);
  assert.match(after, /<dt>角色<\/dt><dd>培训师<\/dd>/);
  assert.match(after, /修改角色<\/td><td>学员 → 培训师/);
  // The membership ended in the same change, audited on the cohort.
  assert.match(after, /<dt>入职批次<\/dt><dd>没有加入入职批次<\/dd>/);
  const log = await html(await admin.get("/admin/audit"), 200);
  assert.match(log, /学员移出批次/);
  assert.match(log, /角色改为非学员，学员身份随之结束/);

  const back = await admin.postForm(path, { action: "role", role: "learner" });
  assert.equal(back.status, 303);
  await back.body?.cancel();
  const again = await profile("learner2@demo.academy");
  assert.match(again, /<dt>角色<\/dt><dd>学员<\/dd>/);
  assert.match(again, /培训师 → 学员/);
});

Deno.test({
  ...opts,
  name:
    "admin users: disabling ends the user's session and stops sign-in; enabling lets them back",
}, async () => {
  const login = "learner3@demo.academy";
  const learner = client(server.origin);
  await learner.signIn(login);
  const before = await learner.get("/me");
  assert.equal(before.status, 200);
  await before.body?.cancel();

  const path = userPage(login);
  const off = await admin.postForm(path, { action: "disable" });
  assert.equal(off.status, 303);
  assert.equal(off.headers.get("location"), `${path}?done=disable`);
  await off.body?.cancel();
  const page = await html(await admin.get(`${path}?done=disable`), 200);
  assert.match(page, /账号已停用/);
  assert.match(page, /user-status-disabled">已停用/);
  assert.match(page, /name="action" value="enable"/);

  const stale = await learner.get("/me");
  assert.equal(stale.status, 303);
  assert.equal(stale.headers.get("location"), "/login?next=%2Fme");
  await stale.body?.cancel();
  const refused = await client(server.origin).signIn(login);
  assert.equal(refused.status, 401);

  const on = await admin.postForm(path, { action: "enable" });
  assert.equal(on.status, 303);
  assert.equal(on.headers.get("location"), `${path}?done=enable`);
  await on.body?.cancel();
  const back = client(server.origin);
  const signedIn = await back.signIn(login);
  assert.equal(signedIn.status, 303);
  const me = await back.get("/me");
  assert.equal(me.status, 200);
  await me.body?.cancel();
  assert.match(await profile(login), /恢复账号<\/td>/);
});

Deno.test({
  ...opts,
  name:
    "admin users: every bad input on the user form is a 422 with a field message",
}, async () => {
  const login = "learner4@demo.academy";
  const path = userPage(login);
  const cases: [Record<string, string>, string, RegExp][] = [
    [{}, "action-error", /无法识别这个操作/],
    [{ action: "" }, "action-error", /无法识别这个操作/],
    [{ action: "delete" }, "action-error", /无法识别这个操作/],
    [{ action: SCRIPT }, "action-error", /无法识别这个操作/],
    [{ action: "x".repeat(10_000) }, "action-error", /无法识别这个操作/],
    [{ action: "role" }, "role-error", /请从列表中选择一个角色/],
    [{ action: "role", role: "" }, "role-error", /请从列表中选择一个角色/],
    [{ action: "role", role: "boss" }, "role-error", /请从列表中选择一个角色/],
    [{ action: "role", role: SCRIPT }, "role-error", /请从列表中选择一个角色/],
    [
      { action: "role", role: "admin".repeat(1000) },
      "role-error",
      /请从列表中选择一个角色/,
    ],
  ];
  for (const [fields, errorId, message] of cases) {
    const body = await html(await admin.postForm(path, fields), 422);
    assert.match(fieldError(body, errorId), message, JSON.stringify(fields));
  }
  // A body that is not a form at all reads as an empty form.
  const json = await admin.postJson(path, { action: "role", role: "admin" });
  assert.match(fieldError(await html(json, 422), "action-error"), /无法识别/);
  // A file where text belongs.
  const form = new FormData();
  form.set("_csrf", admin.csrf);
  form.set("action", new File(["role"], "a.txt"));
  const file = await admin.get(path, {
    method: "POST",
    body: form,
    headers: { origin: server.origin },
  });
  assert.match(fieldError(await html(file, 422), "action-error"), /无法识别/);

  const after = await profile(login);
  assert.match(after, /<dt>角色<\/dt><dd>学员<\/dd>/);
  assert.match(after, /user-status-active">正常/);
  assert.match(after, /还没有操作记录/, "nothing was audited");
});

Deno.test({
  ...opts,
  name:
    "admin users: an admin cannot demote, disable or delete themself, and is told why",
}, async () => {
  const path = userPage("admin@demo.academy");
  const own = await html(await admin.get(path), 200);
  assert.match(own, /这是你自己的账号/);
  assert.doesNotMatch(own, /name="action"/);

  const demote = await admin.postForm(path, {
    action: "role",
    role: "learner",
  });
  assert.match(await html(demote, 403), /role="alert">不能修改自己的角色/);
  const disable = await admin.postForm(path, { action: "disable" });
  assert.match(
    await html(disable, 403),
    /role="alert">不能停用或恢复自己的账号/,
  );

  const deletePage = await html(await admin.get(`${path}/delete`), 200);
  assert.match(deletePage, /不能删除自己的个人信息/);
  assert.doesNotMatch(deletePage, /name="confirm"/);
  const erase = await admin.postForm(`${path}/delete`, {
    confirm: "admin@demo.academy",
  });
  assert.match(await html(erase, 403), /role="alert">不能删除自己的个人信息/);

  // Still an active admin, nothing audited.
  const after = await html(await admin.get(path), 200);
  assert.match(after, /<dt>角色<\/dt><dd>管理员<\/dd>/);
  assert.match(after, /user-status-active">正常/);
  assert.match(after, /还没有操作记录/);
});

Deno.test({
  ...opts,
  name:
    "admin users: deleting personal data needs the login typed; bad input changes nothing",
}, async () => {
  const login = "learner5@demo.academy";
  const path = `${userPage(login)}/delete`;
  const page = await html(await admin.get(path), 200);
  assert.match(page, /删除「刘洋」的个人信息/);
  assert.match(page, /learner5@demo\.academy/);
  assert.match(page, /姓名/);
  assert.match(page, /密码/);
  assert.match(page, /所有登录/);
  assert.match(page, /学习记录和成绩/);
  assert.match(page, /<label for="confirm">/);

  const cases: [Record<string, string>, RegExp][] = [
    [{}, /请输入登录账号以确认/],
    [{ confirm: "" }, /请输入登录账号以确认/],
    [{ confirm: "   " }, /请输入登录账号以确认/],
    [{ confirm: "learner4@demo.academy" }, /不一致/],
    [{ confirm: "刘洋" }, /不一致/],
    [{ confirm: SCRIPT }, /不一致/],
    [{ confirm: "x".repeat(5000) }, /输入太长了/],
  ];
  for (const [fields, message] of cases) {
    const body = await html(await admin.postForm(path, fields), 422);
    assert.match(fieldError(body, "confirm-error"), message);
  }
  const json = await admin.postJson(path, { confirm: login });
  assert.match(fieldError(await html(json, 422), "confirm-error"), /请输入/);
  // The script payload is shown back escaped, never raw.
  const shown = await html(
    await admin.postForm(path, { confirm: SCRIPT }),
    422,
  );
  assert.match(shown, /value="&lt;script>alert\(1\)&lt;\/script>"/);

  const still = await profile(login);
  assert.match(still, /<h1>刘洋 的账号<\/h1>/);
  assert.match(still, /learner5@demo\.academy/);
  const learner = client(server.origin);
  assert.equal((await learner.signIn(login)).status, 303);
});

Deno.test({
  ...opts,
  name:
    "admin users: deleting a learner's personal data anonymises the profile and ends sign-in",
}, async () => {
  const login = "learner5@demo.academy";
  const learner = client(server.origin);
  await learner.signIn(login);
  const path = userPage(login);
  // Any spelling of the login counts (case, spaces).
  const res = await admin.postForm(`${path}/delete`, {
    confirm: " Learner5@Demo.Academy ",
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), "/admin/users?done=deleted");
  await res.body?.cancel();

  const list = await html(await admin.get("/admin/users?done=deleted"), 200);
  assert.match(list, /class="notice" role="status">个人信息已删除/);
  assert.doesNotMatch(list, /learner5@demo\.academy|刘洋/);
  assert.match(list, /（已匿名）<\/a>/);

  const body = await profile(login);
  assert.match(body, /<h1>已匿名的账号<\/h1>/);
  assert.match(body, /user-status-anonymised">已删除个人信息/);
  assert.doesNotMatch(body, /learner5@demo\.academy|刘洋/);
  assert.doesNotMatch(body, /name="action"/);
  assert.match(body, /删除个人信息<\/td><td>角色：学员/);

  const me = await learner.get("/me");
  assert.equal(me.status, 303);
  await me.body?.cancel();
  assert.equal((await client(server.origin).signIn(login)).status, 401);

  const again = await html(await admin.get(`${path}/delete`), 200);
  assert.match(again, /个人信息已经删除/);
  const twice = await admin.postForm(`${path}/delete`, { confirm: login });
  assert.match(await html(twice, 409), /个人信息已经删除/);
  const enable = await admin.postForm(path, { action: "enable" });
  assert.match(await html(enable, 409), /不能再恢复或修改/);
});

Deno.test({
  ...opts,
  name:
    "admin audit: the log lists role changes, disabling and the deletion, newest first",
}, async () => {
  const body = await html(await admin.get("/admin/audit"), 200);
  const actions = [...body.matchAll(
    /<\/td><td>(修改角色|停用账号|恢复账号|删除个人信息)<\/td>/g,
  )].map((m) => m[1]);
  assert.deepEqual(actions, [
    "删除个人信息",
    "恢复账号",
    "停用账号",
    "修改角色",
    "修改角色",
  ]);
  assert.match(body, /<td>系统管理员<\/td>/);
  assert.match(body, /学员 → 培训师/);
  assert.match(body, /张一鸣<\/a>/);
  // The deleted learner is shown by id: the log never holds names.
  assert.match(
    body,
    new RegExp(`<code class="audit-id">${id("learner5@demo.academy")}`),
  );
  assert.match(body, /<time dateTime="\d{4}-\d\d-\d\dT/i);
  assert.match(body, /\d{4}年\d{1,2}月\d{1,2}日/);

  const en = await html(
    await admin.get("/admin/audit", { headers: { "accept-language": "en" } }),
    200,
  );
  assert.match(en, /Personal data deleted/);
  assert.match(en, /Learner → Trainer/);
  assert.match(en, /[A-Z][a-z]{2} \d{1,2}, \d{4}/);

  const bad = await html(await admin.get(`/admin/audit?cursor=${SCRIPT}`), 422);
  assert.match(bad, /翻页链接已失效/);
  assert.match(bad, /删除个人信息/);
});

Deno.test({
  ...opts,
  name:
    "admin users: managers, trainers and learners are refused; anonymous users sign in first",
}, async () => {
  const target = userPage("learner2@demo.academy");
  const paths = ["/admin/users", target, `${target}/delete`, "/admin/audit"];
  for (
    const login of [
      "manager@demo.academy",
      "trainer@demo.academy",
      "learner@demo.academy",
    ]
  ) {
    const other = client(server.origin);
    await other.signIn(login);
    for (const path of paths) {
      await html(await other.get(path), 403);
    }
    const post = await other.postForm(target, {
      action: "role",
      role: "admin",
    });
    await html(post, 403);
    const erase = await other.postForm(`${target}/delete`, {
      confirm: "learner2@demo.academy",
    });
    await html(erase, 403);
  }
  const anon = client(server.origin);
  for (const path of paths) {
    const res = await anon.get(path);
    assert.equal(res.status, 303);
    assert.equal(
      res.headers.get("location"),
      `/login?next=${encodeURIComponent(path)}`,
    );
    await res.body?.cancel();
  }
  const post = await anon.postForm(target, { action: "disable" });
  assert.ok([401, 403].includes(post.status), `status ${post.status}`);
  await post.body?.cancel();
  // Nothing changed for the target.
  const after = await profile("learner2@demo.academy");
  assert.match(after, /<dt>角色<\/dt><dd>学员<\/dd>/);
  assert.match(after, /user-status-active">正常/);
  await server.stop();
});
