import assert from "node:assert/strict";
import { learnerSkillCells, poolSkills } from "./skill_mastery.ts";

const content = {
  skillsOfActivity: {
    "modules/m1/quiz": ["policy", "empathy"],
    "scenarios/s1": ["empathy"],
    "drills/d1": ["speed"],
  },
  skillTitles: { empathy: "共情", policy: "政策", speed: "速度" },
};

Deno.test("learnerSkillCells(): every attempt counts toward each skill of its activity", () => {
  const cells = learnerSkillCells([
    // Two quiz attempts (mean 80) and one scenario run (50).
    { path: "modules/m1/quiz", n: 2, mean: 80 },
    { path: "scenarios/s1", n: 1, mean: 50 },
    // An exam trains no tagged skill; an unknown path counts for nothing.
    { path: "exams/final", n: 1, mean: 100 },
    { path: "drills/gone", n: 3, mean: 100 },
  ], content);
  assert.deepEqual(cells.toSorted((a, b) => a.skill.localeCompare(b.skill)), [
    { skill: "empathy", title: "共情", n: 3, mean: 70 },
    { skill: "policy", title: "政策", n: 2, mean: 80 },
  ]);
});

Deno.test("learnerSkillCells(): an activity without a scored attempt is left out", () => {
  assert.deepEqual(
    learnerSkillCells([{ path: "drills/d1", n: 0, mean: null }], content),
    [],
  );
});

Deno.test("poolSkills(): cells are weighted by attempts, weakest first", () => {
  const pooled = poolSkills([
    [{ skill: "empathy", title: "共情", n: 1, mean: 40 }],
    [
      // Three attempts at 80 outweigh one at 40: (40 + 240) / 4 = 70,
      // not the unweighted (40 + 80) / 2 = 60.
      { skill: "empathy", title: "共情", n: 3, mean: 80 },
      { skill: "speed", title: "速度", n: 2, mean: 65.55 },
      { skill: "policy", title: "政策", n: 0, mean: null },
    ],
  ]);
  assert.deepEqual(pooled, [
    { skill: "speed", title: "速度", percent: 65.6, n: 2 },
    { skill: "empathy", title: "共情", percent: 70, n: 4 },
  ]);
});

Deno.test("poolSkills(): nothing scored is an empty list", () => {
  assert.deepEqual(poolSkills([]), []);
  assert.deepEqual(poolSkills([[]]), []);
});
