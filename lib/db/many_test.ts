import assert from "node:assert/strict";
import { getAll } from "./many.ts";

Deno.test("getAll() reads more than KV's ten keys per call, in order, missing ones included", async () => {
  using kv = await Deno.openKv(":memory:");
  for (let i = 0; i < 25; i++) if (i % 4 !== 0) await kv.set(["n", i], i);
  const keys = Array.from({ length: 25 }, (_, i) => ["n", i]);
  await assert.rejects(() => kv.getMany(keys), /Too many ranges/);
  const entries = await getAll<number>(kv, keys);
  assert.equal(entries.length, 25);
  for (const [i, e] of entries.entries()) {
    assert.deepEqual(e.key, ["n", i]);
    assert.equal(e.value, i % 4 === 0 ? null : i);
    assert.equal(e.versionstamp === null, i % 4 === 0);
  }
});

Deno.test("getAll() of no keys or of exactly ten answers like getMany", async () => {
  using kv = await Deno.openKv(":memory:");
  assert.deepEqual(await getAll(kv, []), []);
  for (let i = 0; i < 10; i++) await kv.set(["n", i], i);
  const keys = Array.from({ length: 10 }, (_, i) => ["n", i]);
  assert.deepEqual(
    (await getAll(kv, keys)).map((e) => e.value),
    (await kv.getMany(keys)).map((e) => e.value),
  );
});

Deno.test("no store module calls kv.getMany directly: every many-key read is batched", async () => {
  const offenders: string[] = [];
  const walk = async (dir: string) => {
    for await (const e of Deno.readDir(dir)) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory) await walk(path);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith("_test.ts")) {
        const text = await Deno.readTextFile(path);
        if (/\.getMany\s*[<(]/.test(text) && !path.includes("lib/db/")) {
          offenders.push(path);
        }
      }
    }
  };
  const root = new URL("../../", import.meta.url).pathname;
  for (const d of ["lib", "routes", "components", "islands"]) {
    await walk(root + d);
  }
  assert.deepEqual(offenders, [], "use getAll() from lib/db/many.ts");
});
