import assert from "node:assert/strict";
import { lessonsToReview, retakeStatus } from "./retake.ts";

const at = (iso: string) => new Date(iso);
const now = at("2026-12-07T10:00:00Z");

Deno.test("retakeStatus() counts attempts left and the end of the cool-down", () => {
  const quiz = { maxAttempts: 3, cooldownMinutes: 10 };
  assert.deepEqual(retakeStatus(quiz, [], now), {
    left: 3,
    opensAt: null,
    canStart: true,
  });
  const one = [{ submittedAt: at("2026-12-07T09:55:00Z") }];
  assert.deepEqual(retakeStatus(quiz, one, now), {
    left: 2,
    opensAt: at("2026-12-07T10:05:00Z"),
    canStart: false,
  });
  const old = [{ submittedAt: at("2026-12-07T09:00:00Z") }];
  assert.equal(retakeStatus(quiz, old, now).canStart, true);
  const three = [...one, ...old, ...old];
  assert.deepEqual(retakeStatus(quiz, three, now), {
    left: 0,
    opensAt: null,
    canStart: false,
  });
  assert.deepEqual(retakeStatus({}, three, now), {
    left: null,
    opensAt: null,
    canStart: true,
  });
});

Deno.test("lessonsToReview() lists the lessons of missed skills once, in course order", () => {
  const questions = [
    { id: "q1", skills: ["empathy"] },
    { id: "q2", skills: ["fba", "empathy"] },
    { id: "q3", skills: ["channels"] },
  ];
  const skills = {
    empathy: { lessons: [{ url: "/l/2", title: "共情" }] },
    fba: {
      lessons: [{ url: "/l/1", title: "FBA" }, { url: "/l/2", title: "共情" }],
    },
    channels: { lessons: [{ url: "/l/3", title: "渠道" }] },
  };
  const result = {
    questions: [
      { questionId: "q1", correct: false, points: 0, answered: true },
      { questionId: "q2", correct: false, points: 0, answered: false },
      { questionId: "q3", correct: true, points: 1, answered: true },
    ],
  };
  assert.deepEqual(
    lessonsToReview(result, questions, skills, ["/l/1", "/l/2", "/l/3"]),
    [{ url: "/l/1", title: "FBA" }, { url: "/l/2", title: "共情" }],
  );
});
