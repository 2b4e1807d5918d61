/**
 * The audit log an auditor would accept, over real HTTP: each privileged
 * action an admin (or the platform) takes appears by name, with actor and
 * subject by name; the log filters by actor, action and date, pages, and
 * exports as CSV that papaparse reads back with the same entries.
 */
import assert from "node:assert/strict";
import Papa from "papaparse";
import { startModuleServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startModuleServer();
const PASSWORD = "first day at work 2026";
const admin = client(server.origin);
await admin.signIn("admin@demo.academy");

async function html(res: Response, status: number): Promise<string> {
  const body = await res.text();
  assert.equal(res.status, status, body.slice(0, 400));
  assert.match(res.headers.get("content-type") ?? "", /text\/html/);
  return body;
}

/** Ids of accounts by login, from the users page. */
async function userId(login: string): Promise<string> {
  const body = await html(
    await admin.get(`/admin/users?q=${encodeURIComponent(login)}`),
    200,
  );
  const m = new RegExp(
    `href="/admin/users/([0-9A-Z]{26})">[^<]*</a></th><td class="user-login">${
      login.replace(".", "\\.")
    }<`,
  ).exec(body);
  assert.ok(m, `no id for ${login}`);
  return m[1];
}

/** The action labels in the table, top to bottom. */
function actions(page: string): string[] {
  return [...page.matchAll(/<\/td><td>([^<]+)<\/td><td><span class="meta">/g)]
    .map((m) => m[1]);
}

Deno.test({
  ...opts,
  name:
    "audit: every privileged action is recorded, with actor and subject by name",
}, async () => {
  // Team and cohort, ids proposed from their names.
  const team = await admin.postForm("/admin/teams", {
    action: "team",
    id: "",
    name: "审计测试组",
  });
  assert.equal(team.status, 303);
  await team.body?.cancel();
  const cohort = await admin.postForm("/admin/teams", {
    action: "cohort",
    teamId: "shen-ji-ce-shi-zu",
    id: "",
    name: "第 20 期",
    startDate: "2026-03-01",
  });
  assert.equal(cohort.status, 303);
  await cohort.body?.cancel();
  // An invitation, accepted; another, revoked; an import of two.
  const invited = await html(
    await admin.postForm("/invitations", {
      action: "invite",
      cohortId: "di-20-qi",
      role: "learner",
      name: "审计新人",
      email: "audit.new@example.com",
      phone: "",
    }),
    201,
  );
  const token = /\/invite\/([A-Za-z0-9_-]{43})</.exec(invited)![1];
  const invitee = client(server.origin);
  const accept = await html(await invitee.get(`/invite/${token}`), 200);
  invitee.csrf = /name="_csrf" value="([^"]+)"/.exec(accept)![1];
  const accepted = await invitee.postForm(`/invite/${token}`, {
    name: "审计新人",
    password: PASSWORD,
    repeat: PASSWORD,
  });
  assert.equal(accepted.status, 303);
  await accepted.body?.cancel();
  const second = await html(
    await admin.postForm("/invitations", {
      action: "invite",
      cohortId: "di-20-qi",
      role: "learner",
      name: "撤销对象",
      email: "audit.revoked@example.com",
      phone: "",
    }),
    201,
  );
  const invitationId = /id="invitation-([0-9A-Z]{26})"/.exec(
    await html(await admin.get("/invitations?cohort=di-20-qi"), 200),
  )?.[1] ?? /name="invitationId" value="([0-9A-Z]{26})"/.exec(second)?.[1];
  assert.ok(invitationId, "a pending invitation to revoke");
  const revoked = await admin.postForm("/invitations", {
    action: "revoke",
    invitationId,
    cohortId: "di-20-qi",
  });
  assert.equal(revoked.status, 303);
  await revoked.body?.cancel();
  const form = new FormData();
  form.set("_csrf", admin.csrf);
  form.set("cohortId", "di-20-qi");
  form.set(
    "file",
    new File(
      [
        "姓名,邮箱,手机号,团队,入职日期\r\n" +
        "导入甲,import.a@example.com,,审计测试组,2026-03-01\r\n" +
        "导入乙,import.b@example.com,,审计测试组,2026-03-01",
      ],
      "hires.csv",
      { type: "text/csv" },
    ),
  );
  const imported = await admin.get("/invitations/import", {
    method: "POST",
    body: form,
    headers: { origin: server.origin },
  });
  assert.ok(imported.status < 400, `import ${imported.status}`);
  await imported.body?.cancel();
  // The new learner made a mentor (confirming the membership ends), then
  // disabled and enabled again.
  const newcomer = await userId("audit.new@example.com");
  const role = await admin.postForm(`/admin/users/${newcomer}`, {
    action: "role",
    role: "mentor",
    endMemberships: "yes",
  });
  assert.equal(role.status, 303);
  await role.body?.cancel();
  for (const action of ["disable", "enable"]) {
    const r = await admin.postForm(`/admin/users/${newcomer}`, { action });
    assert.equal(r.status, 303, action);
    await r.body?.cancel();
  }
  // A burst of failed sign-ins locks the login.
  for (let i = 0; i < 5; i++) {
    const c = client(server.origin);
    const r = await c.signIn("learner3@demo.academy", "wrong password 1234");
    await r.body?.cancel();
  }

  const page = await html(await admin.get("/admin/audit"), 200);
  const shown = actions(page);
  for (
    const label of [
      "创建团队",
      "创建入职批次",
      "发出邀请",
      "接受邀请",
      "撤销邀请",
      "批量导入邀请",
      "修改角色",
      "学员移出批次",
      "停用账号",
      "恢复账号",
      "登录失败过多被锁定",
    ]
  ) assert.ok(shown.includes(label), `${label} in ${shown.join(",")}`);
  // Names, not ids: actor, subjects, and users named in a detail.
  assert.match(page, /<td>系统管理员<\/td>/);
  assert.match(page, /<td>系统<\/td>/);
  assert.match(page, /审计测试组/);
  assert.match(page, /href="\/admin\/cohorts\/di-20-qi">第 20 期<\/a>/);
  assert.match(page, /审计新人<\/a>/);
  assert.match(page, /用户：审计新人/);
  assert.match(page, /数量：2/);
  assert.match(page, /学员 → 导师/);
  assert.doesNotMatch(page, /userId/);
});

