import assert from "node:assert/strict";
import { SurveySchema } from "@/lib/content/schema.ts";
import { reactionFigures } from "./kirkpatrick.ts";

const survey = SurveySchema.parse({
  id: "s1",
  title: "反馈",
  when: "onboarding-end",
  minReportN: 3,
  questions: [
    { id: "clear", type: "likert", prompt: "清楚" },
    { id: "useful", type: "likert", prompt: "有用" },
    { id: "nps", type: "nps", prompt: "推荐" },
    { id: "note", type: "text", prompt: "建议", optional: true },
  ],
});

const answer = (clear: number, useful: number, nps: number) => ({
  clear,
  useful,
  nps,
});

Deno.test("reactionFigures(): Likert mean, NPS and response rate from the minimum n", () => {
  const responses = new Map([["s1", [
    answer(5, 4, 10),
    answer(4, 4, 9),
    answer(3, 2, 5),
  ]]]);
  assert.deepEqual(reactionFigures([survey], responses, 6), {
    // clear 4, useful 3.33: mean of the item means
    reaction: 3.67,
    // 2 promoters, 1 detractor of 3: 33
    nps: 33,
    responseRate: 50,
  });
});

Deno.test("reactionFigures(): below the survey's minimum n nothing is shown", () => {
  const responses = new Map([["s1", [answer(1, 1, 0), answer(1, 1, 0)]]]);
  assert.deepEqual(reactionFigures([survey], responses, 2), {
    reaction: null,
    nps: null,
    responseRate: null,
  });
  assert.deepEqual(reactionFigures([survey], new Map(), 10), {
    reaction: null,
    nps: null,
    responseRate: null,
  });
});
