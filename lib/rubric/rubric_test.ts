import assert from "node:assert/strict";
import { parse } from "yaml";
import { z } from "zod";
import {
  ReplyElement,
  type Rubric,
  RubricSchema,
} from "@/lib/content/schema.ts";
import {
  DEFAULT_PASS_PERCENT,
  gradeReply,
  LENGTH_PENALTY,
  MAX_REPLY_CHARS,
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
      patterns: ["抱歉", "理解您"],
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
      patterns: ["\\d+\\s*小时"],
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
    {
      id: "superlative",
      label: "极限用语",
      category: "superlative",
      patterns: ["全网最", "100%"],
      deduction: 20,
      hint: "别用极限词",
    },
  ],
};

const byId = (r: ReturnType<typeof gradeReply>, id: string) => {
  const c = r.criteria.find((c) => c.id === id);
  assert.ok(c, `no criterion "${id}"`);
  return c;
};

Deno.test("gradeReply() gives 100 when every required element is met and nothing is forbidden", () => {
  const r = gradeReply(mini, "您好,非常抱歉,马上为您补发,24小时内发出");
  assert.equal(r.score, 100);
  assert.equal(r.passed, true);
  assert.deepEqual(r.criteria.map((c) => [c.id, c.kind, c.passed]), [
    ["greeting", "required", true],
    ["empathy", "required", true],
    ["solution", "required", true],
    ["time", "required", true],
    ["vague", "forbidden", true],
    ["superlative", "forbidden", true],
    ["length", "length", true],
  ]);
});

Deno.test("gradeReply() shares 100 points equally among required elements", () => {
  const r = gradeReply(mini, "您好,非常抱歉给您添麻烦了,请稍等");
  assert.equal(r.score, 50); // 2 of 4
  assert.equal(r.passed, false);
  assert.equal(byId(r, "solution").reason, "缺少方案。给出方案");
  assert.equal(byId(r, "empathy").reason, "做到了共情:找到“抱歉”。");
});

Deno.test("gradeReply() deducts each matched forbidden item once, quoting its words", () => {
  const r = gradeReply(
    mini,
    "您好,抱歉,可能要晚点,大概24小时内补发,可能吧,全网最快",
  );
  // 100 − 10 (vague, once for three hits) − 20 (superlative)
  assert.equal(r.score, 70);
  const vague = byId(r, "vague");
  assert.equal(vague.passed, false);
  assert.equal(vague.deduction, 10);
  assert.equal(vague.reason, "出现了含糊用语“可能”、“大概”,扣 10 分。别说可能");
  assert.equal(byId(r, "superlative").deduction, 20);
  assert.equal(byId(r, "greeting").deduction, undefined);
});

Deno.test("gradeReply() takes the length penalty outside the bounds, and says why", () => {
  const short = gradeReply(mini, "您好抱歉");
  assert.equal(short.score, 50 - LENGTH_PENALTY);
  assert.deepEqual(byId(short, "length"), {
    id: "length",
    kind: "length",
    label: "长度",
    passed: false,
    reason: `只有 4 字,至少需要 10 字,扣 ${LENGTH_PENALTY} 分。`,
    deduction: LENGTH_PENALTY,
  });
  const long = gradeReply(mini, "您好抱歉补发24小时" + "。".repeat(60));
  assert.equal(long.score, 100 - LENGTH_PENALTY);
  assert.match(byId(long, "length").reason, /超过了 60 字/);
});

Deno.test("gradeReply() clamps the score at 0", () => {
  const r = gradeReply(mini, "可能,全网最");
  assert.equal(r.score, 0);
  assert.equal(r.passed, false);
});

Deno.test("gradeReply() matches after NFKC: full-width digits and signs count", () => {
  const r = gradeReply(mini, "您好，抱歉，２４小时内补发，１００％正品");
  assert.equal(byId(r, "time").passed, true);
  assert.equal(
    byId(r, "superlative").reason,
    "出现了极限用语“100%”,扣 20 分。别用极限词",
  );
});

Deno.test("gradeReply() with elements grades only those required criteria", () => {
  const r = gradeReply(mini, "您好,非常抱歉,请问怎么了?", {
    elements: ["greeting", "empathy"],
  });
  assert.equal(r.score, 100);
  assert.deepEqual(
    r.criteria.filter((c) => c.kind === "required").map((c) => c.id),
    ["greeting", "empathy"],
  );
});

Deno.test("gradeReply() with no asked required criterion starts from 100", () => {
  const r = gradeReply(mini, "请问还有别的问题需要处理吗", {
    elements: ["closing"],
  });
  assert.equal(r.score, 100);
});

