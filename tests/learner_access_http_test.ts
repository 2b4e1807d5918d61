/**
 * One rule decides who may see a learner (lib/auth/record_access.ts): over
 * real HTTP with the demo data, the evaluator's agent record and the
 * dashboards' drill-down answer every staff member alike for every account
 * (200 for a learner they may see, 404 for anyone else, as for a missing
 * id; the agent record's CSV the same), and the trainer, whom the route policy keeps off the evaluator,
 * gets a refusal there whatever the learner.
 */
import assert from "node:assert/strict";
import { listUsersUpTo } from "@/lib/identity/accounts/user_store.ts";
import { startServer } from "./server.ts";
import { client } from "./session.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const server = await startServer();
addEventListener("unload", () => {
  try {
    server.process.kill("SIGKILL");
  } catch { /* already stopped */ }
});

async function signedIn(login: string) {
  const c = client(server.origin);
  const res = await c.signIn(login);
  assert.equal(res.status, 303, `sign-in of ${login}`);
  return c;
}

async function status(c: Awaited<ReturnType<typeof signedIn>>, path: string) {
  const res = await c.get(path);
  await res.body?.cancel();
  return res.status;
}

/** Every account of the demo (learners and staff), and an id of nobody. */
async function everyone(): Promise<{ id: string; name: string }[]> {
  const kv = await Deno.openKv(server.kvPath);
  try {
    const users = await listUsersUpTo(kv, 500);
    return [
      ...users.map((u) => ({ id: u.id, name: `${u.name} (${u.role})` })),
      { id: "01NOSUCHLEARNER000000000000", name: "nobody" },
    ];
  } finally {
    kv.close();
  }
}

Deno.test({
  ...opts,
  name:
    "http access: the evaluator page and the drill-down agree on who may see each learner",
}, async () => {
  const users = await everyone();
  assert.ok(users.length > 10, "the demo's accounts");
  // How many learners each staff member sees on both pages: their own
  // team's or mentees, every learner for the admin.
  const seen: Record<string, number> = {};
  for (
    const login of [
      "manager@demo.academy",
      "manager2@demo.academy",
      "mentor@demo.academy",
      "admin@demo.academy",
    ]
  ) {
    const c = await signedIn(login);
    seen[login] = 0;
    for (const u of users) {
      const evaluation = await status(c, `/evaluation/learners/${u.id}`);
      const drilldown = await status(c, `/dashboard/learners/${u.id}`);
      const csv = await status(
        c,
        `/evaluation/learners/${u.id}/export/reviews`,
      );
      assert.equal(evaluation, drilldown, `${login} on ${u.name}`);
      assert.equal(csv, evaluation, `${login} on ${u.name}'s CSV`);
      assert.ok([200, 404].includes(evaluation), `${login} on ${u.name}`);
      if (evaluation === 200) seen[login]++;
    }
  }
  const learners = users.filter((u) => u.name.endsWith("(learner)")).length;
  assert.equal(seen["admin@demo.academy"], learners, "an admin sees all");
  for (const login of ["manager@", "manager2@", "mentor@"]) {
    const n = seen[`${login}demo.academy`];
    assert.ok(n > 0 && n < learners, `${login}: ${n} of ${learners}`);
  }
  assert.equal(
    seen["manager@demo.academy"] + seen["manager2@demo.academy"],
    learners,
    "each learner is in exactly one of the two teams",
  );

  // The trainer sees the cohort they mentor on the drill-down only: the
  // evaluator is refused by role, for every account alike.
  const trainer = await signedIn("trainer@demo.academy");
  for (const u of users) {
    assert.equal(
      await status(trainer, `/evaluation/learners/${u.id}`),
      403,
      `trainer on ${u.name}`,
    );
  }
});
