import assert from "node:assert/strict";
import { halfWidthMarks } from "./cjk_punctuation.ts";

Deno.test("halfWidthMarks() finds half-width marks next to Chinese text", () => {
  const found = halfWidthMarks('说清客服的"价值中心",并用数据说明(三项)');
  assert.deepEqual(found.map((m) => [m.mark, m.full]), [
    ['"', "“”"],
    ['"', "“”"],
    [",", "，"],
    ["(", "（"],
    [")", "）"],
  ]);
  assert.equal(found[2].index, 11);
});

Deno.test("halfWidthMarks() leaves Latin, digits and full-width text alone", () => {
  assert.deepEqual(halfWidthMarks("FBA (Feature, Benefit) 推荐法"), []);
  assert.deepEqual(halfWidthMarks("每天 3:00 对账，目标 ≥ 85%"), []);
  assert.deepEqual(
    halfWidthMarks("说清客服的“价值中心”，并用数据说明（三项）"),
    [],
  );
});
