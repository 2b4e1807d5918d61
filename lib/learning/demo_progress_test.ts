import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { importContent } from "@/lib/authoring/course_import.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";
import { listLearnerStatements } from "@/lib/evidence/statement_store.ts";
import { getCohort } from "@/lib/identity/teams/cohort_store.ts";
import { seedDemo } from "@/lib/identity/demo/demo_seed.ts";
import { FAST } from "@/lib/identity/accounts/testing.ts";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";
import { listAttempts } from "@/lib/quiz/attempt_store.ts";
import { listRuns } from "@/lib/scenario/run_store.ts";
import { seedDemoProgress } from "./demo_progress.ts";
import { type TeamProgress, teamProgress } from "./team_progress.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** An afternoon in Beijing, so the day-12 cohort could have done today's quiz. */
const NOW = new Date("2026-05-12T15:30:00+08:00");
const COURSE = "onboarding";

const kv = await Deno.openKv(":memory:");
const status = await importContent(kv, NOW, ROOT);
assert.deepEqual(status.heldBack, []);
await seedDemo(kv, NOW, { iterations: FAST });
const started = performance.now();
await seedDemoProgress(kv, COURSE, NOW);
const seedMs = performance.now() - started;
const admin = (await findUserByLogin(kv, "admin@demo.academy"))!;
const teams = await teamProgress(kv, { id: admin.id, role: "admin" }, NOW);

async function learnerId(login: string): Promise<string> {
  return (await findUserByLogin(kv, login))!.id;
}

function cohort(teams: TeamProgress[], id: string) {
  const c = teams.flatMap((t) => t.cohorts).find((c) => c.id === id);
  assert.ok(c, `cohort ${id}`);
  return c;
}

/** Every key with its versionstamp: equal snapshots mean nothing was written. */
async function snapshot(): Promise<string[]> {
  return await Array.fromAsync(
    kv.list({ prefix: [] }),
    (e) => `${JSON.stringify(e.key)}@${e.versionstamp}`,
  );
}

Deno.test("seedDemoProgress() gives each cohort learners on track, behind and at risk", () => {
  console.log(`seeded demo progress in ${Math.round(seedMs)} ms`);
  const expected = {
    "cohort-a": {
      day: 12,
      standings: {
        "李小雨": "on-track",
        "王晨": "on-track",
        "张一鸣": "behind",
        "陈思思": "behind",
        "刘洋": "at-risk",
      },
    },
    "cohort-b": {
      day: 27,
      standings: {
        "赵敏": "on-track",
        "孙浩然": "on-track",
        "周静怡": "behind",
        "黄子涵": "behind",
        "杨帆": "at-risk",
      },
    },
  };
  for (const [id, want] of Object.entries(expected)) {
    const c = cohort(teams, id);
    assert.equal(c.day, want.day);
    assert.deepEqual(c.counts, { "on-track": 2, behind: 2, "at-risk": 1 });
    assert.deepEqual(
      Object.fromEntries(c.members.map((m) => [m.name, m.standing.standing])),
      want.standings,
    );
    for (const m of c.members) {
      assert.ok(m.lessonsDone > 0, `${m.name} has lessons`);
      assert.ok(m.lastActiveAt, `${m.name} was active`);
      const { overdue } = m.standing;
      if (m.standing.standing === "behind") {
        assert.ok(overdue >= 1 && overdue <= 3, `${m.name}: ${overdue}`);
      }
    }
  }
});

Deno.test("seedDemoProgress() has every cohort-b learner pass a quiz and play scenarios", async () => {
  const outcomes = new Set<string>();
  for (const m of cohort(teams, "cohort-b").members) {
    assert.ok(m.quizzesPassed >= 1, `${m.name} passed a quiz`);
    const p = await getProgress(kv, m.id, COURSE, NOW);
    assert.ok(Object.keys(p.scenarios).length >= 1, `${m.name} played`);
    assert.ok(Object.keys(p.drills).length >= 1, `${m.name} drilled`);
    for (const s of Object.values(p.scenarios)) outcomes.add(s.outcome);
  }
  assert.deepEqual([...outcomes].toSorted(), ["escalated", "lost", "resolved"]);
  // The at-risk learner lost a conversation, then played it again.
  const runs = await listRuns(
    kv,
    await learnerId("learner10@demo.academy"),
    COURSE,
    "double-charge",
  );
  assert.equal(runs.length, 2);
  assert.ok(runs.every((r) => r.finishedAt));
});

