import assert from "node:assert/strict";
import {
  contentFingerprint,
  saveFingerprint,
  storedFingerprint,
} from "./import_fingerprint.ts";

async function tree(files: Record<string, string>): Promise<string> {
  const root = await Deno.makeTempDir({ prefix: "sa-fp-" });
  for (const [path, text] of Object.entries(files)) {
    const full = `${root}/${path}`;
    await Deno.mkdir(full.replace(/\/[^/]+$/, ""), { recursive: true });
    await Deno.writeTextFile(full, text);
  }
  return root + "/";
}

Deno.test("contentFingerprint() changes with any content file's bytes, name or presence, and only then", async () => {
  const files = {
    "courses/demo/course.yaml": "id: demo\n",
    "assessments/quizzes/basics.yaml": "id: basics\n",
  };
  const a = await tree(files);
  const same = await tree(files);
  const edited = await tree({
    ...files,
    "assessments/quizzes/basics.yaml": "id: basic\n",
  });
  const renamed = await tree({
    "courses/demo/course.yaml": "id: demo\n",
    "assessments/quizzes/basic.yaml": "id: basics\n",
  });
  const added = await tree({ ...files, "courses/demo/01/module.yaml": "" });
  const elsewhere = await tree({ ...files, "README.md": "not content" });
  const fp = await contentFingerprint(a);
  assert.match(fp, /^[0-9a-f]{64}$/);
  assert.equal(await contentFingerprint(same), fp, "same files, same hash");
  assert.equal(
    await contentFingerprint(elsewhere),
    fp,
    "other folders ignored",
  );
  for (const other of [edited, renamed, added]) {
    assert.notEqual(await contentFingerprint(other), fp, other);
  }
  for (const d of [a, same, edited, renamed, added, elsewhere]) {
    await Deno.remove(d, { recursive: true });
  }
});

Deno.test("the stored fingerprint is the last one saved", async () => {
  using kv = await Deno.openKv(":memory:");
  assert.equal(await storedFingerprint(kv), null);
  await saveFingerprint(kv, "abc");
  assert.equal(await storedFingerprint(kv), "abc");
});
