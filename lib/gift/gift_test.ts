/**
 * GIFT to our question types and back: the mapping table of
 * to_question.ts, what cannot be mapped (reported at line:col), the export
 * round trip, and re-import by id.
 */
import assert from "node:assert/strict";
import type { Question, QuestionBank } from "@/lib/content/schema.ts";
import { scoreQuestion } from "@/lib/quiz/score.ts";
import { exportGift } from "./export.ts";
import { parseGift } from "./parse.ts";
import { planGiftImport } from "./plan.ts";
import { type GiftContext, giftToQuestion } from "./to_question.ts";

const ctx: GiftContext = {
  modules: ["returns", "coupons"],
  skills: ["refund", "coupon", "empathy"],
  rubrics: ["apology"],
  defaults: { module: "returns", skills: ["refund"], difficulty: 2 },
};

const map = (text: string) => {
  const parsed = parseGift(text);
  assert.deepEqual(parsed.problems, []);
  return giftToQuestion(parsed.items[0], ctx);
};

Deno.test("one full-credit answer maps to single; partial credit is dropped with a warning", () => {
  const m = map(
    "::Q1 Refund::退款多久到账？{~当天#太快了 ~%50%三天 =1-2 天#对 ####按规则 1-2 天。}",
  );
  assert.deepEqual(m.problems, []);
  assert.equal(m.type, "single");
  const q = m.question!;
  assert.equal(q.id, "q1-refund", "the title becomes the id");
  assert.equal(q.module, "returns");
  assert.deepEqual(q.skills, ["refund"]);
  if (q.type !== "single") return assert.fail("single");
  assert.deepEqual(q.options, [
    { id: "a", text: "当天" },
    { id: "b", text: "三天" },
    { id: "c", text: "1-2 天", correct: true },
  ]);
  assert.equal(q.explanation, "按规则 1-2 天。\n[[a]]：太快了\n[[c]]：对");
  assert.deepEqual(m.warnings.map((w) => w.code), [
    "partial_dropped",
    "feedback_folded",
  ]);
  // Scored by our engine: only the right option earns the point.
  assert.equal(scoreQuestion(q, { type: "single", choice: "c" }).points, 1);
  assert.equal(scoreQuestion(q, { type: "single", choice: "b" }).points, 0);
});

Deno.test("several positive weights map to multiple; right and wrong by the sign", () => {
  const m = map(
    "// [id:first-steps]\n哪两项要先做？{~%50%道歉 ~%50%确认问题 ~%-50%争辩 ~%-50%转接 ####先情绪后事情。}",
  );
  const q = m.question!;
  assert.equal(q.type, "multiple");
  if (q.type !== "multiple") return;
  assert.equal(q.id, "first-steps");
  assert.deepEqual(q.options.filter((o) => o.correct).map((o) => o.text), [
    "道歉",
    "确认问题",
  ]);
  assert.equal(
    scoreQuestion(q, { type: "multiple", choices: ["a", "b"] }).correct,
    true,
  );
  assert.equal(
    scoreQuestion(q, { type: "multiple", choices: ["a", "c"] }).points,
    0,
  );
  assert.deepEqual(m.warnings, []);
});

Deno.test("true/false maps to truefalse; short answer and missing word to fillin with a blank", () => {
  const tf = map("仓库 24 小时内发货。{T####规则是 24 小时。}").question!;
  assert.deepEqual(tf.type === "truefalse" && tf.answer, true);
  const short = map("仓库多少小时内发货？{=24 =二十四 ####24 小时。}")
    .question!;
  assert.equal(short.type, "fillin");
  if (short.type === "fillin") {
    assert.equal(short.prompt, "仓库多少小时内发货？____");
    assert.deepEqual(short.answers, ["24", "二十四"]);
    assert.equal(
      scoreQuestion(short, { type: "fillin", text: "２４" }).correct,
      true,
    );
    assert.equal(
      scoreQuestion(short, { type: "fillin", text: "48" }).correct,
      false,
    );
  }
  const missing = map("退货审核在 {=30 分钟 =半小时 ####30 分钟。} 内完成。")
    .question!;
  assert.equal(missing.type, "fillin");
  assert.match(missing.prompt, /^退货审核在 _{4,} 内完成。$/);
});

