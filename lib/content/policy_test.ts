import assert from "node:assert/strict";
import { fillData, fillText, findFigures, readNumber } from "./policy.ts";

Deno.test("readNumber() reads Arabic and Chinese numerals", () => {
  assert.equal(readNumber("15"), 15);
  assert.equal(readNumber("十五"), 15);
  assert.equal(readNumber("二十"), 20);
  assert.equal(readNumber("两"), 2);
  assert.equal(readNumber("半"), 0.5);
  assert.equal(readNumber("20 万"), 200000);
  assert.equal(readNumber("abc"), undefined);
});

Deno.test("findFigures() turns ranges, lists and units into base numbers", () => {
  const f = (t: string) => findFigures(t).map((x) => [x.kind, x.values]);
  assert.deepEqual(f("一到三个工作日到账"), [["time", [1440, 4320]]]);
  assert.deepEqual(f("退款 1-2 天原路退回"), [["time", [1440, 2880]]]);
  assert.deepEqual(f("半小时内"), [["time", [30]]]);
  assert.deepEqual(f("3、5 或 10 元"), [["money", [3, 5, 10]]]);
  assert.deepEqual(f("抽检 5% 的会话"), [["percent", [5]]]);
  assert.deepEqual(f("30 秒内"), [["time", [0.5]]]);
  // "第 3 天" is a position in a plan, not a duration; a bare number has no unit.
  assert.deepEqual(f("第 3 天"), []);
  assert.deepEqual(f("订单号 2024"), []);
  // "几十秒" is a vague count, not ten seconds.
  assert.deepEqual(f("几十秒内回复"), []);
  assert.deepEqual(f("几天后"), []);
});

Deno.test("fillText()/fillData() replace known placeholders and keep unknown ones", () => {
  const v = new Map([["refund", "1-2 天"]]);
  assert.equal(fillText("退款{{refund}}到账", v), "退款1-2 天到账");
  assert.equal(fillText("{{ refund }}/{{nope}}", v), "1-2 天/{{nope}}");
  assert.deepEqual(
    fillData({ a: ["{{refund}}", 3], b: { c: "x{{refund}}" } }, v),
    {
      a: ["1-2 天", 3],
      b: { c: "x1-2 天" },
    },
  );
});
