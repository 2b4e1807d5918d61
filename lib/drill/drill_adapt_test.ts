import assert from "node:assert/strict";
import { loadContent } from "@/lib/content/loader.ts";
import { gradeDrillItem, UNFILLED } from "./drill_grade.ts";
import { drillItems } from "./drill_view.ts";

const { tree } = await loadContent();
const drill = tree.drills.find((d) => d.data.id === "drill-adapt-replies")!
  .data;
const rubrics = tree.rubrics.map((r) => r.data);
const sets = (tree.replySets ?? []).map((s) => s.data);
const item = drill.items[0];
const library = sets.flatMap((s) => s.replies).find((r) =>
  r.id === item.reply
)!;

Deno.test("adapt drill: every item starts from a library reply, shown with its placeholders", () => {
  const views = drillItems(drill, sets);
  assert.equal(views.length, drill.items.length);
  for (const v of views) {
    assert.ok(v.adapt, v.id);
    assert.ok(v.adapt!.parts.some((p) => p.placeholder), v.id);
  }
  // A drill without replies given shows plain items.
  assert.equal(drillItems(drill)[0].adapt, undefined);
});

Deno.test("adapt drill: the library reply sent as it is fails on its placeholders, filled in it passes", () => {
  const raw = gradeDrillItem(drill, rubrics, item, library.text);
  const line = raw.criteria.find((c) => c.id === UNFILLED)!;
  assert.equal(line.met, false);
  assert.deepEqual(line.spans.map((s) => s.text), ["{签收时间}", "{支付方式}"]);
  assert.equal(raw.passed, false);
  const filled = library.text.replace("{签收时间}", "12月5日").replace(
    "{支付方式}",
    "微信",
  );
  const ok = gradeDrillItem(drill, rubrics, item, filled);
  assert.equal(ok.passed, true, JSON.stringify(ok.criteria));
  assert.equal(ok.criteria.find((c) => c.id === UNFILLED)!.met, true);
});

Deno.test("adapt drill: filled with the wrong customer's details, or with one placeholder left, it fails", () => {
  const wrong = library.text.replace("{签收时间}", "12月9日").replace(
    "{支付方式}",
    "支付宝",
  );
  assert.equal(gradeDrillItem(drill, rubrics, item, wrong).passed, false);
  const half = library.text.replace("{签收时间}", "12月5日");
  const v = gradeDrillItem(drill, rubrics, item, half);
  assert.equal(v.passed, false);
  assert.ok(v.score < 60);
});

Deno.test("adapt drill: a coupon above the allowance breaks the promise red line whatever is filled", () => {
  const a4 = drill.items.find((i) =>
    i.reply === "complaint-compensation-demand"
  )!;
  const v = gradeDrillItem(
    drill,
    rubrics,
    a4,
    "发错货让您白跑一趟，真的很抱歉！我直接赔您100元现金，您看可以吗？",
  );
  assert.equal(v.passed, false);
  assert.ok(v.blockers.some((b) => b.category === "promise"));
});
