import assert from "node:assert/strict";
import type { Rubric } from "@/lib/content/schema.ts";
import {
  DEFAULT_PASS_PERCENT,
  gradeReply,
  LENGTH_PENALTY,
  MAX_REPLY_CHARS,
  type Verdict,
  verdictLines,
} from "./rubric.ts";

// ---------------------------------------------------------------- the formula

const mini: Rubric = {
  id: "mini-reply",
  title: "小评分表",
  length: { min: 10, max: 60 },
  required: [
    {
      id: "greeting",
      label: "问候",
      element: "greeting",
      patterns: ["您好"],
      hint: "先问好",
    },
    {
      id: "empathy",
      label: "共情",
      element: "empathy",
      patterns: ["抱歉", "理解您", "着急"],
      hint: "先道歉",
    },
    {
      id: "solution",
      label: "方案",
      element: "solution",
      patterns: ["补发", "退款"],
      hint: "给出方案",
    },
    {
      id: "time",
      label: "时限",
      element: "time",
      patterns: ["(?:\\d+|[一二两三四五六七八九十半几]+)\\s*个?\\s*小时"],
      hint: "给出时间",
    },
  ],
  forbidden: [
    {
      id: "vague",
      label: "含糊用语",
      category: "vague",
      patterns: ["可能", "大概"],
      deduction: 10,
      hint: "别说可能",
    },
  ],
};

const crit = (v: Verdict, id: string) => {
  const c = v.criteria.find((c) => c.id === id);
  assert.ok(c, `no criterion "${id}"`);
  return c;
};

Deno.test("gradeReply() gives 100 when every required element is met and nothing is forbidden", () => {
  const v = gradeReply(mini, "您好，非常抱歉，马上为您补发，24小时内发出");
  assert.equal(v.score, 100);
  assert.equal(v.passed, true);
  assert.deepEqual(v.criteria.map((c) => [c.id, c.met, c.reason]), [
    ["greeting", true, "met"],
    ["empathy", true, "met"],
    ["solution", true, "met"],
    ["time", true, "met"],
  ]);
  assert.deepEqual(v.blockers, []);
  assert.deepEqual(v.deductions, []);
  assert.deepEqual(crit(v, "time").spans, [{
    start: 15,
    end: 19,
    text: "24小时",
  }]);
});

Deno.test("gradeReply() shares 100 points equally among required elements", () => {
  const v = gradeReply(mini, "您好，非常抱歉给您添麻烦了，请稍等");
  assert.equal(v.score, 50);
  assert.equal(v.passed, false);
  assert.equal(crit(v, "solution").reason, "missing");
  assert.deepEqual(crit(v, "empathy").spans.map((s) => s.text), ["抱歉"]);
});

Deno.test("gradeReply() deducts a vague criterion once, with every span", () => {
  const v = gradeReply(mini, "您好，抱歉，可能要晚点，大概24小时内补发");
  // The time is hedged ("大概"), so it is no commitment: 3 of 4, less 10.
  assert.equal(crit(v, "time").reason, "hedged");
  assert.equal(v.score, 65);
  assert.deepEqual(v.deductions, [{
    id: "vague",
    kind: "vague",
    points: 10,
    reason: "vague",
    spans: [{ start: 6, end: 8, text: "可能" }, {
      start: 12,
      end: 14,
      text: "大概",
    }],
  }]);
});

Deno.test("gradeReply() takes the length penalty outside the bounds", () => {
  const short = gradeReply(mini, "您好抱歉");
  assert.equal(short.score, 50 - LENGTH_PENALTY);
  assert.deepEqual(short.deductions.map((d) => [d.id, d.reason, d.points]), [[
    "length",
    "too_short",
    LENGTH_PENALTY,
  ]]);
  const long = gradeReply(mini, "您好抱歉补发24小时" + "。".repeat(60));
  assert.equal(long.score, 100 - LENGTH_PENALTY);
  assert.equal(long.deductions[0].reason, "too_long");
});

