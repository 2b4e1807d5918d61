import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { loadContent } from "../../content/loader.ts";
import { SITUATIONS, STAGES } from "../../content/reply_schema.ts";
import { checkContent } from "../check.ts";
import { checkReplies } from "./replies.ts";
import { checkPolicyFigures } from "./policy_figures.ts";
import { policyImpact } from "@/lib/replies/policy_impact.ts";
import { englishText } from "@/lib/content/source.ts";

const FIXTURE = fileURLToPath(
  new URL("../../replies/testdata/library", import.meta.url),
);
const FILE = "assessments/replies/broken.yaml";

async function fixtureLines(): Promise<string[]> {
  const { tree, problems } = await loadContent(FIXTURE);
  return [...problems, ...checkReplies(tree), ...checkPolicyFigures(tree)]
    .map((p) => `${p.path}:${p.line}:${p.col}: ${englishText(p)}`);
}

function assertAt(lines: string[], line: number, text: string) {
  assert.ok(
    lines.some((l) => l.startsWith(`${FILE}:${line}:`) && l.includes(text)),
    `expected a problem at ${FILE}:${line} with "${text}", got:\n${
      lines.join("\n")
    }`,
  );
}

Deno.test("checkReplies() passes a good reply and fails each broken one at its line", async () => {
  const lines = await fixtureLines();
  // The good reply (lines 7-14) has no problem.
  const lineOf = (l: string) => Number(l.slice(FILE.length + 1).split(":")[0]);
  assert.ok(
    !lines.some((l) => l.startsWith(FILE) && lineOf(l) >= 7 && lineOf(l) <= 14),
    lines.join("\n"),
  );
  assertAt(lines, 18, "crosses the red line promise (promise.outcome)");
  assertAt(lines, 25, "unknown placeholder {订单编号}");
  assertAt(lines, 32, 'states time "3-5天", which contradicts');
  assertAt(lines, 39, 'copies the figure "1-2 天": write {{refund}}');
  assertAt(lines, 46, 'unfilled placeholder: a stray "{"');
  assertAt(
    lines,
    53,
    'a clarification reply must meet "复述确认" (paraphrase)',
  );
  assertAt(lines, 63, 'lists policy figure "return-review" but its text');
  assertAt(lines, 64, 'lesson "no-such-lesson" does not exist');
  assertAt(lines, 68, "reply near-copy is a near-duplicate of good-refund");
});

Deno.test("checkReplies() finds nothing wrong in the bundled library, which covers every situation and stage", async () => {
  const { tree } = await loadContent();
  const lines = checkContent(tree).filter((p) =>
    p.path.startsWith("assessments/replies/")
  ).map((p) => `${p.path}:${p.line}: ${englishText(p)}`);
  assert.deepEqual(lines, []);
  const replies = (tree.replySets ?? []).flatMap((s) =>
    s.data.replies.map((r) => ({ ...r, situation: s.data.situation }))
  );
  assert.ok(replies.length >= 80, `only ${replies.length} replies`);
  for (const situation of SITUATIONS) {
    for (const stage of STAGES) {
      // Every situation has an opening, a clarification, an apology and a
      // closing or confirmation; the grid need not be full, but no situation
      // may miss a stage the curriculum teaches for it.
      const n = replies.filter((r) =>
        r.situation === situation && r.stage === stage
      ).length;
      if (stage === "closing" || stage === "confirmation") continue;
      assert.ok(n > 0, `no ${stage} reply for ${situation}`);
    }
    assert.ok(
      replies.some((r) =>
        r.situation === situation &&
        (r.stage === "closing" || r.stage === "confirmation")
      ),
      `no confirmation or closing reply for ${situation}`,
    );
  }
  for (const stage of STAGES) {
    assert.ok(replies.filter((r) => r.stage === stage).length >= 8, stage);
  }
});

Deno.test("policyImpact() lists the replies a changed figure touches, and the changed figure fails a copied number", async () => {
  const { tree } = await loadContent();
  const before = tree.policy!.data;
  const after = {
    ...before,
    figures: before.figures.map((f) =>
      f.id === "refund" ? { ...f, value: "3 天" } : f
    ),
  };
  const changes = policyImpact(
    before,
    after,
    (tree.replySets ?? []).map((s) => s.data),
  );
  assert.equal(changes.length, 1);
  assert.equal(changes[0].figure, "refund");
  assert.equal(changes[0].from, "1-2 天");
  assert.equal(changes[0].to, "3 天");
  assert.ok(changes[0].replies.includes("aftersale-refund-time"));
  assert.ok(changes[0].replies.includes("insale-cancel-unshipped"));
  assert.ok(!changes[0].replies.includes("presale-greeting"));
  assert.deepEqual(policyImpact(before, before, []), []);
});
