import assert from "node:assert/strict";
import type { Plan } from "@/lib/content/schema.ts";
import { emptyProgress } from "@/lib/evidence/progress_store.ts";
import { planStanding } from "./plan_standing.ts";

const at = new Date("2026-03-01T00:00:00Z");
const plan: Plan = {
  id: "p",
  title: "计划",
  course: "c",
  days: [
    {
      day: 1,
      items: [
        { kind: "lesson", ref: "l1" },
        { kind: "shadowing", title: "旁听", minutes: 60 },
      ],
    },
    { day: 2, items: [{ kind: "lesson", ref: "l2" }] },
    { day: 3, items: [{ kind: "quiz", ref: "basics" }] },
    { day: 4, rest: true },
    { day: 5, items: [{ kind: "scenario", ref: "s1" }] },
    { day: 6, items: [{ kind: "drill", ref: "d1" }] },
    { day: 9, items: [{ kind: "lesson", ref: "l3" }] },
  ],
};

function progress(done: {
  lessons?: string[];
  quizzes?: Record<string, boolean>;
  scenarios?: string[];
  drills?: string[];
}) {
  const p = emptyProgress("u1", "c", at);
  for (const l of done.lessons ?? []) p.lessons[l] = at;
  const best = { best: 80, latest: 80, count: 1, passed: true, lastAt: at };
  for (const [q, passed] of Object.entries(done.quizzes ?? {})) {
    p.quizzes[q] = { ...best, passed };
  }
  for (const s of done.scenarios ?? []) {
    p.scenarios[s] = { ...best, outcome: "resolved" };
  }
  for (const d of done.drills ?? []) p.drills[d] = best;
  return p;
}

Deno.test("planStanding() marks done, due today, overdue and upcoming items", () => {
  const s = planStanding(plan, 2, progress({ lessons: ["l1"] }));
  assert.deepEqual(
    s.items.map((i) => [i.ref ?? i.title, i.state]),
    [
      ["l1", "done"],
      ["旁听", "untracked"],
      ["l2", "due"],
      ["basics", "upcoming"],
      ["s1", "upcoming"],
      ["d1", "upcoming"],
      ["l3", "upcoming"],
    ],
  );
  assert.equal(s.done, 1);
  assert.equal(s.dueByToday, 2);
  assert.equal(s.overdue, 0);
  assert.equal(s.standing, "on-track");
});

Deno.test("planStanding() counts a quiz only once it is passed", () => {
  const failed = planStanding(
    plan,
    4,
    progress({ lessons: ["l1", "l2"], quizzes: { basics: false } }),
  );
  assert.equal(failed.overdue, 1);
  assert.equal(failed.standing, "behind");
  const passed = planStanding(
    plan,
    4,
    progress({ lessons: ["l1", "l2"], quizzes: { basics: true } }),
  );
  assert.equal(passed.overdue, 0);
  assert.equal(passed.standing, "on-track");
});

Deno.test("planStanding() is at risk with more than three overdue items", () => {
  const s = planStanding(plan, 7, progress({}));
  assert.equal(s.overdue, 5);
  assert.equal(s.standing, "at-risk");
});

Deno.test("planStanding() is at risk when one item is overdue longer than four days", () => {
  const s = planStanding(
    plan,
    10,
    progress({
      lessons: ["l2", "l3"],
      quizzes: { basics: true },
      scenarios: ["s1"],
      drills: ["d1"],
    }),
  );
  assert.equal(s.overdue, 1);
  assert.equal(s.oldestOverdueDays, 9);
  assert.equal(s.standing, "at-risk");
  const recent = planStanding(
    plan,
    7,
    progress({ lessons: ["l1", "l2"], quizzes: { basics: true } }),
  );
  assert.equal(recent.oldestOverdueDays, 2);
  assert.equal(recent.standing, "behind");
});

Deno.test("planStanding() never counts more done than due, and future items are not due yet", () => {
  // Day 1 of a second cohort, for a learner who did everything before.
  const all = progress({
    lessons: ["l1", "l2", "l3"],
    quizzes: { basics: true },
    scenarios: ["s1"],
    drills: ["d1"],
  });
  const s = planStanding(plan, 1, all);
  assert.equal(s.dueByToday, 1);
  assert.equal(s.done, 1);
  assert.equal(s.doneAhead, 5);
  assert.ok(s.done <= s.dueByToday);
  assert.equal(s.standing, "on-track");
  // An item the platform cannot record: upcoming before its day, "done
  // offline" (untracked) only once its day has come.
  const late = {
    ...plan,
    days: [...plan.days, {
      day: 30,
      items: [{ kind: "exam" as const, ref: "certification" }],
    }],
  };
  const day12 = planStanding(late, 12, all);
  assert.equal(
    day12.items.find((i) => i.ref === "certification")?.state,
    "upcoming",
  );
  assert.equal(day12.items.find((i) => i.title === "旁听")?.state, "untracked");
  assert.equal(
    planStanding(late, 30, all).items.find((i) => i.ref === "certification")
      ?.state,
    "untracked",
  );
});
