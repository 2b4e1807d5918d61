/**
 * The cohort membership rule and the role-change rule over real HTTP, on
 * the demo data (cohort-a on day 12, cohort-b on day 27): a learner of the
 * older cohort added to the newer one has a standing per membership and
 * never more done than due; a learner made trainer leaves their cohort
 * (after the admin confirms), so no "at risk" trainer stays on the team
 * page.
 */
import assert from "node:assert/strict";
import { startServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startServer();
addEventListener("unload", () => {
  try {
    server.process.kill("SIGKILL");
  } catch { /* already stopped */ }
});
const admin = client(server.origin);
await admin.signIn("admin@demo.academy");

async function html(res: Response, status = 200): Promise<string> {
  const body = await res.text();
  assert.equal(res.status, status, body.slice(0, 300));
  return body;
}

/** Every "done X / due Y" cell of the team page, with the learner's name. */
function planCells(
  page: string,
): { name: string; done: number; due: number }[] {
  return [...page.matchAll(
    /href="\/team\/learners\/[^"]+"[^>]*>([^<]+)<[\s\S]*?完成 (\d+) \/ (\d+)/g,
  )].map((m) => ({ name: m[1], done: Number(m[2]), due: Number(m[3]) }));
}

Deno.test({
  ...opts,
  name:
    "two cohorts: standing is per membership and never shows more done than due",
}, async () => {
  // A learner of cohort-b (day 27) is added to cohort-a (day 12).
  const roster = await html(await admin.get("/admin/cohorts/cohort-a"));
  const select = /<select id="member-userId"[^>]*>(.*?)<\/select>/s.exec(
    roster,
  );
  const candidate = /value="([0-9A-Z]{26})"/.exec(select?.[1] ?? "")?.[1];
  assert.ok(candidate, "a learner of cohort-b is offered");
  const add = await admin.postForm("/admin/cohorts/cohort-a", {
    action: "add",
    userId: candidate,
  });
  assert.equal(add.status, 303);
  await add.body?.cancel();
  const team = await html(await admin.get("/team"));
  const cells = planCells(team);
  assert.ok(cells.length >= 11, `cells: ${cells.length}`);
  for (const c of cells) {
    assert.ok(c.done <= c.due, `${c.name}: ${c.done} of ${c.due}`);
  }
});

Deno.test({
  ...opts,
  name:
    "role change: a learner made trainer leaves the cohort after confirming, and the team page no longer lists them",
}, async () => {
  const team = await html(await admin.get("/team"));
  const m = /href="\/team\/learners\/([0-9A-Z]{26})"[^>]*>([^<]+)</.exec(team);
  assert.ok(m);
  const [, id, name] = m;
  const refused = await html(
    await admin.postForm(`/admin/users/${id}`, {
      action: "role",
      role: "trainer",
    }),
    409,
  );
  assert.match(refused, /请勾选确认结束其批次学员身份/);
  assert.ok((await html(await admin.get("/team"))).includes(`>${name}<`));
  const done = await admin.postForm(`/admin/users/${id}`, {
    action: "role",
    role: "trainer",
    endMemberships: "yes",
  });
  assert.equal(done.status, 303);
  await done.body?.cancel();
  const after = await html(await admin.get("/team"));
  assert.ok(!after.includes(`/team/learners/${id}"`), `${name} left the table`);
  const audit = await html(
    await admin.get("/admin/audit?action=cohort.member_removed"),
  );
  assert.match(audit, new RegExp(`用户：${name}`));
  assert.match(audit, /角色改为非学员，学员身份随之结束/);
});
