import assert from "node:assert/strict";
import {
  type ContentStatus,
  getContentStatus,
  saveContentStatus,
} from "./content_status_store.ts";
import { msg } from "./source.ts";

const status: ContentStatus = {
  checkedAt: new Date("2026-03-02T08:00:00Z"),
  published: [{ courseId: "onboarding", version: 3, imported: true }],
  heldBack: [],
  problemCount: 1,
  problems: [{
    path: "assessments/rubrics/r.yaml",
    line: 4,
    col: 3,
    field: "required[0].patterns[1]",
    ...msg("problem.check.bad_regex", { pattern: "(", detail: "x" }),
  }],
  conflicts: [],
};

Deno.test("a content status keeps each problem's code, params and field", async () => {
  using kv = await Deno.openKv(":memory:");
  await saveContentStatus(kv, status);
  assert.deepEqual(await getContentStatus(kv), status);
});

Deno.test("a status saved when problems were sentences reads back without them", async () => {
  using kv = await Deno.openKv(":memory:");
  await kv.set(["content_status"], {
    ...status,
    problems: [{ path: "a.yaml", line: 1, col: 1, message: "id: is required" }],
  });
  assert.deepEqual(await getContentStatus(kv), { ...status, problems: [] });
});

Deno.test("a problem code that is not in the catalog is refused on save", async () => {
  using kv = await Deno.openKv(":memory:");
  await assert.rejects(() =>
    saveContentStatus(kv, {
      ...status,
      problems: [{ path: "a.yaml", line: 1, col: 1, code: "no.such" as never }],
    })
  );
});
