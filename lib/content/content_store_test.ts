import assert from "node:assert/strict";
import { withKv } from "@/lib/db/testing.ts";
import {
  getLatest,
  getVersion,
  ImportConflictError,
  importCourse,
  listCourses,
  listVersions,
} from "@/lib/content/content_store.ts";

const t0 = new Date("2025-03-01T08:00:00Z");
const t1 = new Date("2025-03-02T08:00:00Z");

/** A course tree of about `bytes` UTF-8 bytes, mostly Chinese so strings are two-byte in V8. */
function bigCourse(bytes: number, seed: string) {
  const lessons = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const body =
      `## 第${i}节 ${seed}\n\n顾客问"这款和那款哪个更适合送父母",先共情再推荐。`
        .repeat(20);
    lessons.push({ id: `lesson-${i}`, body });
    size += new TextEncoder().encode(body).length + 30;
  }
  return { id: "onboarding", title: "客服新人入门", lessons };
}

Deno.test("importCourse() writes one version when the same hash is imported twice", () =>
  withKv(async (kv) => {
    const content = { id: "onboarding", title: "客服新人入门" };
    assert.deepEqual(await importCourse(kv, "onboarding", "h1", content, t0), {
      version: 1,
      imported: true,
    });
    assert.deepEqual(
      await importCourse(kv, "onboarding", "h1", { changed: true }, t1),
      {
        version: 1,
        imported: false,
      },
    );
    assert.equal((await listVersions(kv, "onboarding")).length, 1);
    assert.deepEqual(await getLatest(kv, "onboarding"), {
      courseId: "onboarding",
      version: 1,
      hash: "h1",
      importedAt: t0,
      content,
    });
  }));

Deno.test("importCourse() adds version 2 for a changed hash and keeps version 1 unchanged", () =>
  withKv(async (kv) => {
    await importCourse(kv, "onboarding", "h1", { title: "旧" }, t0);
    assert.deepEqual(
      await importCourse(kv, "onboarding", "h2", { title: "新" }, t1),
      { version: 2, imported: true },
    );

    assert.deepEqual(await getVersion(kv, "onboarding", 1), {
      courseId: "onboarding",
      version: 1,
      hash: "h1",
      importedAt: t0,
      content: { title: "旧" },
    });
    const latest = await getLatest(kv, "onboarding");
    assert.equal(latest?.version, 2);
    assert.deepEqual(latest?.content, { title: "新" });
    assert.deepEqual(
      (await listVersions(kv, "onboarding")).map((
        { version, hash },
      ) => [version, hash]),
      [[2, "h2"], [1, "h1"]],
    );
    // Going back to old content is a new version too: versions only move forward.
    assert.deepEqual(
      await importCourse(kv, "onboarding", "h1", { title: "旧" }, t1),
      { version: 3, imported: true },
    );
  }));

Deno.test("getLatest() and getVersion() return null for unknown courses and versions", () =>
  withKv(async (kv) => {
    assert.equal(await getLatest(kv, "nope"), null);
    await importCourse(kv, "onboarding", "h1", {}, t0);
    assert.equal(await getVersion(kv, "onboarding", 2), null);
  }));

Deno.test("importCourse() round-trips a 500 KB snapshot of Chinese text", () =>
  withKv(async (kv) => {
    const content = bigCourse(500_000, "甲");
    assert.ok(
      new TextEncoder().encode(JSON.stringify(content)).length > 500_000,
    );
    await importCourse(kv, "onboarding", "big", content, t0);
    assert.deepEqual((await getLatest(kv, "onboarding"))?.content, content);
  }));

Deno.test("importCourse() round-trips a snapshot larger than one atomic commit", () =>
  withKv(async (kv) => {
    const content = bigCourse(2_500_000, "乙");
    assert.deepEqual(
      await importCourse(kv, "onboarding", "huge", content, t0),
      { version: 1, imported: true },
    );
    assert.ok((await listVersions(kv, "onboarding"))[0].byteLength > 2_500_000);
    assert.deepEqual((await getVersion(kv, "onboarding", 1))?.content, content);
  }));

