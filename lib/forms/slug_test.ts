import assert from "node:assert/strict";
import { proposeId, slugFromName } from "./slug.ts";

Deno.test("slugFromName() spells Chinese in pinyin and keeps digits and Latin letters", () => {
  assert.equal(slugFromName("售前一组"), "shou-qian-yi-zu");
  assert.equal(slugFromName("第 11 期新人营"), "di-11-qi-xin-ren-ying");
  assert.equal(slugFromName("VIP 客服"), "vip-ke-fu");
  assert.equal(slugFromName("！！！"), "");
});

Deno.test("slugFromName() stays within 40 characters and never ends in a hyphen", () => {
  const s = slugFromName("售前售后投诉处理专项攻坚小组第一分队");
  assert.ok(s.length <= 40, s);
  assert.doesNotMatch(s, /-$/);
});

Deno.test("proposeId() skips ids already taken", async () => {
  const taken = new Set(["shou-qian-yi-zu", "shou-qian-yi-zu-2"]);
  assert.equal(
    await proposeId("售前一组", (id) => Promise.resolve(taken.has(id))),
    "shou-qian-yi-zu-3",
  );
  assert.equal(await proposeId("？", () => Promise.resolve(false)), "");
});
