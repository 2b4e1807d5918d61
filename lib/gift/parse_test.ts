/**
 * The GIFT reader against each construct of Moodle's GIFT documentation
 * (question types, titles, comments, feedback, weights, escapes, ids, tags,
 * categories), written as our own e-commerce service questions, and the
 * full-width lookalikes a Chinese input method types.
 */
import assert from "node:assert/strict";
import { parseGift } from "./parse.ts";
import { findLookalikes, splitBlocks } from "./scan.ts";

const one = (text: string) => {
  const r = parseGift(text);
  assert.deepEqual(r.problems, []);
  assert.equal(r.items.length, 1);
  return r.items[0].gift;
};

Deno.test("multiple choice: = marks the right answer, ~ the wrong ones", () => {
  const g = one("退款多久到账？{~当天 ~一周 =1-2 天}");
  assert.equal(g.type, "MC");
  if (g.type !== "MC") return;
  assert.equal(g.stem.text, "退款多久到账？");
  assert.deepEqual(g.choices.map((c) => [c.text.text, c.isCorrect]), [
    ["当天", false],
    ["一周", false],
    ["1-2 天", true],
  ]);
});

Deno.test("missing word: answers inside the sentence leave a blank in the stem", () => {
  const g = one("退货审核在 {~10 分钟 =30 分钟 ~2 小时} 内完成。");
  assert.equal(g.type, "MC");
  assert.equal(g.hasEmbeddedAnswers, true);
  assert.match(g.stem.text, /^退货审核在 _{3,} 内完成。$/);
});

Deno.test("true/false in all four spellings, with its feedback", () => {
  for (
    const [mark, value] of [["T", true], ["TRUE", true], ["F", false], [
      "FALSE",
      false,
    ]] as const
  ) {
    const g = one(`仓库 24 小时内发货。{${mark}}`);
    assert.equal(g.type, "TF");
    if (g.type === "TF") assert.equal(g.isTrue, value);
  }
  const g = one(
    "优惠券每单可叠加使用。{FALSE#说错了#对，每单一次####每单只能用一次。}",
  );
  assert.equal(g.type, "TF");
  if (g.type !== "TF") return;
  assert.equal(g.trueFeedback?.text, "说错了");
  assert.equal(g.falseFeedback?.text, "对，每单一次");
  assert.equal(g.globalFeedback?.text, "每单只能用一次。");
});

Deno.test("short answer: only = answers, all accepted", () => {
  const g = one("仓库多少小时内发货？{=24 =二十四}");
  assert.equal(g.type, "Short");
  if (g.type === "Short") {
    assert.deepEqual(g.choices.map((c) => c.text.text), ["24", "二十四"]);
  }
});

Deno.test("numerical: exact, tolerance, range and several answers with partial credit", () => {
  const exact = one("首次响应不超过多少秒？{#30}");
  assert.equal(exact.type, "Numerical");
  if (exact.type === "Numerical") {
    assert.deepEqual(exact.choices, { type: "simple", number: 30 });
  }
  const tol = one("退款到账约几天？{#1.5:0.5}");
  if (tol.type === "Numerical") {
    assert.deepEqual(tol.choices, { type: "range", number: 1.5, range: 0.5 });
  }
  const range = one("退款到账约几天？{#1..2}");
  if (range.type === "Numerical") {
    assert.deepEqual(range.choices, {
      type: "high-low",
      numberLow: 1,
      numberHigh: 2,
    });
  }
  const several = one("投诉结案时限是多少小时？{#\n=24:0\n=%50%24:6#接近了}");
  assert.equal(several.type, "Numerical");
  if (several.type === "Numerical" && Array.isArray(several.choices)) {
    assert.deepEqual(
      several.choices.map((c) => [c.weight, c.text.number, c.text.range]),
      [
        [null, 24, 0],
        [50, 24, 6],
      ],
    );
    assert.equal(several.choices[1].feedback?.text, "接近了");
  } else assert.fail("numerical with several answers");
});

Deno.test("matching: pairs with ->, and a right answer with no left item", () => {
  const g = one(
    "配对时限。{\n=退款 -> 1-2 天\n=退货审核 -> 30 分钟\n= -> 3 分钟\n}",
  );
  assert.equal(g.type, "Matching");
  if (g.type !== "Matching") return;
  assert.deepEqual(g.matchPairs.map((p) => [p.subquestion.text, p.subanswer]), [
    ["退款", "1-2 天"],
    ["退货审核", "30 分钟"],
    ["", "3 分钟"],
  ]);
});

Deno.test("titles, line comments, per-answer and general feedback, weights", () => {
  const g = one(
    "// 这一行是注释\n::优惠券::顾客要用两张券，可以吗？{\n~可以#不对\n~%50%看情况#部分正确\n=不可以，每单一次#对\n####每单只能用一张券。}",
  );
  assert.equal(g.type, "MC");
  if (g.type !== "MC") return;
  assert.equal(g.title, "优惠券");
  assert.deepEqual(g.choices.map((c) => [c.weight, c.feedback?.text]), [
    [null, "不对"],
    [50, "部分正确"],
    [null, "对"],
  ]);
  assert.equal(g.globalFeedback?.text, "每单只能用一张券。");
});

