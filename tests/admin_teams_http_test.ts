/**
 * The admin's teams and cohorts page over real HTTP: create a team and a
 * cohort, refusals for other roles, and every bad input a 422 with a field
 * message that changes nothing.
 */
import assert from "node:assert/strict";
import { startModuleServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startModuleServer();

const admin = client(server.origin);
await admin.signIn("admin@demo.academy");

async function page(): Promise<string> {
  const res = await admin.get("/admin/teams");
  assert.equal(res.status, 200);
  return await res.text();
}

/** The id of a manager checkbox on the team form. */
function managerIds(html: string): string[] {
  return [...html.matchAll(/name="managerIds" value="([^"]+)"/g)].map((m) =>
    m[1]
  );
}

Deno.test({
  ...opts,
  name: "admin teams: the page lists the demo teams with their cohorts",
}, async () => {
  const res = await admin.get("/admin/teams");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /text\/html/);
  const html = await res.text();
  assert.match(html, /售前一组/);
  assert.match(html, /售后二组/);
  assert.match(html, /主管：周主管/);
  assert.equal(managerIds(html).length, 2);
});

Deno.test({
  ...opts,
  name:
    "admin teams: an admin creates a team with a manager, then a cohort in it",
}, async () => {
  const [managerId] = managerIds(await page());
  const team = await admin.get("/admin/teams", {
    method: "POST",
    body: new URLSearchParams([
      ["_csrf", admin.csrf],
      ["action", "team"],
      ["id", "vip"],
      ["name", "VIP 服务组"],
      ["managerIds", managerId],
    ]),
    headers: {
      origin: server.origin,
      "content-type": "application/x-www-form-urlencoded",
    },
  });
  assert.equal(team.status, 303);
  assert.equal(team.headers.get("location"), "/admin/teams?done=team");
  await team.body?.cancel();
  const cohort = await admin.postForm("/admin/teams", {
    action: "cohort",
    teamId: "vip",
    id: "vip-1",
    name: "VIP 第 1 期",
    startDate: "2026-12-01",
    mentorId: "",
  });
  assert.equal(cohort.status, 303);
  await cohort.body?.cancel();
  const html = await page();
  assert.match(html, /VIP 服务组/);
  assert.match(html, /VIP 第 1 期/);
  assert.match(html, /2026-12-01/);
  const again = await admin.postForm("/admin/teams", {
    action: "team",
    id: "vip",
    name: "重复",
  });
  assert.equal(again.status, 422);
  assert.match(await again.text(), /这个团队编号已经有了/);
});

Deno.test({
  ...opts,
  name:
    "admin teams: other roles get 403, anonymous visitors are sent to sign in",
}, async () => {
  for (
    const login of [
      "manager@demo.academy",
      "trainer@demo.academy",
      "learner@demo.academy",
    ]
  ) {
    const c = client(server.origin);
    await c.signIn(login);
    const res = await c.get("/admin/teams");
    assert.equal(res.status, 403, login);
    await res.body?.cancel();
    const post = await c.postForm("/admin/teams", {
      action: "team",
      id: "x",
      name: "x",
    });
    assert.equal(post.status, 403, login);
    await post.body?.cancel();
  }
  const anon = client(server.origin);
  const res = await anon.get("/admin/teams");
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), "/login?next=%2Fadmin%2Fteams");
});

Deno.test({
  ...opts,
  name:
    "admin teams: every bad input is a 422 with a field message and changes nothing",
}, async () => {
  const before = await page();
  const SCRIPT = "<script>alert(1)</script>";
  const cases: [string, Record<string, string>, string][] = [
    ["empty team", { action: "team", id: "", name: "" }, "请填写编号"],
    [
      "long id",
      { action: "team", id: "a".repeat(41), name: "n" },
      "编号只能用字母",
    ],
    [
      "long name",
      { action: "team", id: "t1", name: "名".repeat(51) },
      "名称太长了",
    ],
    ["script id", { action: "team", id: SCRIPT, name: "n" }, "编号只能用字母"],
    ["unknown manager", {
      action: "team",
      id: "t2",
      name: "n",
      managerIds: "nobody",
    }, "请选择主管账号"],
    ["bad action", { action: "drop-all" }, "无法识别这个操作"],
    ["no date", {
      action: "cohort",
      teamId: "team-presale",
      id: "c1",
      name: "n",
      startDate: "",
    }, "请填写真实存在的日期"],
    ["impossible date", {
      action: "cohort",
      teamId: "team-presale",
      id: "c1",
      name: "n",
      startDate: "2026-02-30",
    }, "请填写真实存在的日期"],
    ["unknown team", {
      action: "cohort",
      teamId: "nope",
      id: "c1",
      name: "n",
      startDate: "2026-03-01",
    }, "这个团队不存在"],
    ["learner as mentor", {
      action: "cohort",
      teamId: "team-presale",
      id: "c1",
      name: "n",
      startDate: "2026-03-01",
      mentorId: "x".repeat(26),
    }, "带教老师必须是在职的员工账号"],
    ["unknown time zone", {
      action: "cohort",
      teamId: "team-presale",
      id: "c1",
      name: "n",
      startDate: "2026-03-01",
      timeZone: "Mars/Olympus",
    }, "时区不正确"],
    ["script time zone", {
      action: "cohort",
      teamId: "team-presale",
      id: "c1",
      name: "n",
      startDate: "2026-03-01",
      timeZone: SCRIPT,
    }, "时区不正确"],
    ["control chars", {
      action: "cohort",
      teamId: "team-presale",
      id: "c1",
      name: "a\nb",
      startDate: "2026-03-01",
    }, "名称里不能有换行"],
  ];
  for (const [name, fields, message] of cases) {
    const res = await admin.postForm("/admin/teams", fields);
    assert.equal(res.status, 422, name);
    assert.match(res.headers.get("content-type") ?? "", /text\/html/, name);
    const html = await res.text();
    assert.ok(html.includes(message), `${name}: ${message}`);
    assert.ok(
      !html.includes("<script>alert(1)"),
      `${name}: payload echoed raw`,
    );
  }
  // A script payload in a name is stored as text and shown escaped.
  const ok = await admin.postForm("/admin/teams", {
    action: "team",
    id: "xss",
    name: SCRIPT,
  });
  assert.equal(ok.status, 303);
  await ok.body?.cancel();
  const after = await page();
  assert.ok(!after.includes("<script>alert(1)"));
  assert.match(after, /&lt;script(&gt;|>)alert\(1\)/);
  // Wrong type: a file where the id belongs.
  const form = new FormData();
  form.set("_csrf", admin.csrf);
  form.set("action", "team");
  form.set("id", new File(["x"], "x.txt"));
  form.set("name", "n");
  const file = await admin.get("/admin/teams", {
    method: "POST",
    body: form,
    headers: { origin: server.origin },
  });
  assert.equal(file.status, 422);
  await file.body?.cancel();
  // Nothing else was created.
  const teamsBefore = before.match(/<article/g)?.length ?? 0;
  const teamsAfter = after.match(/<article/g)?.length ?? 0;
  assert.equal(
    teamsAfter,
    teamsBefore + 1,
    "only the escaped-name team was added",
  );
  await server.stop();
});
