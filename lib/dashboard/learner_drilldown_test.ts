import assert from "node:assert/strict";
import { lessonCompleted } from "@/lib/evidence/testing.ts";
import { buildStatement } from "@/lib/evidence/statement.ts";
import { kindOfPath, timelineEntry } from "./learner_drilldown.ts";

const at = new Date("2026-03-02T08:00:00Z");

Deno.test("timelineEntry(): a failed scenario run with its red lines and score", () => {
  const s = buildStatement({
    learnerId: "u1",
    verb: "failed",
    activity: {
      kind: "simulation",
      path: "scenarios/late-parcel",
      name: "五天不动的物流",
    },
    courseId: "onboarding",
    contentVersion: 1,
    score: { raw: 42, max: 100 },
    extensions: {
      "https://service-academy.example/xapi/extensions/breaches": [
        { category: "blame", nodeId: "open", turn: 0, source: "choice" },
      ],
    },
    at,
  });
  assert.deepEqual(timelineEntry(s), {
    at,
    verb: "failed",
    kind: "simulation",
    name: "五天不动的物流",
    percent: 42,
    breaches: ["blame"],
  });
});

Deno.test("timelineEntry(): a lesson completion has no score and no breach", () => {
  const s = lessonCompleted("u1", at);
  const e = timelineEntry(s);
  assert.equal(e.kind, "lesson");
  assert.equal(e.verb, "completed");
  assert.equal(e.percent, null);
  assert.deepEqual(e.breaches, []);
});

Deno.test("kindOfPath(): quizzes, exams, conversations and drills; nothing else is a score", () => {
  assert.equal(kindOfPath("modules/basics/quiz"), "quiz");
  assert.equal(kindOfPath("exams/final"), "exam");
  assert.equal(kindOfPath("scenarios/late-parcel"), "scenario");
  assert.equal(kindOfPath("drills/greeting"), "drill");
  // A module's lesson, a survey, a QA review or KPI months are no score line.
  assert.equal(kindOfPath("modules/basics/lessons/l1"), null);
  assert.equal(kindOfPath("surveys/reaction-basics"), null);
  assert.equal(kindOfPath("observations/chat-qa"), null);
  assert.equal(kindOfPath("kpi/2026-11"), null);
});
