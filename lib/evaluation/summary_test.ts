import assert from "node:assert/strict";
import type { Statement } from "@/lib/evidence/statement.ts";
import { type EvaluationContent, NO_CONTENT } from "./content_map.ts";
import {
  cohortSummary,
  learnerEvaluation,
  reactionSummary,
  teamMonthSeries,
} from "./summary.ts";
import {
  certificateEventStatement,
  kpiStatement,
  qaStatement,
  scoreStatement,
  surveyStatement,
} from "./testing.ts";
import {
  day,
  frtExample,
  qaExample,
  reactionSurvey,
  twoCohorts,
  writeStatements as write,
} from "./fixtures.ts";

const content: EvaluationContent = {
  ...NO_CONTENT,
  courseId: "onboarding",
  preExam: "pretest",
  postExam: "posttest",
  skillsOfActivity: {
    "modules/basics/quiz": ["empathy", "privacy"],
    "scenarios/late-parcel": ["empathy"],
  },
  skillTitles: { empathy: "共情与情绪" },
  modules: [{ id: "basics", title: "基础", skills: ["empathy"] }],
  surveys: [reactionSurvey([
    { id: "clear", type: "likert", prompt: "清楚" },
    { id: "nps", type: "nps", prompt: "推荐" },
    { id: "advice", type: "text", prompt: "建议" },
  ])],
};

