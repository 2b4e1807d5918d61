/**
 * Every bundled drill item is graded against its own customer message: its
 * model answer passes its own item and scores below the pass mark on every
 * other item of its drill (two items that accept the same reply would be one
 * item asked twice), and replies that break a red line fail every item.
 */
import assert from "node:assert/strict";
import { loadContent, PROJECT_ROOT } from "@/lib/content/loader.ts";
import { gradeDrillItem } from "./drill_grade.ts";
import { DRILL_PASS, itemScore } from "./drill_score.ts";

const { tree } = await loadContent(PROJECT_ROOT);
const drills = tree.drills.map((d) => d.data);
const rubrics = tree.rubrics.map((r) => r.data);

Deno.test("bundled drills: every item states its own criteria", () => {
  assert.ok(drills.length >= 7);
  for (const drill of drills) {
    for (const item of drill.items) {
      assert.ok(
        (item.criteria?.length ?? 0) > 0,
        `${drill.id} ${item.id} has no criteria of its own`,
      );
    }
  }
});

Deno.test("bundled drills: a model answer passes its own item and fails every other item of its drill", () => {
  let pairs = 0;
  const wrong: string[] = [];
  for (const drill of drills) {
    for (const item of drill.items) {
      const own = gradeDrillItem(drill, rubrics, item, item.modelAnswer);
      if (!own.passed) {
        wrong.push(
          `${drill.id} ${item.id}: its model answer fails (${own.score}; ${
            JSON.stringify(own.criteria.filter((c) => !c.met).map((c) => c.id))
          } ${JSON.stringify(own.blockers.map((b) => b.code))})`,
        );
      }
      for (const other of drill.items) {
        if (other === item) continue;
        pairs++;
        const v = gradeDrillItem(drill, rubrics, other, item.modelAnswer);
        // Even sent at once, it stays below the pass mark.
        const score = itemScore(v, 0, other.seconds);
        if (v.passed || score >= DRILL_PASS) {
          wrong.push(
            `${drill.id}: ${item.id}'s model answer passes ${other.id} (${score})`,
          );
        }
      }
    }
  }
  assert.ok(pairs > 250, `only ${pairs} pairs`);
  assert.deepEqual(wrong, []);
});

Deno.test("bundled drills: a reply that breaks a red line fails whatever item it answers", () => {
  const breaches = [
    "您好，非常抱歉，这是快递的问题，您去联系快递吧，我马上帮您查",
    "您好，抱歉让您着急了，我保证明天一定送到，再补偿您50元现金",
    "您好，麻烦把手机收到的验证码发我一下，我马上为您处理",
  ];
  for (const drill of drills) {
    for (const item of drill.items) {
      // The item's own model answer with a breach added still fails.
      for (const breach of breaches) {
        const v = gradeDrillItem(
          drill,
          rubrics,
          item,
          `${item.modelAnswer}${breach}`,
        );
        assert.equal(v.passed, false, `${drill.id} ${item.id}: ${breach}`);
        assert.ok(v.blockers.length > 0);
        assert.ok(itemScore(v, 0, item.seconds) < DRILL_PASS);
      }
    }
  }
});
