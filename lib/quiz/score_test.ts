import assert from "node:assert/strict";
import type { InlineQuestion, Rubric } from "@/lib/content/schema.ts";
import {
  type Answer,
  AnswerSchema,
  scoreQuestion,
  ScoringInputError,
} from "./score.ts";

const single: InlineQuestion = {
  id: "q-single",
  type: "single",
  prompt: "顾客问“这款和那款哪个更适合送父母”,这属于哪个阶段?",
  explanation: "购买决定之前的咨询都属于售前",
  options: [
    { id: "a", text: "售前", correct: true },
    { id: "b", text: "售中" },
    { id: "c", text: "售后" },
  ],
};

const multiple: InlineQuestion = {
  id: "q-multiple",
  type: "multiple",
  prompt: "哪些属于广告法禁止的极限用语?",
  explanation: "全网最低、第一、最好都是极限词",
  options: [
    { id: "a", text: "全网最低", correct: true },
    { id: "b", text: "近30天销量5000+" },
    { id: "c", text: "行业第一", correct: true },
    { id: "d", text: "最好的", correct: true },
    { id: "e", text: "好评率98%" },
  ],
};

const truefalse: InlineQuestion = {
  id: "q-tf",
  type: "truefalse",
  prompt: "顾客投诉时应先讲清责任归属,再道歉",
  explanation: "先处理心情,再处理事情",
  answer: false,
};

const ordering: InlineQuestion = {
  id: "q-order",
  type: "ordering",
  prompt: "排出投诉处理五步的顺序",
  explanation: "道歉、倾听、确认、方案、跟进",
  items: [
    { id: "listen", text: "倾听" },
    { id: "follow", text: "跟进" },
    { id: "sorry", text: "道歉" },
    { id: "confirm", text: "确认" },
    { id: "solve", text: "方案" },
  ],
  answer: ["sorry", "listen", "confirm", "solve", "follow"],
};

const matching: InlineQuestion = {
  id: "q-match",
  type: "matching",
  prompt: "把顾客心理和应对方式连起来",
  explanation: "……",
  left: [
    { id: "venting", text: "宣泄型" },
    { id: "compensation", text: "补偿型" },
    { id: "solution", text: "解决型" },
    { id: "recognition", text: "认同型" },
  ],
  right: [
    { id: "listen", text: "耐心倾听" },
    { id: "offer", text: "合理补偿" },
    { id: "fix", text: "快速给方案" },
    { id: "agree", text: "肯定感受" },
    { id: "argue", text: "据理力争" },
  ],
  answer: {
    venting: "listen",
    compensation: "offer",
    solution: "fix",
    recognition: "agree",
  },
};

const fillin: InlineQuestion = {
  id: "q-fill",
  type: "fillin",
  prompt: "首次响应时间一般要求在 ____ 秒内",
  explanation: "聊天渠道首响 30 秒",
  answers: ["30", "三十"],
};

const rubric: Rubric = {
  id: "mini-reply",
  title: "小评分表",
  length: { min: 5, max: 100 },
  required: [
    {
      id: "empathy",
      label: "共情",
      element: "empathy",
      patterns: ["抱歉"],
      hint: "先道歉",
    },
    {
      id: "time",
      label: "时限",
      element: "time",
      patterns: ["\\d+\\s*小时"],
      hint: "给出时间",
    },
  ],
  forbidden: [{
    id: "vague",
    label: "含糊用语",
    category: "vague",
    patterns: ["可能"],
    deduction: 10,
    hint: "别说可能",
  }],
};

const written: InlineQuestion = {
  id: "q-written",
  type: "written",
  prompt: "回复一位催发货的顾客",
  rubric: "mini-reply",
  modelAnswer: "非常抱歉让您久等,2小时内给您回复",
};

/** Calls scoreQuestion with an answer of any shape, as a tampered request would. */
function scoreRaw(question: InlineQuestion, answer: unknown) {
  return scoreQuestion(question, answer as Answer, { rubrics: [rubric] });
}

