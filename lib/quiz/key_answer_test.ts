import assert from "node:assert/strict";
import type { InlineQuestion, Rubric } from "@/lib/content/schema.ts";
import { keyAnswer } from "./key_answer.ts";
import { scoreQuestion } from "./score.ts";

const body = { prompt: "题目", explanation: "解析" };
const rubric: Rubric = {
  id: "r",
  title: "回复",
  length: { min: 5, max: 100 },
  required: [{
    id: "greeting",
    label: "问候",
    element: "greeting",
    patterns: ["您好"],
    hint: "先问好",
  }],
  forbidden: [],
};
const questions: InlineQuestion[] = [
  {
    ...body,
    type: "single",
    options: [{ id: "a", text: "甲" }, { id: "b", text: "乙", correct: true }],
  },
  {
    ...body,
    type: "multiple",
    options: [
      { id: "a", text: "甲", correct: true },
      { id: "b", text: "乙" },
      { id: "c", text: "丙", correct: true },
    ],
  },
  { ...body, type: "truefalse", answer: true },
  {
    ...body,
    type: "ordering",
    items: [{ id: "a", text: "甲" }, { id: "b", text: "乙" }, {
      id: "c",
      text: "丙",
    }],
    answer: ["c", "a", "b"],
  },
  {
    ...body,
    type: "matching",
    left: [{ id: "l1", text: "一" }, { id: "l2", text: "二" }],
    right: [{ id: "r1", text: "壹" }, { id: "r2", text: "贰" }],
    answer: { l1: "r2", l2: "r1" },
  },
  { ...body, type: "fillin", answers: ["5-7", "五到七"] },
  {
    type: "written",
    prompt: "写一句回复",
    rubric: "r",
    modelAnswer: "您好,很高兴为您服务",
  },
];

Deno.test("keyAnswer() earns full credit on every question type", () => {
  for (const q of questions) {
    const score = scoreQuestion(q, keyAnswer(q), { rubrics: [rubric] });
    assert.equal(score.correct, true, q.type);
  }
});

Deno.test("keyAnswer() refuses a single-choice question without a key", () => {
  assert.throws(
    () =>
      keyAnswer({
        ...body,
        id: "q-broken",
        type: "single",
        options: [{ id: "a", text: "甲" }, { id: "b", text: "乙" }],
      }),
    /q-broken/,
  );
});