Deno.test({
  ...opts,
  name:
    "audit: the log filters by actor, action and date, and says when nothing matches",
}, async () => {
  const teams = await html(
    await admin.get("/admin/audit?action=team.created"),
    200,
  );
  assert.deepEqual([...new Set(actions(teams))], ["创建团队"]);
  assert.match(teams, /value="team.created" selected>/);
  const system = await html(await admin.get("/admin/audit?actor=system"), 200);
  assert.deepEqual([...new Set(actions(system))], ["登录失败过多被锁定"]);
  const adminId = await userId("admin@demo.academy");
  const mine = await html(
    await admin.get(`/admin/audit?actor=${adminId}`),
    200,
  );
  assert.ok(actions(mine).length >= 8);
  assert.ok(!actions(mine).includes("登录失败过多被锁定"));
  const past = await html(
    await admin.get("/admin/audit?from=2020-01-01&to=2020-01-31"),
    200,
  );
  assert.match(past, /没有符合筛选条件的记录/);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const now = await html(
    await admin.get(`/admin/audit?from=${today}&to=${today}`),
    200,
  );
  assert.ok(actions(now).length >= 11);
  const bad = await html(
    await admin.get("/admin/audit?from=2026-02-30&action=nope"),
    422,
  );
  assert.match(bad, /请输入有效日期/);
  assert.match(bad, /请从列表里选择操作类型/);
  const en = await html(
    await admin.get("/admin/audit?action=team.created", {
      headers: { "accept-language": "en" },
    }),
    200,
  );
  assert.match(en, /Team created/);
});

Deno.test({
  ...opts,
  name:
    "audit: the filtered log exports as CSV that parses, with ids and names",
}, async () => {
  const res = await admin.get("/admin/audit/export?action=invitation.created");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "text/csv; charset=utf-8");
  assert.match(
    res.headers.get("content-disposition") ?? "",
    /attachment; filename="audit-\d{4}-\d\d-\d\d\.csv"/,
  );
  const text = await res.text();
  const parsed = Papa.parse<Record<string, string>>(
    text.replace(/^\uFEFF/, ""),
    {
      header: true,
      skipEmptyLines: true,
    },
  );
  assert.deepEqual(parsed.errors, []);
  assert.equal(parsed.meta.fields?.[0], "id");
  assert.ok(parsed.data.length >= 2);
  for (const row of parsed.data) {
    assert.equal(row.action, "invitation.created");
    assert.equal(row.action_label, "发出邀请");
    assert.equal(row.actor_name, "系统管理员");
    assert.match(row.id, /^[0-9A-Z]{26}$/);
    assert.ok(!Number.isNaN(Date.parse(row.at_utc)));
    assert.equal(JSON.parse(row.detail_json).cohortId, "di-20-qi");
    assert.match(row.detail, /批次：第 20 期/);
  }
  // Every entry of the page is in the unfiltered export.
  const all = Papa.parse<Record<string, string>>(
    (await (await admin.get("/admin/audit/export")).text()).replace(
      /^\uFEFF/,
      "",
    ),
    { header: true, skipEmptyLines: true },
  );
  const page = await html(await admin.get("/admin/audit"), 200);
  assert.equal(
    all.data.length,
    [...page.matchAll(/<time datetime=/gi)].length,
  );
  // A bad filter exports nothing and says which field, in words.
  const bad = await admin.get("/admin/audit/export?action=made.up");
  assert.equal(bad.status, 422);
  assert.equal((await bad.text()).trim(), "请从列表里选择操作类型");
  const refused = await client(server.origin);
  await refused.signIn("manager@demo.academy");
  const r = await refused.get("/admin/audit/export");
  assert.equal(r.status, 403);
  await r.body?.cancel();
});
