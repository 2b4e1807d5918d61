import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { loadContent } from "../../content/loader.ts";
import { drawQuestions, seededRandom } from "@/lib/quiz/draw.ts";

Deno.test("drawing the bundled pre-test and post-test gives the whole of form a and of form b, never a shared item", async () => {
  const { tree } = await loadContent(
    fileURLToPath(new URL("../../../", import.meta.url)),
  );
  const exam = (kind: string) =>
    tree.exams.find((e) => e.data.kind === kind)!.data;
  const questions = tree.banks.flatMap((b) => b.data.questions);
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const seed of ["one", "two", "three"]) {
    const pre = drawQuestions(
      questions,
      exam("pretest").draw,
      seededRandom(seed),
    );
    const post = drawQuestions(
      questions,
      exam("posttest").draw,
      seededRandom(seed),
    );
    assert.equal(pre.length, 20);
    assert.ok(pre.every((id) => byId.get(id)!.form === "a"));
    assert.ok(post.every((id) => byId.get(id)!.form === "b"));
    assert.deepEqual(pre.filter((id) => post.includes(id)), []);
    const profile = (ids: string[]) =>
      ids.map((id) => byId.get(id)!).map((q) =>
        `${q.module}/${q.difficulty}/${q.skills[0]}`
      ).sort();
    assert.deepEqual(profile(pre), profile(post));
  }
});
