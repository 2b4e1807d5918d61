import assert from "node:assert/strict";
import type { Statement } from "@/lib/evidence/statement.ts";
import {
  type EvaluationContent,
  NO_CONTENT,
} from "@/lib/evaluation/content_map.ts";
import { cohortSummary } from "@/lib/evaluation/summary.ts";
import {
  driverStatement,
  scoreStatement,
  surveyStatement,
} from "@/lib/evaluation/testing.ts";
import {
  day,
  frtExample,
  qaExample,
  reactionSurvey,
  twoCohorts,
  writeStatements,
} from "@/lib/evaluation/fixtures.ts";
import type { Cohort } from "@/lib/identity/teams/cohort_store.ts";
import { kirkpatrickPanel } from "./kirkpatrick.ts";

const content: EvaluationContent = {
  ...NO_CONTENT,
  courseId: "onboarding",
  preExam: "pretest",
  postExam: "posttest",
  skillsOfActivity: { "modules/basics/quiz": ["empathy"] },
  skillTitles: { empathy: "共情与情绪" },
  modules: [{ id: "basics", title: "基础", skills: ["empathy"] }],
  surveys: [reactionSurvey([
    { id: "clear", type: "likert", prompt: "清楚" },
    { id: "useful", type: "likert", prompt: "有用" },
    { id: "nps", type: "nps", prompt: "推荐" },
  ])],
};

/**
 * Team t1: "c1" (November 2026, trained, 6 agents) and "c2" (February 2027,
 * not yet trained over c1's window, 6 agents).
 */
async function seed(kv: Deno.Kv): Promise<Cohort[]> {
  const cohorts = await twoCohorts(kv, 6);
  const s: Statement[] = [];
  // Level 1: five answers in c1 (shown), three in c2 (below n 5).
  const clear = [5, 4, 4, 3, 2];
  const useful = [5, 5, 4, 4, 2];
  const nps = [10, 9, 6, 8, 3];
  for (let i = 0; i < 5; i++) {
    s.push(surveyStatement(
      `c1-u${i}`,
      "c1",
      "reaction-basics",
      { clear: clear[i], useful: useful[i], nps: nps[i] },
      null,
      day("2026-11-10"),
      "basics",
    ));
  }
  for (let i = 0; i < 3; i++) {
    s.push(surveyStatement(
      `c2-u${i}`,
      "c2",
      "reaction-basics",
      { clear: 1, useful: 1, nps: 0 },
      null,
      day("2027-02-10"),
      "basics",
    ));
  }
  // Level 2: pre 40 -> post 70 (g 0.5), pre 60 -> post 70 (g 0.25).
  for (
    const [u, pre, post] of [["c1-u0", 40, 70], ["c1-u1", 60, 70]] as const
  ) {
    s.push(
      scoreStatement(u, "c1", "exams/pretest", "exam", pre, day("2026-11-02")),
      scoreStatement(
        u,
        "c1",
        "exams/posttest",
        "exam",
        post,
        day("2026-11-30"),
      ),
    );
  }
  s.push(
    scoreStatement(
      "c1-u2",
      "c1",
      "modules/basics/quiz",
      "basics",
      90,
      day("2026-11-05"),
    ),
  );
  // Level 3: QA at d30 (70, 90 with a red line) and d90 (85).
  s.push(
    ...qaExample(),
    driverStatement("c1-u0", "c1", "t1", "coaching", day("2026-12-02")),
  );
  // Level 4: the FRT example of docs/evaluation.md (estimate -8 s).
  s.push(...frtExample());
  await writeStatements(kv, s);
  return cohorts;
}

Deno.test("kirkpatrickPanel(): every figure is the evaluator's cohortSummary figure", async () => {
  using kv = await Deno.openKv(":memory:");
  const cohorts = await seed(kv);
  // Given newest first, as the dashboard selects them; shown oldest first.
  const panel = await kirkpatrickPanel(kv, [...cohorts].reverse(), { content });
  assert.deepEqual(panel.cohorts.map((c) => c.cohortId), ["c1", "c2"]);
  for (const c of panel.cohorts) {
    const s = (await cohortSummary(kv, c.cohortId, content))!;
    assert.equal(c.members, s.cohort.members);
    // Level 1, survey by survey.
    const sv = s.level1.surveys[0];
    assert.deepEqual(
      c.reaction.surveys.map((x) => [x.respondents, x.shown, x.nps]),
      [[sv.respondents, sv.shown, sv.nps]],
    );
    assert.equal(c.reaction.surveys[0].responseRate, sv.responseRate);
    // Level 2.
    assert.equal(c.learning.pre, s.level2.gain.pre);
    assert.equal(c.learning.post, s.level2.gain.post);
    assert.equal(c.learning.gain, s.level2.gain.mean);
    assert.equal(c.learning.gainN, s.level2.gain.n);
    assert.deepEqual(c.learning.skills, s.level2.skills);
    // Level 3.
    for (const q of c.behaviour.qa) {
      const x = s.level3.qa[q.checkpoint];
      assert.equal(q.n, x.n);
      assert.equal(q.mean, x.score.mean);
      assert.deepEqual(q.interval, x.score.interval);
      assert.equal(q.criticalFailRate, x.criticalFailRate);
      assert.equal(q.passRate, x.passRate);
    }
    assert.equal(c.behaviour.qa.length, Object.keys(s.level3.qa).length);
    assert.equal(c.behaviour.attainmentBefore, s.level3.kpi.attainmentBefore);
    assert.equal(c.behaviour.attainmentAfter, s.level3.kpi.attainmentAfter);
    assert.equal(c.behaviour.behaviourScore, s.level3.behaviourScore);
    // Level 4.
    for (const d of c.results.did) {
      const x = s.level4.did[d.metric];
      assert.equal(d.estimate, x.estimate);
      assert.deepEqual(d.interval, x.interval);
      assert.deepEqual(d.n, x.n);
      assert.equal(d.claimed, x.claimed);
    }
    assert.deepEqual(
      c.results.did.map((d) => d.metric),
      ["frt", "csat", "fcr"],
    );
    assert.deepEqual(panel.teams[0].series, s.level4.series);
    assert.deepEqual(panel.teams[0].cohortStarts, s.level4.cohortStarts);
  }
});

