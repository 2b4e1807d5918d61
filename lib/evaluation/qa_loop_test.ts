import assert from "node:assert/strict";
import type { Observation } from "@/lib/content/schema.ts";
import { makeUser } from "@/lib/identity/accounts/testing.ts";
import {
  addMembership,
  createCohort,
} from "@/lib/identity/teams/cohort_store.ts";
import { createTeam } from "@/lib/identity/teams/team_store.ts";
import { recordObservation } from "@/lib/onboarding/observation_store.ts";
import { type EvaluationContent, NO_CONTENT } from "./content_map.ts";
import { listLoops, setLoopN } from "./qa_loop.ts";
import { cohortSummary } from "./summary.ts";

const card: Observation = {
  id: "qa-scorecard",
  title: "质检",
  passPercent: 80,
  critical: [{ id: "privacy", category: "privacy", text: "泄露信息" }],
  sections: [{
    id: "s",
    title: "流程",
    items: [
      { id: "opening", text: "开场", points: 5 },
      { id: "paraphrase", text: "复述", points: 5 },
      { id: "closing", text: "结束", points: 5 },
    ],
  }],
};
const content: EvaluationContent = {
  ...NO_CONTENT,
  courseId: "onboarding",
  criterionSkills: { opening: ["service-flow"] },
  practiceOfSkill: {
    "service-flow": ["scenarios/late-parcel", "drills/drill-presale-greeting"],
  },
};
const START = "2026-11-02";
const at = (day: number) =>
  new Date(Date.parse(`${START}T02:00:00Z`) + (day - 1) * 86_400_000);

Deno.test("QA loop: three misses of a criterion assign its drill; a later review that meets it shows the movement", async () => {
  using kv = await Deno.openKv(":memory:");
  await createTeam(kv, { id: "t1", name: "售前一组" }, at(1));
  await createCohort(kv, {
    id: "c1",
    name: "十一月",
    teamId: "t1",
    startDate: START,
  }, at(1));
  const agent = await makeUser(kv, "learner", "agent@example.com");
  const op = kv.atomic();
  addMembership(op, {
    cohortId: "c1",
    teamId: "t1",
    userId: agent.id,
    joinedAt: at(1),
  });
  assert.ok((await op.commit()).ok);
  const review = (day: number, met: string[], breached: string[] = []) =>
    recordObservation(kv, {
      card,
      learnerId: agent.id,
      by: "qa",
      met,
      breached,
      note: "",
      notes: { opening: "没有用标准开场白" },
      content,
    }, at(day));

  // Two misses of "opening" (and "closing", which maps to no practice).
  assert.deepEqual((await review(20, ["paraphrase"])).assigned, []);
  assert.deepEqual((await review(25, ["paraphrase"])).assigned, []);
  assert.deepEqual(await listLoops(kv, agent.id), []);
  // The third miss assigns the drill (drills first) and the scenario.
  const third = await review(30, ["paraphrase", "closing"], ["privacy"]);
  assert.equal(third.checkpoint, "d30");
  assert.equal(third.passed, false);
  assert.deepEqual(third.notes, { opening: "没有用标准开场白" });
  assert.deepEqual(third.assigned.map((a) => [a.criterionId, a.practice]), [
    ["opening", ["drills/drill-presale-greeting", "scenarios/late-parcel"]],
  ]);
  let loops = await listLoops(kv, agent.id);
  assert.equal(loops.length, 1);
  assert.equal(loops[0].movement, "waiting");
  // A fourth miss neither assigns again nor counts as movement.
  assert.deepEqual((await review(35, ["paraphrase"])).assigned, []);
  loops = await listLoops(kv, agent.id);
  assert.deepEqual([
    loops[0].reviewedSince,
    loops[0].metSince,
    loops[0].movement,
  ], [1, 0, "not-yet"]);
  // Then a review at day 60 that meets it: the loop shows it moved.
  const pass = await review(60, ["opening", "paraphrase", "closing"]);
  assert.equal(pass.checkpoint, "d60");
  assert.equal(pass.passed, true);
  loops = await listLoops(kv, agent.id);
  assert.deepEqual([
    loops[0].reviewedSince,
    loops[0].metSince,
    loops[0].movement,
  ], [2, 1, "moved"]);

  // The reviews feed level 3: critical fails apart from coaching points.
  const s = (await cohortSummary(kv, "c1", content))!;
  assert.equal(s.level3.qa.d30.n, 4);
  assert.equal(s.level3.qa.d30.criticalFailRate, 0.25);
  assert.equal(s.level3.qa.d60.passRate, 1);
  assert.deepEqual(s.level3.critical, { privacy: 1 });
  assert.deepEqual(
    s.level3.criteria.find((c) => c.id === "opening"),
    { id: "opening", n: 5, missed: 4, missRate: 0.8 },
  );
});

Deno.test("QA loop: the trainer's N changes when practice is assigned", async () => {
  using kv = await Deno.openKv(":memory:");
  const agent = await makeUser(kv, "learner", "agent@example.com");
  await setLoopN(kv, 1);
  const r = await recordObservation(kv, {
    card,
    learnerId: agent.id,
    by: "qa",
    met: ["paraphrase", "closing"],
    breached: [],
    note: "",
    content,
  }, at(5));
  assert.equal(r.checkpoint, "other", "no cohort: no checkpoint day");
  assert.deepEqual(r.assigned.map((a) => a.criterionId), ["opening"]);
  await assert.rejects(() => setLoopN(kv, 0));
});
