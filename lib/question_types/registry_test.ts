import assert from "node:assert/strict";
import { render } from "preact-render-to-string";
import { h } from "preact";
import type { InlineQuestion } from "@/lib/content/schema.ts";
import { QuestionType } from "@/lib/content/schema.ts";
import { questionTypes, typeOf } from "./registry.ts";
import { QuestionInputs } from "./fields_view.tsx";
import { parseAnswer } from "./common/input.ts";
import type { FieldLabels } from "./common/fields_props.ts";

/** One question of each type, as authored. */
const samples: InlineQuestion[] = [
  {
    type: "single",
    prompt: "退款多久到账？",
    explanation: "1-2 天",
    options: [{ id: "a", text: "1-2 天", correct: true }, {
      id: "b",
      text: "一周",
    }, { id: "c", text: "当天" }],
  },
  {
    type: "multiple",
    prompt: "哪些要先做？",
    explanation: "先道歉再确认",
    options: [
      { id: "a", text: "道歉", correct: true },
      { id: "b", text: "确认", correct: true },
      { id: "c", text: "争辩" },
    ],
  },
  {
    type: "truefalse",
    prompt: "仓库 24 小时发货。",
    explanation: "是",
    answer: true,
  },
  {
    type: "ordering",
    prompt: "顺序",
    explanation: "先情绪后事情",
    items: [{ id: "a", text: "道歉" }, { id: "b", text: "确认" }, {
      id: "c",
      text: "方案",
    }],
    answer: ["a", "b", "c"],
  },
  {
    type: "matching",
    prompt: "配对",
    explanation: "时限",
    left: [{ id: "refund", text: "退款" }, { id: "review", text: "退货审核" }],
    right: [{ id: "d2", text: "1-2 天" }, { id: "m30", text: "30 分钟" }],
    answer: { refund: "d2", review: "m30" },
  },
  {
    type: "fillin",
    prompt: "仓库 ____ 小时内发货。",
    explanation: "24",
    answers: ["24"],
  },
];

const labels: FieldLabels = {
  true: "对",
  false: "错",
  fill: "填空",
  choose: "请选择",
  placeholder: "回复",
  blank: "空",
  up: "上移",
  down: "下移",
  position: "位置",
  sep: "：",
};

/** The fields a browser would submit from rendered form inputs (checked, selected, typed). */
function submitted(html: string): URLSearchParams {
  const out = new URLSearchParams();
  for (const m of html.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1];
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? "";
    const type = /type="([^"]*)"/.exec(attrs)?.[1];
    if (!name) continue;
    if ((type === "radio" || type === "checkbox") && !/\schecked/.test(attrs)) {
      continue;
    }
    out.append(name, value);
  }
  for (const m of html.matchAll(/<select([^>]*)>(.*?)<\/select>/g)) {
    const name = /name="([^"]*)"/.exec(m[1])?.[1];
    const sel = /<option[^>]*value="([^"]*)"[^>]*selected/.exec(m[2])?.[1];
    if (name && sel) out.append(name, sel);
  }
  for (const m of html.matchAll(/<textarea([^>]*)>(.*?)<\/textarea>/gs)) {
    const name = /name="([^"]*)"/.exec(m[1])?.[1];
    if (name) out.append(name, m[2]);
  }
  return out;
}

Deno.test("every question type of the content schema has a definition", () => {
  assert.deepEqual(
    Object.keys(questionTypes).sort(),
    [...QuestionType.options].sort(),
  );
  for (const [type, def] of Object.entries(questionTypes)) {
    assert.equal(def.type, type);
  }
});

for (const q of samples) {
  const def = typeOf(q);
  Deno.test(`${q.type}: the key scores full credit, the wrong answer none`, () => {
    const key = def.keyAnswer(q);
    assert.deepEqual(def.score(q, parseAnswer(q, key), {}), {
      ...def.score(q, key, {}),
      points: 1,
      correct: true,
    });
    const wrong = def.wrongAnswer(q);
    const s = def.score(q, parseAnswer(q, wrong), {});
    assert.equal(s.points, 0);
    assert.equal(s.correct, false);
    assert.notEqual(def.hint(q, wrong).kind, undefined);
  });

  Deno.test(`${q.type}: the public view carries no key`, () => {
    const shown = JSON.stringify(def.toPublic(q, "seed", true));
    assert.doesNotMatch(shown, /"correct"|"answer"|"answers"|"explanation"/);
    assert.equal(JSON.parse(shown).type, q.type);
  });

  Deno.test(`${q.type}: the form inputs, filled with the key, read back as the key`, () => {
    const html = render(
      h(QuestionInputs, {
        question: def.toPublic(q, "seed", true),
        name: "q.x",
        answer: def.keyAnswer(q),
        labels,
      }),
    );
    const answer = def.fromForm(submitted(html), q, "q.x");
    assert.ok(answer, html);
    assert.equal(def.score(q, answer, {}).correct, true, html);
    // Left empty, the same inputs read as unanswered.
    const empty = render(
      h(QuestionInputs, {
        question: def.toPublic(q, "seed", true),
        name: "q.x",
        answer: {},
        labels,
      }),
    );
    assert.equal(def.fromForm(submitted(empty), q, "q.x"), undefined);
  });
}

Deno.test("written: a missing rubric is a content error, not a zero", () => {
  const q: InlineQuestion = {
    type: "written",
    prompt: "回复一位催发货的顾客",
    rubric: "apology",
    modelAnswer: "您好，非常抱歉让您久等了。",
  };
  assert.throws(
    () => typeOf(q).score(q, { type: "written", text: "好" }, {}),
    /rubric "apology" was not supplied/,
  );
  assert.equal(typeOf(q).toPublic(q, "s", false).type, "written");
});