Deno.test("numerical: an exact value and an integer tolerance become fill-in answers; a decimal range is reported", () => {
  const exact = map("首次响应不超过几秒？{#30 ####30 秒。}");
  assert.deepEqual(
    exact.question?.type === "fillin" && exact.question.answers,
    ["30"],
  );
  const tol = map("退款最多几天到账？{#2:1 ####1-2 天。}");
  assert.deepEqual(tol.question?.type === "fillin" && tol.question.answers, [
    "1",
    "2",
    "3",
  ]);
  assert.deepEqual(tol.warnings.map((w) => w.code), ["numerical_integers"]);
  const range = parseGift("\n\n退款约几天？{#1.5:0.25 ####约 1.5 天。}");
  const m = giftToQuestion(range.items[0], ctx);
  assert.equal(m.question, undefined);
  assert.deepEqual(m.problems, [{ code: "numerical_range", line: 3, col: 1 }]);
});

Deno.test("matching maps left, right (a distractor too) and the key", () => {
  const q = map(
    "配对时限。{\n=退款 -> 1-2 天\n=退货审核 -> 30 分钟\n= -> 3 分钟\n####见规则。}",
  ).question!;
  if (q.type !== "matching") return assert.fail("matching");
  assert.deepEqual(q.left.map((l) => l.text), ["退款", "退货审核"]);
  assert.deepEqual(q.right.map((r) => r.text), ["1-2 天", "30 分钟", "3 分钟"]);
  assert.deepEqual(q.answer, { la: "ra", lb: "rb" });
  assert.equal(
    scoreQuestion(q, { type: "matching", pairs: { la: "ra", lb: "rb" } })
      .correct,
    true,
  );
  assert.equal(
    scoreQuestion(q, { type: "matching", pairs: { la: "rb", lb: "ra" } })
      .points,
    0,
  );
});

Deno.test("what has no type of ours is reported at its line, not guessed", () => {
  const text =
    "请写一段道歉回复。{}\n\n没有正确答案？{~a ~b ####x}\n\n没有解析？{=a ~b}\n\n// [id:坏的]\n题目{=a ~b ####x}\n\n下面几题关于退款。";
  const plan = planGiftImport(
    text,
    { id: "b", title: "B", questions: [seed] },
    ctx,
  );
  assert.deepEqual(plan.problems, [
    { code: "essay_needs_rubric", line: 1, col: 1 },
    { code: "no_correct", line: 3, col: 1 },
    { code: "no_explanation", line: 5, col: 1 },
    { code: "bad_id", id: "坏的", line: 8, col: 1 },
  ]);
  assert.deepEqual(plan.warnings.map((w) => `${w.line} ${w.code}`), [
    "10 description_skipped",
  ]);
  assert.equal(plan.creates, 0);
});

Deno.test("an essay with our rubric notes maps to written, an unknown rubric is reported", () => {
  const ok = map(
    "// @rubric: apology\n// @model: 非常抱歉让您久等了，我马上为您处理。\n请写一段道歉回复。{}",
  ).question!;
  assert.equal(ok.type, "written");
  if (ok.type === "written") assert.equal(ok.rubric, "apology");
  const bad = map("// @rubric: nope\n// @model: 好的\n请写。{}");
  assert.deepEqual(bad.problems.map((p) => p.code), ["unknown_rubric"]);
});

const seed: Question = {
  id: "refund-days",
  module: "returns",
  skills: ["refund"],
  difficulty: 1,
  type: "single",
  prompt: "退款多久到账？",
  explanation: "1-2 天。",
  options: [{ id: "a", text: "1-2 天", correct: true }, {
    id: "b",
    text: "一周",
  }],
};