Deno.test("gradeReply() with elements grades only those required criteria", () => {
  const v = gradeReply(mini, "您好，非常抱歉，请问怎么了？", {
    elements: ["greeting", "empathy"],
  });
  assert.equal(v.score, 100);
  assert.deepEqual(v.criteria.map((c) => c.id), ["greeting", "empathy"]);
});

Deno.test("gradeReply() passes at passPercent, 60 by default", () => {
  const text = "您好，抱歉，我们会补发的"; // 3 of 4 = 75
  assert.equal(DEFAULT_PASS_PERCENT, 60);
  assert.equal(gradeReply(mini, text).passed, true);
  assert.equal(gradeReply(mini, text, { passPercent: 75 }).passed, true);
  assert.equal(gradeReply(mini, text, { passPercent: 80 }).passed, false);
});

Deno.test("gradeReply() names an invalid pattern and its rubric", () => {
  const broken = structuredClone(mini);
  broken.forbidden[0].patterns = ["可能(("];
  assert.throws(() => gradeReply(broken, "您好"), {
    name: "SyntaxError",
    message:
      'Cannot compile rubric "mini-reply": pattern "可能((" of criterion "vague" is not a valid regular expression',
  });
});

// ---------------------------------------------------------------- context

Deno.test("a negated cue does not count, and says so", () => {
  const v = gradeReply(mini, "您好，别着急，没办法给您退款");
  assert.equal(crit(v, "empathy").met, false);
  assert.equal(crit(v, "empathy").reason, "negated");
  assert.deepEqual(crit(v, "empathy").spans.map((s) => s.text), ["着急"]);
  assert.equal(crit(v, "solution").met, false);
  // A set phrase holding a negator negates nothing after it.
  assert.equal(
    crit(gradeReply(mini, "没问题我帮您补发"), "solution").met,
    true,
  );
});

Deno.test("time cues: full-width digits, Chinese numerals, masked numbers; not the past", () => {
  for (
    const t of [
      "２４小时内",
      "两个小时内",
      "半小时内",
      "几个小时内",
      "[数字1]小时内",
      "【数字】小时内",
    ]
  ) {
    assert.equal(
      crit(gradeReply(mini, `您好，抱歉，${t}给您补发`), "time").met,
      true,
      t,
    );
  }
  const past = gradeReply(mini, "您好，让您等了24小时，抱歉");
  assert.equal(crit(past, "time").met, false);
  assert.equal(crit(past, "time").reason, "past_only");
  assert.equal(
    crit(gradeReply(mini, "不是24小时内，抱歉"), "time").reason,
    "negated",
  );
});

Deno.test("a red line fails the reply whatever else it has", () => {
  const v = gradeReply(mini, "您好，非常抱歉，是快递的问题，24小时内给您补发");
  assert.equal(v.contentScore, 100);
  assert.equal(v.score, 0);
  assert.equal(v.passed, false);
  assert.deepEqual(v.blockers, [{
    category: "blame",
    code: "blame.third_party",
    span: { start: 9, end: 14, text: "快递的问题" },
  }]);
});

Deno.test("red lines are read in context: negated, asked back and quoted words are no breach", () => {
  const clean = [
    "您好，抱歉，不是快递的问题，是我们打包没做好，24小时内给您补发",
    "您好，抱歉，您是担心快递弄丢了吗？我24小时内给您回复",
    "您好，抱歉，我们不能保证明天一定送到，24小时内给您回复",
    "您好，您说的“全网最低价”我们不能这样宣传，抱歉",
    "您好，请千万不要把验证码告诉任何人，抱歉",
    "您好，抱歉，您的手机号是138****0001，对吗？",
    "您好，抱歉，我为您申请赔偿，主管会在2小时内回复您",
    "您好，抱歉，给您补偿一张5元优惠券，24小时内补发",
  ];
  for (const text of clean) {
    assert.deepEqual(gradeReply(mini, text).blockers, [], text);
  }
  const breaches: [string, string][] = [
    ["您好，抱歉，快递弄丢的，您去联系快递吧", "blame.redirect"],
    ["您好，抱歉，我们保证明天一定送到", "promise.outcome"],
    ["您好，抱歉，给您赔偿200元现金", "promise.compensation"],
    ["您好，抱歉，送您一张50元优惠券", "promise.compensation"],
    ["您好，麻烦把验证码发我一下", "privacy.asks_secret"],
    ["您好，您的手机号是13800138000对吗", "privacy.shows_identifier"],
    ["您好，您的手机号是１３８００１３８０００", "privacy.shows_identifier"],
    ["您好，您的手机号是[数字1]，对吗", "privacy.shows_identifier"],
    ["亲，这款是全网最低价哦", "superlative.absolute"],
    ["呵呵，说了多少遍了", "insult.sarcasm"],
    ["您自己地址填错了，怪不了我们", "blame.customer"],
  ];
  for (const [text, code] of breaches) {
    const v = gradeReply(mini, text);
    assert.ok(
      v.blockers.some((b) => b.code === code),
      `${text}: ${JSON.stringify(v.blockers)}`,
    );
    assert.equal(v.passed, false);
  }
});