Deno.test("concurrent importers of different hashes never leave a gap or overwrite a version", () =>
  withKv(async (kv) => {
    await importCourse(kv, "onboarding", "base", { n: -1 }, t0);
    for (const importers of [2, 3, 8]) {
      const before = (await getLatest(kv, "onboarding"))!.version;
      const hashes = Array.from(
        { length: importers },
        (_, i) => `h-${importers}-${i}`,
      );
      const results = await Promise.allSettled(
        hashes.map((hash, i) =>
          importCourse(kv, "onboarding", hash, { hash, n: i }, t1)
        ),
      );
      const won = results.flatMap((r, i) =>
        r.status === "fulfilled" ? [{ hash: hashes[i], ...r.value }] : []
      );
      for (const r of results) {
        if (r.status === "rejected") {
          assert.ok(r.reason instanceof ImportConflictError, String(r.reason));
        }
      }
      assert.ok(
        won.length >= 2,
        `at least the first race's loser succeeds on retry (${won.length} of ${importers})`,
      );
      assert.ok(won.every((w) => w.imported));
      // Winners hold exactly the next versions, each once, and each version holds its own content.
      assert.deepEqual(
        won.map((w) => w.version).sort((a, b) => a - b),
        Array.from({ length: won.length }, (_, i) => before + 1 + i),
      );
      for (const w of won) {
        const snapshot = await getVersion(kv, "onboarding", w.version);
        assert.equal(snapshot?.hash, w.hash);
        assert.deepEqual(snapshot?.content, {
          hash: w.hash,
          n: hashes.indexOf(w.hash),
        });
      }
      assert.equal(
        (await getLatest(kv, "onboarding"))!.version,
        before + won.length,
      );
    }
    const versions = (await listVersions(kv, "onboarding", 100)).map((v) =>
      v.version
    );
    assert.deepEqual(
      versions,
      Array.from({ length: versions.length }, (_, i) => versions.length - i),
    );
  }));

Deno.test("concurrent importers of the same hash store it once", () =>
  withKv(async (kv) => {
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        importCourse(kv, "onboarding", "same", { title: "同" }, t0)
      ),
    );
    assert.deepEqual(results.map((r) => r.version), [1, 1, 1]);
    assert.equal(results.filter((r) => r.imported).length, 1);
    assert.equal((await listVersions(kv, "onboarding")).length, 1);
    // The losers cleaned up their chunks: only the winner's remain.
    const chunks = await Array.fromAsync(
      kv.list({ prefix: ["course_chunks", "onboarding"] }),
    );
    assert.equal(new Set(chunks.map(({ key }) => key[2])).size, 1);
  }));

Deno.test("listCourses() lists each course's latest version", () =>
  withKv(async (kv) => {
    await importCourse(kv, "onboarding", "h1", {}, t0);
    await importCourse(kv, "onboarding", "h2", {}, t1);
    await importCourse(kv, "advanced", "a1", {}, t0);
    assert.deepEqual(await listCourses(kv), [
      { courseId: "advanced", version: 1, hash: "a1", importedAt: t0 },
      { courseId: "onboarding", version: 2, hash: "h2", importedAt: t1 },
    ]);
    assert.equal((await listCourses(kv, 1)).length, 1);
  }));

Deno.test("importCourse() rejects bad ids, hashes, dates and non-JSON content", () =>
  withKv(async (kv) => {
    await assert.rejects(importCourse(kv, "Bad Id", "h", {}, t0));
    await assert.rejects(importCourse(kv, "onboarding", "", {}, t0));
    await assert.rejects(
      importCourse(kv, "onboarding", "h", {}, new Date("nope")),
    );
    await assert.rejects(
      importCourse(kv, "onboarding", "h", undefined, t0),
      /content is not JSON/,
    );
    assert.deepEqual(await listCourses(kv), []);
  }));

Deno.test("a stored record that fails validation is an error naming its key", () =>
  withKv(async (kv) => {
    await importCourse(kv, "onboarding", "h1", { title: "x" }, t0);
    await kv.set(["course_versions", "onboarding", 1], {
      courseId: "onboarding",
      version: "1",
    });
    await assert.rejects(
      getVersion(kv, "onboarding", 1),
      /Cannot read \["course_versions","onboarding",1\]/,
    );
    await kv.set(["course_heads", "onboarding"], { nope: true });
    await assert.rejects(
      listCourses(kv),
      /Cannot read \["course_heads","onboarding"\]/,
    );
  }));

Deno.test("a version with a missing chunk is an error, not partial content", () =>
  withKv(async (kv) => {
    await importCourse(kv, "onboarding", "h1", bigCourse(200_000, "丙"), t0);
    const [first] = await Array.fromAsync(
      kv.list({ prefix: ["course_chunks", "onboarding"] }, { limit: 1 }),
    );
    await kv.delete(first.key);
    await assert.rejects(
      getVersion(kv, "onboarding", 1),
      /Cannot read \["course_chunks"/,
    );
  }));