/** Asserts a ScoringInputError naming `field` and showing `value` in its message. */
function assertInputError(
  fn: () => unknown,
  field: string,
  value: string,
) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ScoringInputError, String(e));
    assert.equal(e.field, field);
    assert.ok(e.message.includes(field), e.message);
    assert.ok(e.message.includes(value), e.message);
    return true;
  });
}

// ---------------------------------------------------------------- single

Deno.test("scoreQuestion() single: the correct option earns 1", () => {
  assert.deepEqual(scoreQuestion(single, { type: "single", choice: "a" }), {
    points: 1,
    correct: true,
    detail: { type: "single", chosen: "a", key: "a" },
  });
});

Deno.test("scoreQuestion() single: another option earns 0", () => {
  const s = scoreQuestion(single, { type: "single", choice: "c" });
  assert.equal(s.points, 0);
  assert.equal(s.correct, false);
});

Deno.test("scoreQuestion() single: an unknown option is an input error", () => {
  assertInputError(
    () => scoreQuestion(single, { type: "single", choice: "z" }),
    "answer.choice",
    '"z"',
  );
});

// ---------------------------------------------------------------- multiple

Deno.test("scoreQuestion() multiple: exactly the correct set, in any order, is full credit", () => {
  const s = scoreQuestion(multiple, {
    type: "multiple",
    choices: ["d", "a", "c"],
  });
  assert.equal(s.points, 1);
  assert.equal(s.correct, true);
});

Deno.test("scoreQuestion() multiple: each correct choice earns an equal share", () => {
  const s = scoreQuestion(multiple, { type: "multiple", choices: ["a", "c"] });
  assert.equal(s.points, 2 / 3);
  assert.equal(s.correct, false);
  assert.deepEqual(s.detail, {
    type: "multiple",
    right: ["a", "c"],
    wrong: [],
    missed: ["d"],
  });
});

Deno.test("scoreQuestion() multiple: each wrong choice cancels one share", () => {
  const s = scoreQuestion(multiple, {
    type: "multiple",
    choices: ["a", "c", "d", "b"],
  });
  assert.equal(s.points, 2 / 3);
  assert.equal(s.correct, false);
});

Deno.test("scoreQuestion() multiple: never goes below zero", () => {
  const s = scoreQuestion(multiple, {
    type: "multiple",
    choices: ["a", "b", "e"],
  });
  assert.equal(s.points, 0);
});

Deno.test("scoreQuestion() multiple: choosing everything is not full credit", () => {
  const s = scoreQuestion(multiple, {
    type: "multiple",
    choices: ["a", "b", "c", "d", "e"],
  });
  assert.equal(s.points, 1 / 3);
  assert.equal(s.correct, false);
});

Deno.test("scoreQuestion() multiple: an empty answer scores 0", () => {
  assert.deepEqual(scoreQuestion(multiple, { type: "multiple", choices: [] }), {
    points: 0,
    correct: false,
    detail: { type: "multiple", right: [], wrong: [], missed: ["a", "c", "d"] },
  });
});

Deno.test("scoreQuestion() multiple: a duplicated choice is an input error, not two shares", () => {
  assertInputError(
    () =>
      scoreQuestion(multiple, { type: "multiple", choices: ["a", "c", "a"] }),
    "answer.choices",
    '"a"',
  );
});

Deno.test("scoreQuestion() multiple: an unknown choice is an input error", () => {
  assertInputError(
    () => scoreQuestion(multiple, { type: "multiple", choices: ["a", "x"] }),
    "answer.choices",
    '"x"',
  );
});

// ---------------------------------------------------------------- truefalse

Deno.test("scoreQuestion() truefalse: 1 for the key, 0 otherwise", () => {
  assert.deepEqual(
    scoreQuestion(truefalse, { type: "truefalse", value: false }),
    {
      points: 1,
      correct: true,
      detail: { type: "truefalse", key: false },
    },
  );
  const wrong = scoreQuestion(truefalse, { type: "truefalse", value: true });
  assert.equal(wrong.points, 0);
  assert.equal(wrong.correct, false);
});

Deno.test("scoreQuestion() truefalse: a string is an input error", () => {
  assertInputError(
    () => scoreRaw(truefalse, { type: "truefalse", value: "false" }),
    "answer.value",
    '"false"',
  );
});

