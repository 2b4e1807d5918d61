import assert from "node:assert/strict";
import { amountOf } from "./redlines.ts";

Deno.test("amountOf(): Arabic and Chinese amounts of money, NaN when there is none or a placeholder run of 9s", () => {
  const cases: [string, number][] = [
    ["给您补偿50元", 50],
    ["补偿 5.5 元", 5.5],
    ["给您五十块", 50],
    ["十元优惠券", 10],
    ["两百元", 200],
    ["一千二百元", 1200],
    ["三元", 3],
    ["99999元", NaN],
    ["给您补偿一下", NaN],
  ];
  for (const [words, want] of cases) {
    const got = amountOf(words);
    assert.ok(
      Number.isNaN(want) ? Number.isNaN(got) : got === want,
      `${words}: ${got}`,
    );
  }
});
