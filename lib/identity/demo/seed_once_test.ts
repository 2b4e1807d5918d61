import assert from "node:assert/strict";
import { seedOnce } from "./seed_once.ts";

const NOW = new Date("2026-03-10T02:00:00Z");

Deno.test("seedOnce() seeds once and records when", async () => {
  using kv = await Deno.openKv(":memory:");
  let runs = 0;
  const seed = () => {
    runs++;
    return Promise.resolve();
  };
  assert.equal(await seedOnce(kv, "x", NOW, seed), true);
  assert.equal(await seedOnce(kv, "x", NOW, seed), false);
  assert.equal(runs, 1);
  assert.deepEqual((await kv.get(["demo_seeds", "x"])).value, NOW);
});

Deno.test("seedOnce() leaves no marker when the seed could not run or threw", async () => {
  using kv = await Deno.openKv(":memory:");
  assert.equal(
    await seedOnce(kv, "x", NOW, () => Promise.resolve(false)),
    false,
  );
  await assert.rejects(() =>
    seedOnce(kv, "x", NOW, () => Promise.reject(new Error("cut short")))
  );
  assert.equal((await kv.get(["demo_seeds", "x"])).versionstamp, null);
  assert.equal(await seedOnce(kv, "x", NOW, () => Promise.resolve()), true);
});