Deno.test("gradeReply() passes at passPercent, 60 by default", () => {
  const text = "您好,抱歉,我们会补发的"; // 3 of 4 = 75
  assert.equal(DEFAULT_PASS_PERCENT, 60);
  assert.equal(gradeReply(mini, text).passed, true);
  assert.equal(gradeReply(mini, text, { passPercent: 75 }).passed, true);
  assert.equal(gradeReply(mini, text, { passPercent: 80 }).passed, false);
});

Deno.test("gradeReply() refuses a reply over the limit before matching", () => {
  const ok = "您好" + "。".repeat(MAX_REPLY_CHARS - 2);
  assert.equal(gradeReply(mini, ok).score, 25 - LENGTH_PENALTY);
  assert.throws(
    () => gradeReply(mini, ok + "好"),
    (e: unknown) =>
      e instanceof RangeError && e.message.includes(String(MAX_REPLY_CHARS)),
  );
});

Deno.test("gradeReply() compiles patterns once per rubric object", () => {
  const rubric = structuredClone(mini);
  assert.equal(gradeReply(rubric, "您好,抱歉,补发,2小时").score, 100);
  // Changed after first use: the cached patterns still apply.
  rubric.required[0].patterns = ["不会出现的词"];
  assert.equal(gradeReply(rubric, "您好,抱歉,补发,2小时").score, 100);
  // A new object is compiled afresh.
  assert.equal(
    gradeReply(structuredClone(rubric), "您好,抱歉,补发,2小时").score,
    75,
  );
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

Deno.test("gradeReply() gives an empty reply 0", () => {
  const r = gradeReply(mini, "   ");
  assert.equal(r.score, 0);
  assert.equal(r.criteria.filter((c) => c.passed).length, 2); // nothing forbidden
});

// ---------------------------------------------------------------- agreement with trainers

const LabelledReply = z.strictObject({
  id: z.string(),
  rubric: z.string(),
  situation: z.string(),
  elements: z.array(ReplyElement).optional(),
  text: z.string().min(1),
  labels: z.record(z.string(), z.boolean()),
});

const ROOT = new URL("../../", import.meta.url);

async function loadRubrics(): Promise<Map<string, Rubric>> {
  const dir = new URL("assessments/rubrics/", ROOT);
  const rubrics = new Map<string, Rubric>();
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.name.endsWith(".yaml")) continue;
    const text = await Deno.readTextFile(new URL(entry.name, dir));
    const rubric = RubricSchema.parse(parse(text));
    rubrics.set(rubric.id, rubric);
  }
  return rubrics;
}

async function loadLabelled() {
  const text = await Deno.readTextFile(
    new URL("testdata/labelled_replies.yaml", import.meta.url),
  );
  return z.array(LabelledReply).parse(parse(text));
}

Deno.test("gradeReply() agrees with trainer labels on at least 90% of criteria", async () => {
  const rubrics = await loadRubrics();
  const replies = await loadLabelled();
  assert.ok(replies.length >= 64, `only ${replies.length} labelled replies`);
  assert.equal(new Set(replies.map((r) => r.id)).size, replies.length);

  let agree = 0;
  let total = 0;
  const perKind = new Map<string, { agree: number; total: number }>();
  const misses: string[] = [];
  for (const reply of replies) {
    const rubric = rubrics.get(reply.rubric);
    assert.ok(rubric, `${reply.id}: no rubric "${reply.rubric}"`);
    const result = gradeReply(rubric, reply.text, { elements: reply.elements });
    for (const [id, expected] of Object.entries(reply.labels)) {
      const criterion = result.criteria.find((c) => c.id === id);
      assert.ok(
        criterion,
        `${reply.id}: "${id}" is not a criterion graded here`,
      );
      const kind = criterion.kind === "required" ? `required ${id}` : id;
      const k = perKind.get(kind) ?? { agree: 0, total: 0 };
      perKind.set(kind, k);
      total++;
      k.total++;
      if (criterion.passed === expected) {
        agree++;
        k.agree++;
      } else {
        misses.push(
          `  ${reply.id} ${id}: trainer ${expected ? "pass" : "fail"}, engine ${
            criterion.passed ? "pass" : "fail"
          } (${criterion.reason}) «${reply.text}»`,
        );
      }
    }
  }
  const pct = (a: number, t: number) => `${(100 * a / t).toFixed(1)}%`;
  console.log(
    `rubric agreement: ${
      pct(agree, total)
    } (${agree}/${total} criteria, ${replies.length} replies)`,
  );
  for (const [kind, k] of [...perKind].sort()) {
    console.log(`  ${kind}: ${pct(k.agree, k.total)} (${k.agree}/${k.total})`);
  }
  if (misses.length) console.log(`disagreements:\n${misses.join("\n")}`);
  assert.ok(
    agree / total >= 0.9,
    `agreement ${pct(agree, total)} is below 90%`,
  );
});
