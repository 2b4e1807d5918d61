import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { loadContent } from "../../content/loader.ts";
import { checkContent } from "../check.ts";
import { gradeModel, modelReplies } from "./model_answers.ts";
import { englishText } from "@/lib/content/source.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

Deno.test("every bundled model answer and best choice passes the grader with no red line", async () => {
  const { tree } = await loadContent(root);
  const replies = modelReplies(tree);
  // Written questions, drill items, scenario reply nodes and choice nodes are all there.
  assert.ok(replies.length > 150, `${replies.length} model replies`);
  const bad = replies.flatMap((m) => {
    const v = gradeModel(m);
    const why = [
      ...v.blockers.map((b) => `${b.code} "${b.span.text}"`),
      ...(!m.redLinesOnly && !v.passed ? [`score ${v.score}`] : []),
    ];
    return why.length ? [`${m.path} ${m.what}: ${why.join(", ")}`] : [];
  });
  assert.deepEqual(bad, []);
});

Deno.test("the same model answers fail once they blame the courier or promise compensation", async () => {
  const { tree } = await loadContent(root);
  const written = modelReplies(tree).filter((m) => !m.redLinesOnly).slice(
    0,
    20,
  );
  for (const m of written) {
    for (
      const bad of ["这是快递的问题，您去找快递吧。", "我保证给您赔偿 200 元。"]
    ) {
      const v = gradeModel({ ...m, text: `${m.text}${bad}` });
      assert.equal(v.passed, false, `${m.what} + ${bad}`);
      assert.ok(v.blockers.length > 0, `${m.what} + ${bad}`);
    }
  }
});

Deno.test("content:check reports a model answer with a red line at its field", async () => {
  const dir = fileURLToPath(
    new URL(
      "../../content/testdata/broken/model-answer-red-line",
      import.meta.url,
    ),
  );
  const { tree } = await loadContent(dir);
  const lines = checkContent(tree).map((p) =>
    `${p.path}:${p.line}:${p.col}: ${englishText(p)}`
  );
  assert.ok(
    lines.some((l) =>
      l.startsWith("assessments/quizzes/basics.yaml:11:5: ") &&
      l.includes("model answer of q-basics-001 crosses a red line (blame.")
    ),
    lines.join("\n"),
  );
});