Deno.test("multiple answers: positive and negative weights", () => {
  const g = one("哪两项要先做？{~%50%道歉 ~%50%确认问题 ~%-100%争辩}");
  if (g.type !== "MC") return assert.fail("MC");
  assert.deepEqual(g.choices.map((c) => c.weight), [50, 50, -100]);
});

Deno.test("escapes: \\~ \\= \\# \\{ \\} \\: \\\\ and \\n are text", () => {
  const g = one(
    String.raw`哪一个是正确的 \{格式\}\: {=a\=b ~c\~d ~e\#f ~g\\h}`,
  );
  if (g.type !== "MC") return assert.fail("MC");
  assert.equal(g.stem.text, "哪一个是正确的 {格式}:");
  assert.deepEqual(g.choices.map((c) => c.text.text), [
    "a=b",
    "c~d",
    "e#f",
    String.raw`g\h`,
  ]);
});

Deno.test("ids and tags in the comment before a question; categories carry on", () => {
  const r = parseGift(
    "$CATEGORY: 售后/退款\n\n// [id:refund-days] [tag:refund] [tag:售后]\n退款多久到账？{=1-2 天 ~一周}\n\n退货审核多久？{=30 分钟 ~一天}",
  );
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.categories, ["售后/退款"]);
  assert.equal(r.items[0].gift.id, "refund-days");
  assert.deepEqual(r.items[0].gift.tags, ["refund", "售后"]);
  assert.equal(
    r.items[0].line,
    4,
    "the line of the question, after its comment",
  );
  assert.equal(r.items[1].category, "售后/退款");
});

Deno.test("essay and description", () => {
  const r = parseGift("请写一段道歉回复。{}\n\n下面几题关于退款。");
  assert.deepEqual(r.items.map((i) => i.gift.type), ["Essay", "Description"]);
});

Deno.test("a syntax error is reported at its line and column of the whole file, the other questions still read", () => {
  const r = parseGift(
    "好的题目{=对 ~错}\n\n\n坏的题目 {=对 ~错\n\n又一题{=对 ~错}",
  );
  assert.equal(r.items.length, 2);
  assert.equal(r.problems.length, 1);
  const p = r.problems[0];
  assert.equal(p.code, "syntax");
  assert.equal(p.line, 4);
  if (p.code === "syntax") {
    assert.ok(p.expected.includes('"}"'), JSON.stringify(p));
  }
});

// ---------------------------------------------------------- full-width lookalikes

Deno.test("full-width lookalikes are reported at line:col with the half-width fix", () => {
  const text = [
    "::退款::退款多久到账？｛=1-2 天 ～一周｝", // 1: braces and tilde
    "",
    "退款多久到账？{=1-2 天 ～一周 ~%５０%当天 ＃不对}", // 3: tilde, digits, hash
    "",
    "：：标题：：优惠券能叠加吗？{=不能 ~能}", // 5: title colons
    "",
    "首次响应几秒？{#30：5}", // 7: numerical colon
    "",
    "哪项对？{＝道歉 ~争辩}", // 9: equals
    "",
    "哪项对？{=道歉 ~％50％争辩}", // 11: percent signs
  ].join("\n");
  const r = parseGift(text);
  const found = r.problems.map((p) =>
    p.code === "lookalike"
      ? `${p.line}:${p.col} ${p.found}->${p.fix}`
      : `${p.line}:${p.col} ${p.code}`
  );
  assert.deepEqual(found, [
    "1:14 ｛->{",
    "1:22 ～->~",
    "1:25 ｝->}",
    "3:16 ～->~",
    "3:22 ５->5",
    "3:23 ０->0",
    "3:28 ＃->#",
    "5:1 ：->:",
    "5:2 ：->:",
    "5:5 ：->:",
    "5:6 ：->:",
    "7:12 ：->:",
    "9:6 ＝->=",
    "11:11 ％->%",
    "11:14 ％->%",
  ]);
  assert.equal(r.items.length, 0, "no block with a lookalike is imported");
});

Deno.test("full-width punctuation in ordinary Chinese text, and escaped lookalikes, are not reported", () => {
  const text =
    "注意：退款 1～2 天到账，＃号不是井号键。{=对 ~错 ####解析：按规则 1～2 天。}\n\n选哪个？{=a\\～b ~c}";
  const r = parseGift(text);
  assert.deepEqual(r.problems, []);
  assert.equal(r.items.length, 2);
  assert.deepEqual(
    findLookalikes(splitBlocks("问：为什么？{=因为 ~所以}")[0]),
    [],
  );
});
