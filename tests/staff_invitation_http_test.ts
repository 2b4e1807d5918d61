/**
 * Staff accounts by invitation, over real HTTP: an admin invites a trainer
 * (no cohort), the link stays on the list (copyable, in the CSV download)
 * until used, accepting creates a trainer who lands on the trainer's home,
 * the invitation is audited; managers cannot invite staff; a staff
 * invitation can be revoked.
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
const manager = client(server.origin);
await manager.signIn("manager@demo.academy");

async function html(res: Response, status: number): Promise<string> {
  const body = await res.text();
  assert.equal(res.status, status, body.slice(0, 400));
  assert.match(res.headers.get("content-type") ?? "", /text\/html/);
  return body;
}

function inviteStaff(
  c: typeof admin,
  fields: Record<string, string>,
): Promise<Response> {
  return c.postForm("/invitations", {
    action: "invite-staff",
    email: "",
    phone: "",
    ...fields,
  });
}

Deno.test({
  ...opts,
  name:
    "staff invitation: the admin's page offers every staff role; a manager's does not",
}, async () => {
  const page = await html(await admin.get("/invitations"), 200);
  for (const role of ["mentor", "trainer", "manager", "admin"]) {
    assert.match(page, new RegExp(`<option\\s+value="${role}"`), role);
  }
  assert.match(page, /邀请员工/);
  const mine = await html(await manager.get("/invitations"), 200);
  assert.doesNotMatch(mine, /邀请员工/);
  // And the store refuses a manager who posts the staff form anyway.
  const res = await inviteStaff(manager, {
    role: "admin",
    name: "越权管理员",
    email: "not.allowed@example.com",
  });
  assert.match(await html(res, 403), /你的角色不能做这个操作/);
});

Deno.test({
  ...opts,
  name:
    "staff invitation: accepted, it creates a trainer (no cohort) who lands on the trainer's home",
}, async () => {
  const issued = await html(
    await inviteStaff(admin, {
      role: "trainer",
      name: "新培训师",
      email: "new.trainer@example.com",
    }),
    201,
  );
  const token = /\/invite\/([A-Za-z0-9_-]{43})</.exec(issued)![1];
  assert.match(issued, /培训师/);
  // Shown again on the list, copyable, and in the CSV download.
  const list = await html(await admin.get("/invitations"), 200);
  assert.match(list, new RegExp(`value="[^"]*/invite/${token}"`));
  assert.match(list, /员工：培训师/);
  const csv = await admin.get("/invitations/links");
  assert.equal(csv.status, 200);
  assert.equal(csv.headers.get("content-type"), "text/csv; charset=utf-8");
  const rows = Papa.parse<Record<string, string>>(
    (await csv.text()).replace(/^\uFEFF/, ""),
    { header: true, skipEmptyLines: true },
  );
  assert.deepEqual(rows.errors, []);
  const row = rows.data.find((r) => r.name === "新培训师");
  assert.ok(row, "the invitation is in the CSV");
  assert.equal(row.role, "培训师");
  assert.ok(row.link.endsWith(`/invite/${token}`));

  const invitee = client(server.origin);
  const open = await html(await invitee.get(`/invite/${token}`), 200);
  assert.match(open, /开通培训师账号/);
  invitee.csrf = /name="_csrf" value="([^"]+)"/.exec(open)![1];
  const accepted = await invitee.postForm(`/invite/${token}`, {
    name: "新培训师",
    password: PASSWORD,
    repeat: PASSWORD,
  });
  assert.equal(accepted.status, 303);
  await accepted.body?.cancel();
  const home = await html(await invitee.get("/"), 200);
  assert.match(home, /id="trainer-heading"/);
  // The account has the role and no cohort; the link left the list.
  const users = await html(await admin.get("/admin/users?role=trainer"), 200);
  const id = /href="\/admin\/users\/([0-9A-Z]{26})">新培训师</.exec(users)?.[1];
  assert.ok(id, "listed among trainers");
  const profile = await html(await admin.get(`/admin/users/${id}`), 200);
  assert.match(profile, /<dt>角色<\/dt><dd>培训师<\/dd>/);
  assert.match(profile, /没有加入入职批次/);
  assert.doesNotMatch(
    await html(await admin.get("/invitations"), 200),
    new RegExp(token),
  );
  const audit = await html(
    await admin.get("/admin/audit?action=invitation.created"),
    200,
  );
  assert.match(audit, /角色：培训师/);
});

Deno.test({
  ...opts,
  name:
    "staff invitation: bad input names every field; a staff invitation can be revoked",
}, async () => {
  const bad = await html(
    await inviteStaff(admin, { role: "learner", name: "" }),
    422,
  );
  assert.match(bad, /请选择导师、培训师、主管或管理员/);
  assert.match(bad, /请填写/);
  assert.match(bad, /请至少填写邮箱或手机号中的一项/);
  await html(
    await inviteStaff(admin, {
      role: "mentor",
      name: "待撤销导师",
      email: "revoke.mentor@example.com",
    }),
    201,
  );
  const list = await html(await admin.get("/invitations"), 200);
  const id = new RegExp(
    `id="invitation-([0-9A-Z]{26})"><th scope="row">待撤销导师<`,
  ).exec(list)?.[1];
  assert.ok(id);
  const revoked = await admin.postForm("/invitations", {
    action: "revoke",
    invitationId: id,
    cohortId: "",
  });
  assert.equal(revoked.status, 303);
  await revoked.body?.cancel();
  assert.doesNotMatch(
    await html(await admin.get("/invitations"), 200),
    /待撤销导师/,
  );
});
