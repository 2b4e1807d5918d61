import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { loadContent } from "./loader.ts";
import { scoreConversation } from "./qa_scorecard.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const { tree } = await loadContent(root);
const card = tree.observations.find((o) => o.data.id === "qa-scorecard")!.data;
const all = new Set(card.sections.flatMap((s) => s.items.map((i) => i.id)));

Deno.test("the bundled QA scorecard: coaching points add up to 100, red lines apart", () => {
  const r = scoreConversation(card, { met: all, breached: new Set() });
  assert.equal(r.maxPoints, 100);
  assert.equal(r.passed, true);
  const categories = new Set(card.critical?.map((c) => c.category));
  for (const c of ["privacy", "promise", "abuse"]) {
    assert.ok(categories.has(c as never), `critical item for ${c}`);
  }
  // No red line is also a coaching point worth a few points.
  for (const c of card.critical ?? []) assert.ok(!all.has(c.id));
});

Deno.test("a perfect conversation that breaches one red line fails QA", () => {
  for (const c of card.critical ?? []) {
    const r = scoreConversation(card, {
      met: all,
      breached: new Set([c.id]),
    });
    assert.equal(r.passed, false, c.id);
    assert.equal(r.failedOn, "critical");
    assert.deepEqual(r.breaches, [c.id]);
    assert.equal(r.percent, 100);
  }
});

Deno.test("points below the pass mark fail; unknown ids count for nothing", () => {
  const some = new Set([...all].slice(0, 5));
  const r = scoreConversation(card, {
    met: new Set([...some, "not-an-item"]),
    breached: new Set(["not-a-red-line"]),
  });
  assert.equal(r.passed, false);
  assert.equal(r.failedOn, "points");
  assert.deepEqual(r.breaches, []);
  assert.ok(r.percent < card.passPercent);
});
