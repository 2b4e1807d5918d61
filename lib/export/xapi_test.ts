// deno-lint-ignore-file no-explicit-any
import assert from "node:assert/strict";
import { lessonCompleted } from "@/lib/evidence/testing.ts";
import { XAPI_INTERACTION_TYPES } from "./testing.ts";
import xapiValidation from "xapi-validation";
import { buildStatement } from "@/lib/evidence/statement.ts";
import type { Question } from "@/lib/content/schema.ts";
import {
  INTERACTION_TYPES,
  nameUuid,
  questionStatements,
  toXapi,
} from "./xapi.ts";

const validate = ((xapiValidation as any).default ?? xapiValidation) as (
  s: unknown,
) => unknown[];

const at = new Date("2026-03-02T02:00:00Z");
const quiz = buildStatement({
  learnerId: "01LEARNER",
  verb: "failed",
  activity: {
    kind: "assessment",
    path: "modules/basics/quiz",
    name: "客服基础认知",
  },
  courseId: "onboarding",
  moduleId: "basics",
  contentVersion: 3,
  cohortId: "cohort-a",
  score: { raw: 6, max: 10 },
  success: false,
  completion: true,
  extensions: {
    "https://service-academy.example/xapi/extensions/attempt": "a1",
  },
  at,
});
const lesson = lessonCompleted("01LEARNER", at, { contentVersion: 3 });
const ctx = { cohortId: "cohort-a", registration: "" };

Deno.test("nameUuid() is a stable version 5 UUID, different per name", async () => {
  const a = await nameUuid("registration/u1~cohort-a");
  assert.equal(a, await nameUuid("registration/u1~cohort-a"));
  assert.notEqual(a, await nameUuid("registration/u1~cohort-b"));
  assert.match(
    a,
    /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
});

Deno.test("toXapi(): registration, contextActivities and no empty result; valid 1.0.3", async () => {
  ctx.registration = await nameUuid("registration/01LEARNER~cohort-a");
  const s = toXapi(lesson, ctx) as Record<string, any>;
  assert.deepEqual(validate(s), []);
  assert.equal(s.result, undefined, "a lesson completion has no result");
  assert.equal(s.context.registration, ctx.registration);
  assert.equal(
    s.context.contextActivities.parent[0].id.endsWith("/courses/onboarding"),
    true,
  );
  assert.ok(
    s.context.contextActivities.grouping[0].id.endsWith("/cohorts/cohort-a"),
  );
  const q = toXapi(quiz, ctx) as Record<string, any>;
  assert.deepEqual(validate(q), []);
  assert.equal(q.result.score.scaled, 0.6);
});

Deno.test("questionStatements(): one answered statement per question with its interaction type, under the quiz", async () => {
  const questions = new Map<string, Question>([
    ["q1", { id: "q1", type: "single", prompt: "退款多久到账？" } as Question],
    ["q2", { id: "q2", type: "ordering", prompt: "排序" } as Question],
  ]);
  const attempt = {
    id: "a1",
    result: {
      points: 1.5,
      max: 3,
      percent: 50,
      passed: false,
      timeExpired: false,
      questions: [
        { questionId: "q1", points: 1, correct: true, answered: true },
        { questionId: "q2", points: 0.5, correct: false, answered: true },
        { questionId: "gone", points: 0, correct: false, answered: false },
      ],
    },
  };
  const out = await questionStatements(quiz, attempt, questions, ctx) as Record<
    string,
    any
  >[];
  assert.equal(out.length, 3);
  for (const s of out) assert.deepEqual(validate(s), [], JSON.stringify(s));
  assert.deepEqual(
    out.map((s) => s.object.definition.interactionType),
    ["choice", "sequencing", "other"],
  );
  assert.deepEqual(out.map((s) => s.result.success), [true, false, false]);
  assert.deepEqual(out.map((s) => s.result.score.scaled), [1, 0.5, 0]);
  assert.ok(
    out.every((s) =>
      s.context.contextActivities.parent[0].id === quiz.object.id
    ),
  );
  // The same attempt gives the same ids: an LRS drops a re-export's duplicates.
  const again = await questionStatements(
    quiz,
    attempt,
    questions,
    ctx,
  ) as Record<string, any>[];
  assert.deepEqual(again.map((s) => s.id), out.map((s) => s.id));
  assert.equal(new Set(out.map((s) => s.id)).size, 3);
});

Deno.test("INTERACTION_TYPES maps every question type to an xAPI interaction type", () => {
  for (const [type, it] of Object.entries(INTERACTION_TYPES)) {
    assert.ok(XAPI_INTERACTION_TYPES.has(it), `${type} -> ${it}`);
  }
});