// ---------------------------------------------------------------- ordering

const keyOrder = ["sorry", "listen", "confirm", "solve", "follow"];

Deno.test("scoreQuestion() ordering: the key order is full credit", () => {
  assert.deepEqual(
    scoreQuestion(ordering, { type: "ordering", order: keyOrder }),
    {
      points: 1,
      correct: true,
      detail: { type: "ordering", pairsInOrder: 10, pairs: 10 },
    },
  );
});

Deno.test("scoreQuestion() ordering: the fully reversed order scores 0", () => {
  const s = scoreQuestion(ordering, {
    type: "ordering",
    order: keyOrder.toReversed(),
  });
  assert.equal(s.points, 0);
  assert.equal(s.correct, false);
});

Deno.test("scoreQuestion() ordering: one adjacent swap loses one pair of n(n-1)/2", () => {
  const s = scoreQuestion(ordering, {
    type: "ordering",
    order: ["sorry", "listen", "solve", "confirm", "follow"],
  });
  assert.equal(s.points, 9 / 10);
  assert.equal(s.correct, false);
});

Deno.test("scoreQuestion() ordering: moving the last step first keeps the other pairs", () => {
  const s = scoreQuestion(ordering, {
    type: "ordering",
    order: ["follow", "sorry", "listen", "confirm", "solve"],
  });
  // "follow" is now before the 4 others: 4 pairs wrong, 6 right.
  assert.equal(s.points, 6 / 10);
});

Deno.test("scoreQuestion() ordering: a missing item is an input error", () => {
  assertInputError(
    () =>
      scoreQuestion(ordering, {
        type: "ordering",
        order: ["sorry", "listen", "confirm", "solve"],
      }),
    "answer.order",
    '"follow"',
  );
});

Deno.test("scoreQuestion() ordering: a duplicated item is an input error", () => {
  assertInputError(
    () =>
      scoreQuestion(ordering, {
        type: "ordering",
        order: ["sorry", "sorry", "confirm", "solve", "follow"],
      }),
    "answer.order",
    '"sorry"',
  );
});

Deno.test("scoreQuestion() ordering: an unknown item is an input error", () => {
  assertInputError(
    () =>
      scoreQuestion(ordering, {
        type: "ordering",
        order: ["sorry", "listen", "confirm", "solve", "blame"],
      }),
    "answer.order",
    '"blame"',
  );
});

// ---------------------------------------------------------------- matching

Deno.test("scoreQuestion() matching: all pairs right is full credit", () => {
  const s = scoreQuestion(matching, {
    type: "matching",
    pairs: {
      venting: "listen",
      compensation: "offer",
      solution: "fix",
      recognition: "agree",
    },
  });
  assert.equal(s.points, 1);
  assert.equal(s.correct, true);
});

Deno.test("scoreQuestion() matching: partial credit per left item", () => {
  const s = scoreQuestion(matching, {
    type: "matching",
    pairs: {
      venting: "listen",
      compensation: "argue",
      solution: "fix",
      recognition: "listen",
    },
  });
  assert.equal(s.points, 2 / 4);
  assert.equal(s.correct, false);
  assert.deepEqual(s.detail, {
    type: "matching",
    matched: 2,
    of: 4,
    wrong: ["compensation", "recognition"],
  });
});

Deno.test("scoreQuestion() matching: unmatched left items count as wrong", () => {
  const s = scoreQuestion(matching, {
    type: "matching",
    pairs: { venting: "listen" },
  });
  assert.equal(s.points, 1 / 4);
  const empty = scoreQuestion(matching, { type: "matching", pairs: {} });
  assert.equal(empty.points, 0);
});

Deno.test("scoreQuestion() matching: an unknown left id is an input error", () => {
  assertInputError(
    () =>
      scoreQuestion(matching, {
        type: "matching",
        pairs: { venting: "listen", angry: "listen" },
      }),
    "answer.pairs",
    '"angry"',
  );
});