Deno.test("cohortSummary(): the four levels from rollups, with minimum n and the not-yet-trained cohort as comparison", async () => {
  using kv = await Deno.openKv(":memory:");
  await twoCohorts(kv, 6);
  // Level 2: pre 40 -> post 70 (g 0.5), pre 60 -> post 70 (g 0.25); the
  // second pre-test attempt (90) must not replace the first.
  const scores: [string, string, string, number, string][] = [
    ["c1-u0", "exams/pretest", "exam:pretest", 40, "2026-11-02"],
    ["c1-u0", "exams/pretest", "exam:pretest", 90, "2026-11-03"],
    ["c1-u0", "exams/posttest", "exam:posttest", 50, "2026-11-28"],
    ["c1-u0", "exams/posttest", "exam:posttest", 70, "2026-11-30"],
    ["c1-u1", "exams/pretest", "exam:pretest", 60, "2026-11-02"],
    ["c1-u1", "exams/posttest", "exam:posttest", 70, "2026-11-30"],
    ["c1-u0", "modules/basics/quiz", "basics", 70, "2026-11-05"],
    ["c1-u1", "modules/basics/quiz", "basics", 80, "2026-11-05"],
  ];
  await write(kv, [
    ...scores.map(([u, path, module, percent, on]) =>
      scoreStatement(u, "c1", path, module, percent, day(on))
    ),
    scoreStatement(
      "c1-u1",
      "c1",
      "scenarios/late-parcel",
      "basics",
      90,
      day("2026-11-06"),
      { breaches: ["privacy"] },
    ),
  ]);
  // Level 1: four respondents first (below n 5), then a fifth; one edits.
  const answers = [5, 4, 4, 3, 2];
  const npsAnswers = [10, 9, 6, 8, 3];
  for (let i = 0; i < 4; i++) {
    await write(kv, [
      surveyStatement(
        `c1-u${i}`,
        "c1",
        "reaction-basics",
        { clear: answers[i], nps: npsAnswers[i] },
        null,
        day("2026-11-10"),
        "basics",
      ),
    ]);
  }
  let s = (await cohortSummary(kv, "c1", content))!;
  assert.equal(s.level1.surveys[0].respondents, 4);
  assert.equal(s.level1.surveys[0].shown, false);
  assert.equal(s.level1.surveys[0].items[0].mean, null, "no figure below n 5");
  await write(kv, [
    surveyStatement(
      "c1-u4",
      "c1",
      "reaction-basics",
      { clear: 2, nps: 3, advice: "多一些练习" },
      null,
      day("2026-11-11"),
      "basics",
    ),
    // u0 edits 5 -> 1: the 5 must leave the counts.
    surveyStatement(
      "c1-u0",
      "c1",
      "reaction-basics",
      { clear: 1, nps: 10 },
      { clear: 5, nps: 10 },
      day("2026-11-12"),
      "basics",
    ),
  ]);

  // Level 3 and 4: QA at d30 and d90; KPI the month before (2026-10) and
  // after (2026-12) for both cohorts; c2 starts in 2027, so it is untrained.
  const kpi: Statement[] = frtExample();
  // A wrong import of u0's December, then the corrected re-import.
  kpi.push(
    kpiStatement("c1-u0", "c1", "t1", "2026-12", { frt: 30, csat: 4.6 }, {
      frt: 30,
      csat: 4.6,
    }, day("2027-01-02")),
  );
  await write(kv, kpi);
  await write(kv, qaExample());

  s = (await cohortSummary(kv, "c1", content))!;
  assert.equal(s.cohort.members, 6);
  const survey = s.level1.surveys[0];
  assert.equal(survey.respondents, 5);
  assert.equal(survey.shown, true);
  // clear: 1, 4, 4, 3, 2 -> 2.8 (the edited 5 is gone); low (< 3.5).
  assert.equal(survey.items[0].mean, 2.8);
  assert.equal(survey.items[0].low, true);
  assert.equal(
    survey.items[0].distribution?.find((d) => d.value === 5)?.count,
    0,
  );
  // nps: 10, 9, 6, 8, 3 -> (2 - 2) / 5 = 0
  assert.equal(survey.nps, 0);
  assert.equal(survey.responseRate, 5 / 6);
  assert.deepEqual(survey.comments, [{
    questionId: "advice",
    text: "多一些练习",
  }]);

  assert.equal(s.level2.gain.n, 2);
  assert.equal(s.level2.gain.mean, 0.375);
  const quiz = s.level2.activities.find((a) =>
    a.path === "modules/basics/quiz"
  )!;
  assert.equal(quiz.score.mean, 75);
  assert.equal(quiz.passRate, 0.5);
  // empathy pools the quiz (70, 80) and the scenario (90): 80.
  assert.equal(s.level2.skills.find((k) => k.skill === "empathy")?.mean, 80);
  assert.equal(s.level2.breaches.privacy, 1);

  assert.equal(s.level3.qa.d30.n, 2);
  assert.equal(s.level3.qa.d30.score.mean, 80);
  assert.equal(s.level3.qa.d30.criticalFailRate, 0.5);
  assert.equal(s.level3.qa.d90.passRate, 1);
  assert.deepEqual(s.level3.criteria, [{
    id: "opening",
    n: 3,
    missed: 1,
    missRate: 1 / 3,
  }]);
  assert.deepEqual(s.level3.kpi.window, {
    before: "2026-10",
    after: "2026-12",
  });
  assert.equal(s.level3.kpi.before.frt, 40);
  assert.equal(s.level3.kpi.after.frt, 30);
  // Before: csat 4.2 misses, frt 40 misses -> 0; after: both met -> 1.
  assert.equal(s.level3.kpi.attainmentBefore, 0);
  assert.equal(s.level3.kpi.attainmentAfter, 1);

  const frt = s.level4.did.frt;
  assert.deepEqual(frt.controlCohorts, ["c2"]);
  assert.equal(frt.claimed, true);
  assert.equal(frt.estimate, -8);
  assert.ok(frt.interval!.high < 0);
  assert.equal(s.level4.did.csat.claimed, false, "no untrained CSAT values");
  assert.deepEqual(s.level4.cohortStarts.map((c) => c.cohortId), ["c1", "c2"]);
  assert.deepEqual(s.level4.series.map((m) => m.month), [
    "2026-10",
    "2026-12",
    "2027-01",
  ]);
  assert.equal(s.level4.series[0].kpi.frt.n, 10);

  const u0 = s.learners.find((l) => l.learnerId === "c1-u0")!;
  assert.equal(u0.pre, 40);
  assert.equal(u0.post, 70);
  assert.deepEqual(u0.qa, { d30: 70, d90: 85 });

  // The module and course scopes hold the same reaction, over cohorts.
  const byModule = await reactionSummary(kv, "onboarding", "basics", content);
  assert.equal(byModule[0].respondents, 5);
  assert.equal(byModule[0].items[0].mean, 2.8);
  assert.equal(byModule[0].responseRate, null, "no roster at module level");
  assert.deepEqual(
    (await reactionSummary(kv, "onboarding", "_course", content))[0].items[1]
      .nps,
    0,
  );
  assert.equal(
    (await reactionSummary(kv, "onboarding", "core-skills", content)).length,
    0,
  );

  const series = await teamMonthSeries(kv, "t1");
  assert.equal(series[2].qaPassRate, 1);
  const e = await learnerEvaluation(kv, "c1-u0");
  assert.equal(e.kpi.frt["2026-12"], 30);
  assert.equal(e.activities.find((a) => a.path === "exams/pretest")?.first, 40);
  assert.equal(e.activities.find((a) => a.path === "exams/pretest")?.last, 90);
  assert.equal(await cohortSummary(kv, "nope", content), null);
});