/** One question of each type GIFT can hold, with non-default ids and every bank field. */
const bank: QuestionBank = {
  id: "returns-bank",
  title: "退换货题库",
  questions: [
    { ...seed, form: "a", decision: "退款时限按规则答复" },
    {
      id: "first-steps",
      module: "returns",
      skills: ["empathy", "refund"],
      difficulty: 3,
      type: "multiple",
      prompt: "顾客说：“东西坏了！”先做哪三件事？",
      explanation: "[[sorry]] 和 [[confirm]] 在先，[[plan]] 随后。",
      options: [
        { id: "sorry", text: "道歉", correct: true },
        { id: "argue", text: "解释不是我们的错" },
        { id: "confirm", text: "确认问题", correct: true },
        { id: "plan", text: "给出方案", correct: true },
      ],
    },
    {
      id: "ship-24h",
      module: "returns",
      skills: ["refund"],
      difficulty: 1,
      type: "truefalse",
      prompt: "仓库 24 小时内发货。",
      explanation: "对：仓库发货时限是 24 小时。",
      answer: true,
    },
    {
      id: "limits",
      module: "coupons",
      skills: ["coupon"],
      difficulty: 2,
      type: "matching",
      prompt: "把事项和时限配对：",
      explanation: "退款 1-2 天；退货审核 30 分钟。",
      left: [{ id: "refund", text: "退款" }, {
        id: "review",
        text: "退货审核",
      }],
      right: [
        { id: "m3", text: "3 分钟" },
        { id: "d2", text: "1-2 天" },
        { id: "m30", text: "30 分钟" },
      ],
      answer: { refund: "d2", review: "m30" },
    },
    {
      id: "coupon-amount",
      module: "coupons",
      skills: ["coupon"],
      difficulty: 2,
      type: "fillin",
      prompt: "一单最多补偿 ____ 元优惠券（特殊情况）。",
      explanation: "补偿券 3/5/10 元，每单一次。",
      answers: ["10", "十"],
    },
    {
      id: "apology-reply",
      module: "returns",
      skills: ["empathy"],
      difficulty: 2,
      type: "written",
      prompt: "顾客：“等了一周还没发货！”请写一段回复。",
      explanation: "先致歉，再给时间。",
      rubric: "apology",
      modelAnswer: "非常抱歉让您久等了！我马上联系仓库，24 小时内给您回复。",
    },
    {
      id: "steps-order",
      module: "returns",
      skills: ["empathy"],
      difficulty: 2,
      type: "ordering",
      prompt: "排序：",
      explanation: "先情绪后事情。",
      items: [{ id: "a", text: "道歉" }, { id: "b", text: "确认" }, {
        id: "c",
        text: "方案",
      }],
      answer: ["a", "b", "c"],
    },
  ],
};

Deno.test("export then import round-trips every type GIFT can hold; ordering is listed as skipped", () => {
  const exported = exportGift(bank);
  assert.deepEqual(exported.skipped, [{ id: "steps-order", type: "ordering" }]);
  const empty: QuestionBank = { id: bank.id, title: bank.title, questions: [] };
  const plan = planGiftImport(exported.text, empty, ctx);
  assert.deepEqual(plan.problems, []);
  assert.deepEqual(plan.warnings, []);
  assert.deepEqual(
    plan.bank.questions,
    bank.questions.filter((q) => q.type !== "ordering"),
  );
  assert.deepEqual(plan.counts, {
    single: 1,
    multiple: 1,
    truefalse: 1,
    matching: 1,
    fillin: 1,
    written: 1,
  });
  // Special characters survive too.
  const tricky: Question = {
    ...seed,
    prompt: "券码 {A=1} 用 ~ 和 # 分隔：a\\b\n第二行",
  };
  const again = planGiftImport(
    exportGift({ ...empty, questions: [tricky] }).text,
    empty,
    ctx,
  );
  assert.deepEqual(again.bank.questions, [tricky]);
});

Deno.test("re-importing with [id:…] updates in place instead of duplicating", () => {
  const exported = exportGift(bank).text;
  const edited = exported.replace("退款多久到账？", "退款一般多久到账？");
  const plan = planGiftImport(edited, bank, ctx);
  assert.deepEqual(plan.problems, []);
  assert.equal(plan.creates, 0);
  assert.equal(plan.updates, 1);
  assert.equal(plan.unchanged, 5);
  assert.equal(plan.bank.questions.length, bank.questions.length);
  assert.equal(plan.bank.questions[0].prompt, "退款一般多久到账？");
  assert.equal(plan.bank.questions[0].id, "refund-days");
  // The same id twice in one file is a problem, not two questions.
  const twice = planGiftImport(
    `${edited}\n\n${edited.split("\n\n")[2]}`,
    bank,
    ctx,
  );
  assert.deepEqual(twice.problems.map((p) => p.code), ["duplicate_id"]);
});