Deno.test("kirkpatrickPanel(): hand-computed figures, minimum n and the comparison", async () => {
  using kv = await Deno.openKv(":memory:");
  const cohorts = await seed(kv);
  const panel = await kirkpatrickPanel(kv, cohorts, { content });
  const [c1, c2] = panel.cohorts;
  // clear 3.6 and useful 4 -> 3.8; NPS 2 promoters, 2 detractors of 5 -> 0;
  // 5 of 6 members answered.
  assert.equal(c1.reaction.likert, 3.8);
  assert.equal(c1.reaction.nps, 0);
  assert.equal(c1.reaction.responseRate, 5 / 6);
  assert.equal(c1.reaction.waiting, null);
  // c2: three answers of all 1s are below n 5: no figure, and why.
  assert.equal(c2.reaction.likert, null);
  assert.equal(c2.reaction.nps, null);
  assert.equal(c2.reaction.responseRate, null);
  assert.deepEqual(c2.reaction.waiting, { respondents: 3, minN: 5 });
  assert.equal(c2.reaction.surveys[0].likert, null);
  // Gains 0.5 and 0.25.
  assert.equal(c1.learning.gain, 0.375);
  assert.equal(c1.learning.pre, 50);
  assert.equal(c1.learning.post, 70);
  // Scores pooled: 40, 60, 70, 70, 90 -> 66.
  assert.equal(c1.learning.score, 66);
  assert.equal(c1.learning.scoreN, 5);
  // QA: d30 mean 80, one of two with a red line; d90 85.
  assert.deepEqual(
    c1.behaviour.qa.map((q) => [q.checkpoint, q.mean, q.criticalFailRate]),
    [["d30", 80, 0.5], ["d90", 85, 0]],
  );
  assert.equal(c1.behaviour.drivers, 1);
  // DiD on FRT: (30 - 40) - (38 - 40) = -8 s, claimed, interval [-12.58, -3.42].
  const frt = c1.results.did.find((d) => d.metric === "frt")!;
  assert.equal(frt.claimed, true);
  assert.equal(Math.round(frt.estimate! * 100) / 100, -8);
  assert.equal(Math.round(frt.interval!.low * 100) / 100, -12.58);
  assert.equal(Math.round(frt.interval!.high * 100) / 100, -3.42);
  assert.deepEqual(frt.controlCohorts, ["c2"]);
  // CSAT: no value for the not-yet-trained agents: nothing claimed.
  const csat = c1.results.did.find((d) => d.metric === "csat")!;
  assert.equal(csat.claimed, false);
  assert.equal(csat.estimate, null);
  assert.equal(csat.n.controlBefore, 0);
  // c2 has no later cohort to compare with.
  assert.deepEqual(c2.results.did[0].controlCohorts, []);
  assert.equal(c2.results.did[0].claimed, false);
  // One team: its months with both start dates.
  assert.equal(panel.teams.length, 1);
  assert.deepEqual(
    panel.teams[0].series.map((m) => [m.month, m.kpi.frt?.mean ?? null]),
    [["2026-10", 40], ["2026-12", 34], ["2027-01", null]],
  );
  assert.deepEqual(
    panel.teams[0].cohortStarts.map((x) => x.startDate),
    ["2026-11-01", "2027-02-01"],
  );
});

Deno.test("kirkpatrickPanel(): an unknown cohort is left out; none gives an empty panel", async () => {
  using kv = await Deno.openKv(":memory:");
  const [c1] = await seed(kv);
  const ghost = { ...c1, id: "ghost" };
  const panel = await kirkpatrickPanel(kv, [ghost, c1], { content });
  assert.deepEqual(panel.cohorts.map((c) => c.cohortId), ["c1"]);
  assert.deepEqual(await kirkpatrickPanel(kv, [], { content }), {
    cohorts: [],
    teams: [],
  });
});