Deno.test("cohortSummary(): level 2 to 3 per module and skill against QA and KPI movement, from rollups, with n and interval", async () => {
  using kv = await Deno.openKv(":memory:");
  await twoCohorts(kv, 10);
  const twoModules: EvaluationContent = {
    ...content,
    skillTitles: { empathy: "共情与情绪", returns: "退换货" },
    modules: [
      { id: "basics", title: "基础", skills: ["empathy"] },
      { id: "practice", title: "练习", skills: ["empathy", "returns"] },
    ],
  };
  // The worked example of docs/evaluation.md: 8 agents, scores 60-95, FRT
  // before (2026-10) and after (2026-12) training.
  const scores = [60, 65, 70, 75, 80, 85, 90, 95];
  const before = [40, 41, 42, 40, 44, 41, 46, 43];
  const after = [38, 40, 38, 37, 38, 36, 38, 36];
  const statements: Statement[] = [];
  for (let i = 0; i < 8; i++) {
    const u = `c1-u${i}`;
    statements.push(
      scoreStatement(
        u,
        "c1",
        "modules/basics/quiz",
        "basics",
        scores[i],
        day("2026-11-05"),
      ),
      kpiStatement(
        u,
        "c1",
        "t1",
        "2026-10",
        {
          frt: before[i],
          // CSAT for 7 agents only: too few to claim anything.
          ...(i < 7 ? { csat: 4 + i / 10 } : {}),
        },
        null,
        day("2026-11-01"),
      ),
      // QA: d30 then d90, the same movement as FRT.
      qaStatement(u, "c1", "t1", {
        percent: 60,
        passed: false,
        checkpoint: "d30",
        scored: [],
        missed: [],
        breached: [],
      }, day("2026-12-01")),
      qaStatement(u, "c1", "t1", {
        percent: 60 + (before[i] - after[i]),
        passed: false,
        checkpoint: "d90",
        scored: [],
        missed: [],
        breached: [],
      }, day("2027-01-30")),
    );
    // u0's December is first imported wrong, then re-imported.
    statements.push(
      i === 0
        ? kpiStatement(
          u,
          "c1",
          "t1",
          "2026-12",
          { frt: 55, csat: 4.1 },
          null,
          day("2027-01-01"),
        )
        : kpiStatement(
          u,
          "c1",
          "t1",
          "2026-12",
          {
            frt: after[i],
            ...(i < 7 ? { csat: 4.5 } : {}),
          },
          null,
          day("2027-01-01"),
        ),
    );
  }
  statements.push(
    kpiStatement("c1-u0", "c1", "t1", "2026-12", { frt: after[0], csat: 4.5 }, {
      frt: 55,
      csat: 4.1,
    }, day("2027-01-02")),
    // u8: a score and a "before" month only: no movement, not paired.
    ...([
      ["modules/basics/quiz", "basics", 70, "2026-11-05"],
      ["modules/basics/quiz", "basics", 70, "2026-11-06"],
      ["scenarios/late-parcel", "practice", 90, "2026-11-07"],
    ] as const).map(([path, module, percent, on]) =>
      scoreStatement("c1-u8", "c1", path, module, percent, day(on))
    ),
    kpiStatement(
      "c1-u8",
      "c1",
      "t1",
      "2026-10",
      { frt: 30 },
      null,
      day("2026-11-01"),
    ),
    // Another cohort's agent in the same months does not count here.
    scoreStatement(
      "c2-u0",
      "c2",
      "modules/basics/quiz",
      "basics",
      99,
      day("2026-11-05"),
    ),
    kpiStatement(
      "c2-u0",
      "c2",
      "t1",
      "2026-10",
      { frt: 90 },
      null,
      day("2026-11-01"),
    ),
    kpiStatement(
      "c2-u0",
      "c2",
      "t1",
      "2026-12",
      { frt: 10 },
      null,
      day("2027-01-01"),
    ),
    ...([
      ["c1-u0", "issued", "2026-12-02"],
      ["c1-u1", "issued", "2026-12-02"],
      ["c1-u1", "revoked", "2026-12-09"],
    ] as const).map(([u, event, on]) =>
      certificateEventStatement(u, "c1", "onboarding", event, day(on))
    ),
  );
  await write(kv, statements);

  const s = (await cohortSummary(kv, "c1", twoModules))!;
  const u0 = s.learners.find((l) => l.learnerId === "c1-u0")!;
  assert.deepEqual(u0.kpiMovement, { frt: 2, csat: 0.5 });
  const u8 = s.learners.find((l) => l.learnerId === "c1-u8")!;
  assert.deepEqual(u8.kpiMovement, {});
  // empathy: basics 70, 70 and practice 90, weighted by n: 230 / 3.
  assert.ok(Math.abs(u8.skills.empathy - 230 / 3) < 1e-9);
  assert.equal(u8.skills.returns, 90);

  const basics = s.correlations.find((c) => c.moduleId === "basics")!;
  assert.equal(basics.kpi.frt.claimed, true);
  assert.equal(basics.kpi.frt.n, 8);
  assert.ok(Math.abs(basics.kpi.frt.r! - 38 / 42) < 1e-9);
  assert.ok(Math.abs(basics.kpi.frt.interval!.low - 0.552) < 0.005);
  assert.ok(Math.abs(basics.kpi.frt.interval!.high - 0.983) < 0.005);
  // The same movement on QA: the same r.
  assert.equal(basics.estimate.n, 8);
  assert.ok(Math.abs(basics.estimate.r! - 38 / 42) < 1e-9);
  // CSAT of 7 agents: n shown, nothing claimed.
  assert.deepEqual(
    {
      n: basics.kpi.csat.n,
      claimed: basics.kpi.csat.claimed,
      r: basics.kpi.csat.r,
    },
    { n: 7, claimed: false, r: null },
  );
  assert.equal(basics.kpi.fcr.n, 0);
  // Only u8 has a practice score, and no movement.
  const practice = s.correlations.find((c) => c.moduleId === "practice")!;
  assert.equal(practice.kpi.frt.n, 0);

  const empathy = s.skillCorrelations.find((c) => c.skill === "empathy")!;
  assert.deepEqual(empathy.modules, ["basics", "practice"]);
  assert.equal(empathy.title, "共情与情绪");
  assert.equal(empathy.kpi.frt.n, 8);
  assert.ok(Math.abs(empathy.kpi.frt.r! - 38 / 42) < 1e-9);
  assert.equal(
    s.skillCorrelations.find((c) => c.skill === "returns")!.kpi.frt.claimed,
    false,
  );

  assert.deepEqual(s.level3.certificates, {
    onboarding: { issued: 2, expired: 0, revoked: 1 },
  });
  assert.deepEqual((await learnerEvaluation(kv, "c1-u1")).certificates, {
    onboarding: { issued: 1, expired: 0, revoked: 1 },
  });
});