Deno.test("seedDemoProgress() grades quizzes for real: first-time passes and a fail before a pass", async () => {
  const first = await listAttempts(
    kv,
    await learnerId("learner6@demo.academy"),
    COURSE,
    "basics",
  );
  assert.deepEqual(
    first.map((a) => [a.status, a.result?.percent, a.result?.passed]),
    [["submitted", 100, true]],
  );
  // Newest first: failed at 60%, then passed at 90% after the cool-down.
  const retried = await listAttempts(
    kv,
    await learnerId("learner2@demo.academy"),
    COURSE,
    "basics",
  );
  assert.deepEqual(
    retried.map((a) => [a.result?.percent, a.result?.passed]),
    [[90, true], [60, false]],
  );
  assert.equal(retried[0].questionIds.length, 10);
});

Deno.test("seedDemoProgress() plays scenarios with replies the rubric really passes or fails", async () => {
  const id = await learnerId("learner7@demo.academy");
  const [second, first] = await listRuns(kv, id, COURSE, "malicious-return");
  assert.equal(first.state.turns[0].late !== undefined, true, "a slow start");
  assert.ok(first.finishedAt && second.finishedAt);
  assert.ok(
    (second.percent ?? 0) > (first.percent ?? 0),
    "better the 2nd time",
  );
  const weak = (await listRuns(kv, id, COURSE, "social-storm"))[0];
  const replies = weak.state.turns.filter((t) => t.kind === "reply");
  assert.ok(replies.length > 0);
  assert.equal(replies[0].reply?.passed, false, "the first, weak reply fails");
  assert.ok(
    replies.slice(1).every((t) => t.reply?.passed),
    "model replies after it pass",
  );
  assert.ok(weak.finishedAt);
  const good = (await listRuns(kv, id, COURSE, "account-lock"))[0];
  const goodReplies = good.state.turns.filter((t) => t.kind === "reply");
  assert.ok(goodReplies.length > 0);
  assert.ok(goodReplies.every((t) => t.reply?.passed), "model replies pass");
});

Deno.test("seedDemoProgress() dates everything on plan days in the past", async () => {
  for (const login of ["learner@demo.academy", "learner10@demo.academy"]) {
    const id = await learnerId(login);
    const c = (await getCohort(
      kv,
      login === "learner@demo.academy" ? "cohort-a" : "cohort-b",
    ))!;
    const start = Date.parse(`${c.startDate}T00:00:00+08:00`);
    const statements = await listLearnerStatements(kv, id, 500);
    assert.ok(statements.length > 10);
    for (const s of statements) {
      const at = Date.parse(s.timestamp);
      assert.ok(at >= start && at <= NOW.getTime(), `${login}: ${s.timestamp}`);
    }
  }
});

Deno.test("seedDemoProgress() and seedDemo() a second time change nothing", async () => {
  const before = await snapshot();
  const later = new Date(NOW.getTime() + 3600_000);
  await seedDemo(kv, later, { iterations: FAST });
  await seedDemoProgress(kv, COURSE, later);
  assert.deepEqual(await snapshot(), before);
  // A run cut short (no marker) leaves learners who have progress alone.
  await kv.delete(["demo_seeds", "progress"]);
  await seedDemoProgress(kv, COURSE, later);
  const after = (await snapshot()).filter((k) => !k.includes('"progress"]@'));
  assert.deepEqual(
    after,
    before.filter((k) => !k.includes('"progress"]@')),
  );
  kv.close();
});
