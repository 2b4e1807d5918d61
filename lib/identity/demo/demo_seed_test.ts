import assert from "node:assert/strict";
import { canManagerSeeLearner } from "@/lib/identity/teams/access.ts";
import {
  dayOfPlan,
  getCohort,
  listMembers,
} from "@/lib/identity/teams/cohort_store.ts";
import { DEMO_PASSWORD, seedDemo, shouldSeedDemo } from "./demo_seed.ts";
import { signIn } from "@/lib/identity/accounts/sign_in.ts";
import { FAST, NOW } from "@/lib/identity/accounts/testing.ts";
import {
  findUserByLogin,
  listUsers,
} from "@/lib/identity/accounts/user_store.ts";

Deno.test("seedDemo() creates every role, two teams, cohorts on day 12 and 27, once", async () => {
  using kv = await Deno.openKv(":memory:");
  const logins = await seedDemo(kv, NOW, { iterations: FAST });
  assert.deepEqual([...new Set(logins.map((l) => l.role))].sort(), [
    "admin",
    "learner",
    "manager",
    "mentor",
    "trainer",
  ]);
  const a = (await getCohort(kv, "cohort-a"))!;
  const b = (await getCohort(kv, "cohort-b"))!;
  assert.equal(dayOfPlan(a.startDate, NOW), 12);
  assert.equal(dayOfPlan(b.startDate, NOW), 27);
  assert.equal((await listMembers(kv, "cohort-a")).length, 5);
  assert.equal((await listMembers(kv, "cohort-b")).length, 5);
  assert.ok(a.mentorId && b.mentorId && a.mentorId !== b.mentorId);
  const m1 = (await findUserByLogin(kv, "manager@demo.academy"))!;
  const learnerA = (await findUserByLogin(kv, "learner@demo.academy"))!;
  const learnerB = (await findUserByLogin(kv, "learner6@demo.academy"))!;
  assert.equal(await canManagerSeeLearner(kv, m1.id, learnerA.id), true);
  assert.equal(await canManagerSeeLearner(kv, m1.id, learnerB.id), false);
  for (const l of [...logins.map((l) => l.login), "13800000001"]) {
    const r = await signIn(
      kv,
      { login: l, password: DEMO_PASSWORD, address: "seed-test" },
      NOW,
      { iterations: FAST },
    );
    assert.ok(r.ok, l);
  }
  const count = (await listUsers(kv, 100)).users.length;
  assert.deepEqual(await seedDemo(kv, NOW, { iterations: FAST }), logins);
  assert.equal(
    (await listUsers(kv, 100)).users.length,
    count,
    "second run adds nothing",
  );
});

Deno.test("shouldSeedDemo() is false when SA_PRODUCTION is set", () => {
  const env = (vars: Record<string, string>) => ({
    get: (k: string) => vars[k],
  });
  assert.equal(shouldSeedDemo(env({})), true);
  assert.equal(shouldSeedDemo(env({ SA_PRODUCTION: "1" })), false);
});
