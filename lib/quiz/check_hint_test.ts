import assert from "node:assert/strict";
import { checkHint } from "./check_hint.ts";

const multiple = {
  type: "multiple" as const,
  prompt: "哪些属于售中？",
  explanation: "…",
  options: [
    { id: "a", text: "订单处理", correct: true },
    { id: "b", text: "物流跟踪", correct: true },
    { id: "c", text: "退换货" },
    { id: "d", text: "需求分析" },
  ],
};

Deno.test("checkHint() counts right, missed and extra choices without naming them", () => {
  assert.deepEqual(
    checkHint(multiple, { type: "multiple", choices: ["a", "c"] }),
    { kind: "multiple", right: 1, missed: 1, extra: 1 },
  );
  assert.deepEqual(
    checkHint(multiple, { type: "multiple", choices: [] }),
    { kind: "multiple", right: 0, missed: 2, extra: 0 },
  );
});

Deno.test("checkHint() counts misplaced steps and wrong pairs", () => {
  const ordering = {
    type: "ordering" as const,
    prompt: "排序",
    explanation: "…",
    items: [{ id: "x", text: "1" }, { id: "y", text: "2" }, {
      id: "z",
      text: "3",
    }],
    answer: ["x", "y", "z"],
  };
  assert.deepEqual(
    checkHint(ordering, { type: "ordering", order: ["y", "x", "z"] }),
    { kind: "ordering", misplaced: 2 },
  );
  const matching = {
    type: "matching" as const,
    prompt: "配对",
    explanation: "…",
    left: [{ id: "l1", text: "a" }, { id: "l2", text: "b" }],
    right: [{ id: "r1", text: "A" }, { id: "r2", text: "B" }],
    answer: { l1: "r1", l2: "r2" },
  };
  assert.deepEqual(
    checkHint(matching, { type: "matching", pairs: { l1: "r1", l2: "r1" } }),
    { kind: "matching", wrong: 1, total: 2 },
  );
});

Deno.test("revealFeedback() gives a hint first and the labelled explanation on the second try", async () => {
  const { revealFeedback } = await import("./check_reveal.ts");
  const q = {
    ...multiple,
    explanation: "[[a]] 和 [[b]] 都在售中；[[c]] 是售后。",
  };
  const wrong = { type: "multiple" as const, choices: ["c"] };
  const graded = { result: "wrong" as const, explanation: q.explanation };
  const shown = ["c", "a", "d", "b"];
  const first = revealFeedback(q, wrong, graded, 1, shown);
  assert.equal(
    first.explanation,
    undefined,
    "no explanation after one wrong try",
  );
  assert.deepEqual(first.hint, {
    kind: "multiple",
    right: 0,
    missed: 2,
    extra: 1,
  });
  const second = revealFeedback(q, wrong, graded, 2, shown);
  assert.equal(second.explanation, "B 和 D 都在售中；A 是售后。");
  const right = revealFeedback(
    q,
    { type: "multiple", choices: ["a", "b"] },
    {
      result: "correct",
      explanation: q.explanation,
    },
    1,
    shown,
  );
  assert.equal(right.hint, undefined);
  assert.match(right.explanation ?? "", /^B 和 D/);
});
