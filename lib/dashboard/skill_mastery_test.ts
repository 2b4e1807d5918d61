import assert from "node:assert/strict";
import type { PublishedCourse } from "@/lib/content/published.ts";
import { groupMastery, learnerMastery } from "./skill_mastery.ts";

// Only the fields the module reads.
const course = {
  course: {
    skills: [
      { id: "empathy", title: "共情" },
      { id: "policy", title: "政策" },
      { id: "speed", title: "速度" },
    ],
  },
  modules: [{
    module: { id: "m1" },
    lessons: [
      { lesson: { skills: ["policy"] } },
      { lesson: { skills: ["policy", "empathy"] } },
    ],
  }],
  scenarios: [{ id: "s1", skills: ["empathy"] }],
  drills: [{ id: "d1", skills: ["speed"] }],
} as unknown as PublishedCourse;

const best = (b: number) => ({
  best: b,
  latest: b,
  count: 1,
  passed: true,
  lastAt: new Date(0),
});

Deno.test("learnerMastery(): a skill is the mean best of its tagged activities, weakest first", () => {
  const m = learnerMastery(course, {
    quizzes: { m1: best(90) },
    scenarios: { s1: { ...best(50), outcome: "resolved" as const } },
    drills: {},
  });
  assert.deepEqual(m, [
    { skill: "empathy", title: "共情", percent: 70, n: 2 },
    { skill: "policy", title: "政策", percent: 90, n: 1 },
  ]);
});

Deno.test("learnerMastery(): untouched skills and unknown activities are left out", () => {
  const m = learnerMastery(course, {
    quizzes: {},
    scenarios: {},
    drills: { d1: best(40), gone: best(100) },
  });
  assert.deepEqual(m, [{ skill: "speed", title: "速度", percent: 40, n: 1 }]);
});

Deno.test("groupMastery(): the mean over learners who have the skill", () => {
  const g = groupMastery(course, [
    [{ skill: "empathy", title: "共情", percent: 70, n: 2 }],
    [
      { skill: "empathy", title: "共情", percent: 40, n: 1 },
      { skill: "speed", title: "速度", percent: 90, n: 1 },
    ],
  ]);
  assert.deepEqual(g, [
    { skill: "empathy", title: "共情", percent: 55, n: 2 },
    { skill: "speed", title: "速度", percent: 90, n: 1 },
  ]);
});
