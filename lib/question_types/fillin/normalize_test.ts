import assert from "node:assert/strict";
import { normalizeAnswer } from "./normalize.ts";

Deno.test("normalizeAnswer() turns full-width letters and digits half-width", () => {
  assert.equal(normalizeAnswer("ＦＢＡ２４"), "fba24");
});

Deno.test("normalizeAnswer() lower-cases", () => {
  assert.equal(normalizeAnswer("FAQ Bot"), "faqbot");
});

Deno.test("normalizeAnswer() removes all whitespace, including the ideographic space", () => {
  assert.equal(
    normalizeAnswer(" 先 \t处理\n心情\u3000再处理事情 "),
    "先处理心情再处理事情",
  );
});

Deno.test("normalizeAnswer() removes ASCII punctuation", () => {
  assert.equal(normalizeAnswer(`a,b.c;d:e?f!g(h)i"j'k-l`), "abcdefghijkl");
});

Deno.test("normalizeAnswer() removes CJK punctuation", () => {
  assert.equal(
    normalizeAnswer("先,道。歉、再;解:释?好!“的”‘呀’(括)【号】《书》名…—～·"),
    "先道歉再解释好的呀括号书名",
  );
});

Deno.test("normalizeAnswer() removes symbols and zero-width characters", () => {
  assert.equal(normalizeAnswer("满２００减２０¥ +\u200b😊"), "满200减20");
});

Deno.test("normalizeAnswer() makes width, spacing and punctuation variants equal", () => {
  assert.equal(
    normalizeAnswer("２４小时内,回复。"),
    normalizeAnswer("24 小时内回复"),
  );
});

Deno.test("normalizeAnswer() keeps letters, digits and Chinese characters", () => {
  assert.equal(normalizeAnswer("7天无理由退货"), "7天无理由退货");
});

Deno.test("normalizeAnswer() gives an empty string for punctuation only", () => {
  assert.equal(normalizeAnswer(" 。。。!? "), "");
});
