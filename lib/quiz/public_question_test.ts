import assert from "node:assert/strict";
import { loadContent, PROJECT_ROOT } from "@/lib/content/loader.ts";
import type { InlineQuestion } from "@/lib/content/schema.ts";
import { type PublicQuestion, toPublicQuestion } from "./public_question.ts";
import { scoreQuestion } from "./score.ts";

const question: InlineQuestion = {
  type: "single",
  prompt: "顾客催物流，第一句该说什么？",
  explanation: "先致歉并给出时间。",
  options: [
    {
      id: "sorry",
      text: "抱歉让您久等，我马上查，10 分钟内回复您。",
      correct: true,
    },
    { id: "wait", text: "请耐心等待。" },
    { id: "courier", text: "您去问快递吧。" },
    { id: "system", text: "系统显示正常。" },
  ],
};

const shown = (q: PublicQuestion) =>
  "options" in q ? q.options.map((o) => o.id) : [];

Deno.test("quiz attempts: over 200 attempts the key sits in every position, a reload keeps the order, and scoring is by id", () => {
  const positions = new Map<number, number>();
  for (let i = 0; i < 200; i++) {
    // As an attempt stores it: `${attemptId}:${random}`, then per question.
    const seed = `attempt-${i}:${crypto.randomUUID()}/q1`;
    const order = shown(toPublicQuestion(question, seed, true));
    assert.deepEqual(order.toSorted(), ["courier", "sorry", "system", "wait"]);
    assert.deepEqual(shown(toPublicQuestion(question, seed, true)), order);
    const at = order.indexOf("sorry");
    positions.set(at, (positions.get(at) ?? 0) + 1);
    // The key scores wherever it is shown; the first shown option scores
    // only when it is the key.
    assert.equal(
      scoreQuestion(question, { type: "single", choice: "sorry" }).points,
      1,
    );
    assert.equal(
      scoreQuestion(question, { type: "single", choice: order[0] }).points,
      order[0] === "sorry" ? 1 : 0,
    );
  }
  assert.deepEqual([...positions.keys()].sort(), [0, 1, 2, 3]);
  // Roughly even: no position holds the key in more than 40% of attempts.
  for (const [, n] of positions) assert.ok(n < 80, `${n} of 200`);
});

Deno.test("inline checks in the bundled lessons: options are shown shuffled, the same way on every reload", async () => {
  const { tree } = await loadContent(PROJECT_ROOT);
  const checks = tree.courses.flatMap((c) =>
    c.modules.flatMap((m) =>
      m.lessons.flatMap((l) =>
        l.checks.flatMap((ch, i) =>
          "type" in ch.data && ch.data.type === "single"
            ? [{
              q: ch.data as InlineQuestion,
              seed: `${c.data.id}/${l.data.id}/${i}`,
            }]
            : []
        )
      )
    )
  );
  assert.ok(checks.length >= 5, `${checks.length} single-choice checks`);
  const keyAt = new Set<number>();
  let moved = 0;
  for (const { q, seed } of checks) {
    if (q.type !== "single") continue;
    const order = shown(toPublicQuestion(q, seed, true));
    assert.deepEqual(shown(toPublicQuestion(q, seed, true)), order);
    const key = q.options.find((o) => o.correct)!.id;
    const authored = q.options.findIndex((o) => o.correct);
    keyAt.add(order.indexOf(key));
    if (order.indexOf(key) !== authored) moved++;
  }
  assert.ok(keyAt.size >= 3, `the key sits only at ${[...keyAt]}`);
  assert.ok(moved > checks.length / 3, `${moved} of ${checks.length} moved`);
});