Deno.test("a rubric's red-line forbidden patterns add to the built-in ones", () => {
  const r = structuredClone(mini);
  r.forbidden.push({
    id: "house",
    label: "店内禁用语",
    category: "promise",
    patterns: ["包您满意"],
    deduction: 5,
    hint: "别说",
  });
  const v = gradeReply(r, "您好，抱歉，包您满意，24小时内补发");
  assert.deepEqual(v.blockers.map((b) => [b.category, b.span.text]), [[
    "promise",
    "包您满意",
  ]]);
  assert.equal(v.passed, false);
});

// ---------------------------------------------------------------- real input

Deno.test("real input is graded or refused with a code, never an exception", () => {
  assert.equal(gradeReply(mini, "").refused, "empty");
  assert.equal(gradeReply(mini, "   \n ").refused, "empty");
  assert.equal(gradeReply(mini, "😀🙏👍").refused, "no_words");
  assert.equal(gradeReply(mini, "<p></p><br/>&nbsp;").refused, "no_words");
  const atLimit = "您好" + "。".repeat(MAX_REPLY_CHARS - 2);
  assert.equal(gradeReply(mini, atLimit).refused, null);
  const over = gradeReply(mini, atLimit + "好");
  assert.equal(over.refused, "too_long");
  assert.equal(over.score, 0);
  assert.equal(over.passed, false);
  // Pasted HTML is read as its text; mixed scripts are read too.
  const html = gradeReply(
    mini,
    "<p>您好，非常<b>抱歉</b>，24小时内为您补发</p>",
  );
  assert.equal(html.score, 100);
  assert.equal(crit(html, "empathy").spans[0].text, "抱歉");
  const mixed = gradeReply(mini, "您好 Sorry 抱歉 😭 2 小时内 refund 退款 ok?");
  assert.equal(mixed.refused, null);
  assert.equal(mixed.score, 100 - 0);
  // 5,000 characters of chat in under a second.
  const long = "您好，抱歉，是不是快递的问题呢？".repeat(300).slice(
    0,
    MAX_REPLY_CHARS,
  );
  const t0 = performance.now();
  gradeReply(mini, long);
  assert.ok(performance.now() - t0 < 1000);
});

Deno.test("verdictLines() puts blockers first and keeps codes and spans", () => {
  const v = gradeReply(mini, "您好，非常抱歉，是快递的问题，可能要等24小时");
  const lines = verdictLines(v);
  assert.deepEqual(lines.map((l) => [l.kind, l.id, l.passed, l.reason]), [
    ["blocker", "redline.blame", false, "blame.third_party"],
    ["criterion", "greeting", true, "met"],
    ["criterion", "empathy", true, "met"],
    ["criterion", "solution", false, "missing"],
    ["criterion", "time", false, "hedged"],
    ["deduction", "vague", false, "vague"],
  ]);
  assert.deepEqual(verdictLines(gradeReply(mini, "")), [
    {
      id: "refused",
      kind: "refused",
      label: "refused",
      passed: false,
      reason: "empty",
    },
  ]);
});
