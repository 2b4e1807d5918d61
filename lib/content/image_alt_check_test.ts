import assert from "node:assert/strict";
import { htmlAlt, lessonImageAltProblems } from "./image_alt_check.ts";

Deno.test("htmlAlt() reads quoted, bare and missing alt attributes", () => {
  assert.equal(htmlAlt(' src="a.png" alt="退货流程"'), "退货流程");
  assert.equal(htmlAlt(" src=a.png alt='仓库'"), "仓库");
  assert.equal(htmlAlt(" src=a.png alt=图"), "图");
  assert.equal(htmlAlt(' src="a.png" alt=""'), "");
  assert.equal(htmlAlt(' src="a.png" data-alt="x"'), null);
  assert.equal(htmlAlt(' src="a.png"'), null);
});

Deno.test("lessonImageAltProblems() reports each image without words, at its line and column", () => {
  const body = [
    "第一段",
    "",
    "![](a.png) 和 ![说明](b.png)",
    "",
    '<p><img src="c.png" alt="  "></p>',
    "",
    "`<img src=d.png>` 是代码",
  ].join("\n");
  const found = lessonImageAltProblems("x.md", body, 10).map((p) =>
    `${p.line}:${p.col}`
  );
  assert.deepEqual(found, ["12:1", "14:4"]);
});

Deno.test("lessonImageAltProblems() accepts a lesson whose images are all described", () => {
  const body = '![退货流程的三个节点](a.png)\n\n<img alt="仓库" src="b.png">';
  assert.deepEqual(lessonImageAltProblems("x.md", body, 1), []);
});
