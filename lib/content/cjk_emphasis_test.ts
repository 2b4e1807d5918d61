import assert from "node:assert/strict";
import { Marked } from "marked";
import { cjkEmphasis } from "./cjk_emphasis.ts";
import { renderLesson } from "./markdown.ts";

const withRule = new Marked({ gfm: true }, cjkEmphasis());
const plain = new Marked({ gfm: true });
const inline = (m: Marked, s: string) => m.parseInline(s) as string;

Deno.test("cjkEmphasis() renders strong and em next to Chinese text and full-width punctuation", () => {
  const cases: [string, string][] = [
    ["**85%**的用户表示", "<strong>85%</strong>的用户表示"],
    [
      "一组**服务指标（KPI）**来衡量",
      "一组<strong>服务指标（KPI）</strong>来衡量",
    ],
    ["在**“引号”**后面", "在<strong>“引号”</strong>后面"],
    ["先**道歉，**再解释", "先<strong>道歉，</strong>再解释"],
    ["记住*“先情绪后事情”*这句", "记住<em>“先情绪后事情”</em>这句"],
    [
      "**60%**的用户，**85%**的",
      "<strong>60%</strong>的用户，<strong>85%</strong>的",
    ],
    ["**粗体`x`**的", "<strong>粗体<code>x</code></strong>的"],
  ];
  for (const [md, html] of cases) {
    assert.equal(inline(withRule, md), html, md);
    // Each case is one CommonMark alone leaves as text: the rule is what fixes it.
    assert.notEqual(
      inline(plain, md),
      html,
      `plain marked already handles ${md}`,
    );
  }
});

Deno.test("cjkEmphasis() leaves Markdown that CommonMark handles, and non-emphasis, as it was", () => {
  for (
    const md of [
      "**a** b *c*",
      "***x***",
      "a **b** c",
      "5 * 3 * 2",
      "`**code**`后",
      "**未闭合的粗体",
      "退款 **1-2 天 **到账",
      "snake_case 和 __init__",
      "中文**强调**中文",
    ]
  ) {
    assert.equal(inline(withRule, md), inline(plain, md), md);
  }
});

Deno.test("renderLesson() uses the rule: the lesson text of issue 24 renders bold", () => {
  const { html } = renderLesson(
    "- **85%**的用户表示，获得良好服务之后更愿意再次购买；\n\n| 指标 | 说明 |\n| --- | --- |\n| 一组**服务指标（KPI）**来衡量 | 见下 |\n",
  );
  assert.match(html, /<strong>85%<\/strong>的用户/);
  assert.match(html, /<strong>服务指标（KPI）<\/strong>来衡量/);
  assert.doesNotMatch(html, /\*\*/);
});
