import assert from "node:assert/strict";
import { diffFileSets } from "./version_diff.ts";

Deno.test("diffFileSets() lists added, removed and changed files with line numbers", () => {
  const before = {
    "courses/a/x.md": "一\n二\n三\n四\n五\n六\n七\n",
    "courses/a/gone.md": "旧\n",
    "assessments/same.yaml": "id: s\n",
  };
  const after = {
    "courses/a/x.md": "一\n二\n三\n肆\n五\n六\n七\n",
    "courses/a/new.md": "新\n",
    "assessments/same.yaml": "id: s\n",
  };
  const diffs = diffFileSets(before, after);
  assert.deepEqual(diffs.map((d) => [d.path, d.status, d.added, d.removed]), [
    ["courses/a/gone.md", "removed", 0, 1],
    ["courses/a/new.md", "added", 1, 0],
    ["courses/a/x.md", "changed", 1, 1],
  ]);
  const hunk = diffs[2].hunks[0];
  assert.deepEqual(hunk.find((l) => l.kind === "removed"), {
    kind: "removed",
    text: "四",
    oldLine: 4,
  });
  assert.deepEqual(hunk.find((l) => l.kind === "added"), {
    kind: "added",
    text: "肆",
    newLine: 4,
  });
  // Two lines of context either side, not the whole file.
  assert.deepEqual(hunk.map((l) => l.text), [
    "二",
    "三",
    "四",
    "肆",
    "五",
    "六",
  ]);
});

Deno.test("diffFileSets() finds nothing between equal sets", () => {
  assert.deepEqual(diffFileSets({ a: "x" }, { a: "x" }), []);
});
