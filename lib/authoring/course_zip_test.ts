import assert from "node:assert/strict";
import { zipSync } from "fflate";
import { getHead, getVersion } from "@/lib/content/content_store.ts";
import { unzipFiles, zipFiles } from "./course_zip.ts";
import { draftEdit, importedCopy, LESSON, publishNow, T0 } from "./testing.ts";
import { draftsFromFiles, openWorkspace, versionFiles } from "./workspace.ts";

Deno.test("a course exported as a zip and imported again is the identical course", async () => {
  await using s = await importedCopy();
  const { kv, root } = s;
  const v1 = (await versionFiles(kv, "demo", 1))!;
  const zip = zipFiles(v1);
  // The same files give the same bytes.
  assert.deepEqual(zipFiles({ ...v1 }), zip);

  // Change the course (a lesson edited, a file added), then import the zip.
  await draftEdit(s, LESSON, "正文。", "改过的正文。", T0);
  await publishNow(s, "改", T0);
  assert.equal((await getHead(kv, "demo"))!.version, 2);

  const read = unzipFiles(zip, "courses/demo");
  assert.ok("files" in read);
  assert.deepEqual(read.files, v1);
  const ws = (await openWorkspace(kv, "demo", root))!;
  assert.equal(await draftsFromFiles(kv, ws, read.files, "trainer", T0), 1);
  const result = await publishNow(s, "从压缩包恢复", T0, "zip");
  assert.deepEqual(result, { version: 3, published: true });
  const [one, three] = await Promise.all([
    getVersion(kv, "demo", 1),
    getVersion(kv, "demo", 3),
  ]);
  assert.equal(three!.hash, one!.hash);
  assert.deepEqual(three!.content, one!.content);
});

Deno.test("unzipFiles() refuses paths outside the course, traversal and non-UTF-8 text", () => {
  const enc = new TextEncoder();
  const zip = (entries: Record<string, Uint8Array>) => zipSync(entries);
  const ok = unzipFiles(
    zip({
      "courses/demo/course.yaml": enc.encode("id: demo\n"),
      "__MACOSX/._course.yaml": new Uint8Array([0, 1]),
      "courses/demo/.DS_Store": new Uint8Array([0]),
    }),
    "courses/demo",
  );
  assert.deepEqual(ok, { files: { "courses/demo/course.yaml": "id: demo\n" } });
  assert.deepEqual(
    unzipFiles(
      zip({ "courses/other/course.yaml": enc.encode("") }),
      "courses/demo",
    ),
    { problem: { code: "wrong_course", path: "courses/other/course.yaml" } },
  );
  assert.deepEqual(
    unzipFiles(
      zip({ "courses/demo/../../etc/x.yaml": enc.encode("") }),
      "courses/demo",
    ),
    { problem: { code: "bad_path", path: "courses/demo/../../etc/x.yaml" } },
  );
  assert.deepEqual(
    unzipFiles(zip({ "main.ts": enc.encode("") }), "courses/demo"),
    { problem: { code: "bad_path", path: "main.ts" } },
  );
  assert.deepEqual(
    unzipFiles(
      zip({ "courses/demo/a.md": new Uint8Array([0xff, 0xfe, 0x80]) }),
      "courses/demo",
    ),
    { problem: { code: "not_utf8", path: "courses/demo/a.md" } },
  );
  assert.deepEqual(unzipFiles(enc.encode("not a zip"), "courses/demo"), {
    problem: { code: "unreadable" },
  });
});
