import assert from "node:assert/strict";
import { renderToString } from "preact-render-to-string";
import { ProblemList } from "./ProblemList.tsx";
import { msg, type Problem } from "@/lib/content/source.ts";
import { translator } from "@/lib/i18n/i18n.ts";

const problem: Problem = {
  path: "courses/c/01-m/01-l.md",
  line: 3,
  col: 1,
  field: "title",
  ...msg("problem.lesson.markup", { shown: "<b>**x</b>" }),
};

Deno.test("ProblemList shows each problem in the page's language, content text escaped", () => {
  const zh = renderToString(
    <ProblemList problems={[problem]} course="c" t={translator("zh-CN")} />,
  );
  assert.match(zh, /title：渲染后 Markdown 标记显示成了文字/);
  assert.ok(zh.includes("&lt;b>**x&lt;/b>"), zh);
  assert.ok(!zh.includes("<b>"), zh);
  const en = renderToString(
    <ProblemList problems={[problem]} course="c" t={translator("en")} />,
  );
  assert.match(en, /title: Markdown markup shows as text after rendering/);
  assert.ok(en.includes("courses/c/01-m/01-l.md:3:1"), en);
});
