import assert from "node:assert/strict";
import { readMany, readOne } from "./coalesced_reads.ts";

Deno.test("readMany() answers each caller its own keys, in order, as getMany would", async () => {
  using kv = await Deno.openKv(":memory:");
  for (let i = 0; i < 30; i++) await kv.set(["n", i], i * 10);
  const asks = Array.from(
    { length: 30 },
    (_, i) =>
      i % 3 === 0
        ? [["n", i], ["missing", i]]
        : i % 3 === 1
        ? [["n", i]]
        : [["n", i], ["n", (i + 1) % 30], ["n", (i + 2) % 30]],
  );
  const answers = await Promise.all(asks.map((keys) => readMany(kv, keys)));
  for (const [i, keys] of asks.entries()) {
    const expected = await kv.getMany(keys);
    assert.deepEqual(
      answers[i].map((e) => [e.key, e.value, e.versionstamp]),
      expected.map((e) => [e.key, e.value, e.versionstamp]),
      `caller ${i}`,
    );
  }
});

Deno.test("readOne() sees writes committed before it was asked: nothing is cached", async () => {
  using kv = await Deno.openKv(":memory:");
  await kv.set(["k"], 1);
  assert.equal((await readOne(kv, ["k"])).value, 1);
  await kv.set(["k"], 2);
  assert.equal((await readOne(kv, ["k"])).value, 2);
  await kv.delete(["k"]);
  assert.equal((await readOne(kv, ["k"])).versionstamp, null);
});

Deno.test("a bad key fails only its own read, not the reads it travelled with", async () => {
  using kv = await Deno.openKv(":memory:");
  await kv.set(["ok"], "yes");
  const tooLong = ["x".repeat(5000)];
  // The first two go out at once (two calls may be in flight); the rest
  // wait and travel together, the bad key among them.
  const results = await Promise.allSettled([
    readOne(kv, ["ok"]),
    readOne(kv, ["ok"]),
    readOne(kv, ["ok"]),
    readOne(kv, tooLong),
    readOne(kv, ["ok"]),
  ]);
  assert.equal(results[3].status, "rejected");
  for (const i of [0, 1, 2, 4]) {
    const r = results[i];
    assert.ok(r.status === "fulfilled" && r.value.value === "yes", `read ${i}`);
  }
});

Deno.test("readMany() refuses more than KV's ten keys per read", async () => {
  using kv = await Deno.openKv(":memory:");
  assert.throws(
    () => readMany(kv, Array.from({ length: 11 }, (_, i) => ["k", i])),
    RangeError,
  );
});
