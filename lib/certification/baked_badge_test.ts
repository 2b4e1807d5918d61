import assert from "node:assert/strict";
import {
  badgeSvg,
  bakeSvg,
  OB_BAKING_NAMESPACE,
  unbakeSvg,
} from "./baked_badge.ts";

Deno.test("a baked SVG carries the credential in the OB 3.0 namespace and gives it back unchanged", () => {
  const credential = {
    id: "https://a.example/verify/x",
    name: "新人上岗认证 ]]> <b>",
    n: [1, 2],
  };
  const baked = bakeSvg(badgeSvg("新人上岗认证", "客服学院"), credential);
  assert.match(
    baked,
    new RegExp(
      `^<svg xmlns:openbadges="${OB_BAKING_NAMESPACE}" xmlns="http://www.w3.org/2000/svg"`,
    ),
  );
  assert.match(baked, /<openbadges:credential><!\[CDATA\[/);
  assert.deepEqual(unbakeSvg(baked), credential);
  assert.equal(unbakeSvg(badgeSvg("x", "y")), null);
});

Deno.test("the badge escapes a level name", () => {
  const svg = badgeSvg('A & <B> "C"', "s");
  assert.ok(svg.includes("A &amp; &lt;B&gt; &quot;C&quot;"));
  assert.ok(!svg.includes("<B>"));
});
