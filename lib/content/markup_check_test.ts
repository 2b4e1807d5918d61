import assert from "node:assert/strict";
import {
  leftoverMarkup,
  lessonMarkupProblems,
  visibleText,
} from "./markup_check.ts";
import { englishText } from "./source.ts";

Deno.test("visibleText() drops tags, code and pre, and decodes entities", () => {
  assert.equal(
    visibleText(
      "<p>a <code>**x**</code> &amp; b</p><pre><code>`y`</code></pre>",
    )
      .replace(/\s+/g, " ").trim(),
    "a & b",
  );
});

Deno.test("leftoverMarkup() finds **, a __ pair and backticks, not blanks or single stars", () => {
  assert.equal(leftoverMarkup("**85%**的用户"), "**85%**的用户");
  assert.ok(leftoverMarkup("a __b__ c"));
  assert.ok(leftoverMarkup("用 `code` 表示"));
  assert.equal(leftoverMarkup("5 * 3 和 ____ 倍"), null);
  assert.equal(
    leftoverMarkup("尾号 138****5678 的顾客"),
    null,
    "a masked number",
  );
});

Deno.test("lessonMarkupProblems() locates the line that still shows markup", () => {
  const body = [
    "第一段**没问题**。",
    "",
    "第二段",
    "退款 **1-2 天 **到账",
    "",
    "```md",
    "**代码块里的不算**",
    "```",
    "",
  ].join("\n");
  const problems = lessonMarkupProblems("x.md", body, 10);
  assert.deepEqual(problems.map((p) => [p.line, p.col]), [[13, 4]]);
  assert.match(englishText(problems[0]), /markup shows as text/);
  assert.deepEqual(lessonMarkupProblems("x.md", "**85%**的用户\n", 1), []);
});