Deno.test("scoreQuestion() matching: an unknown right id is an input error naming its left item", () => {
  assertInputError(
    () =>
      scoreQuestion(matching, {
        type: "matching",
        pairs: { venting: "ignore" },
      }),
    "answer.pairs.venting",
    '"ignore"',
  );
});

// ---------------------------------------------------------------- fillin

Deno.test("scoreQuestion() fillin: an accepted answer after normalising width, spaces and punctuation", () => {
  for (const text of ["30", " ３０ ", "30。", "三十"]) {
    const s = scoreQuestion(fillin, { type: "fillin", text });
    assert.equal(s.points, 1, text);
    assert.equal(s.correct, true, text);
  }
});

Deno.test("scoreQuestion() fillin: other text scores 0", () => {
  const s = scoreQuestion(fillin, { type: "fillin", text: "60" });
  assert.deepEqual(s, {
    points: 0,
    correct: false,
    detail: { type: "fillin", normalized: "60" },
  });
});

Deno.test("scoreQuestion() fillin: text that normalises to nothing scores 0", () => {
  assert.equal(
    scoreQuestion(fillin, { type: "fillin", text: " 。。" }).points,
    0,
  );
});

// ---------------------------------------------------------------- written

Deno.test("scoreQuestion() written: points are the rubric score / 100, correct is passed", () => {
  const good = scoreQuestion(written, {
    type: "written",
    text: "非常抱歉让您久等,2小时内给您回复",
  }, { rubrics: [rubric] });
  assert.equal(good.points, 1);
  assert.equal(good.correct, true);
  assert.equal(good.detail.type, "written");

  const half = scoreQuestion(written, {
    type: "written",
    text: "非常抱歉,可能要晚一些",
  }, { rubrics: [rubric] });
  assert.equal(half.points, 0.4); // 50 for empathy − 10 for "可能"
  assert.equal(half.correct, false);
});

Deno.test("scoreQuestion() written: a missing rubric is a content error, not an input error", () => {
  assert.throws(
    () => scoreQuestion(written, { type: "written", text: "抱歉" }),
    (e: unknown) =>
      e instanceof Error && !(e instanceof ScoringInputError) &&
      e.message.includes('"mini-reply"'),
  );
});

// ---------------------------------------------------------------- shape

Deno.test("scoreQuestion() an answer for another question type is an input error", () => {
  assertInputError(
    () => scoreQuestion(single, { type: "multiple", choices: ["a"] }),
    "answer.type",
    '"multiple"',
  );
});

Deno.test("scoreQuestion() a wrongly shaped answer is an input error naming the field", () => {
  assertInputError(
    () => scoreRaw(multiple, { type: "multiple", choices: "a" }),
    "answer.choices",
    '"a"',
  );
  assertInputError(
    () => scoreRaw(ordering, { type: "ordering", order: ["sorry", 3] }),
    "answer.order.1",
    "3",
  );
  assertInputError(
    () => scoreRaw(single, { type: "single", choice: "a", extra: true }),
    "answer.extra",
    "true",
  );
  assertInputError(() => scoreRaw(single, null), "answer.type", "undefined");
});

Deno.test("scoreQuestion() names an inline question without an id", () => {
  const { id: _, ...inline } = single;
  assert.throws(
    () =>
      scoreQuestion(inline as InlineQuestion, { type: "single", choice: "z" }),
    {
      name: "ScoringInputError",
      message:
        'Cannot score the question: answer.choice "z" is not an option of this question',
    },
  );
});

Deno.test("AnswerSchema accepts one shape per type", () => {
  const answers: Answer[] = [
    { type: "single", choice: "a" },
    { type: "multiple", choices: [] },
    { type: "truefalse", value: true },
    { type: "ordering", order: ["a", "b"] },
    { type: "matching", pairs: { a: "b" } },
    { type: "fillin", text: "30" },
    { type: "written", text: "您好" },
  ];
  for (const a of answers) assert.deepEqual(AnswerSchema.parse(a), a);
  assert.equal(
    AnswerSchema.safeParse({ type: "single", choices: ["a"] }).success,
    false,
  );
  assert.equal(
    AnswerSchema.safeParse({ type: "essay", text: "x" }).success,
    false,
  );
});
