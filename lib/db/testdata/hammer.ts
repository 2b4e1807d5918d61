// A second process writing to the same KV file as fast as it can, so a
// test in the first process meets SQLite's write lock. Args: path, ms.
const kv = await Deno.openKv(Deno.args[0]);
const until = Date.now() + Number(Deno.args[1]);
console.log("ready");
await Promise.all(Array.from({ length: 20 }, async (_, w) => {
  for (let i = 0; Date.now() < until; i++) {
    try {
      // A check makes the commit read before it writes, the case where
      // SQLite answers "locked" at once instead of waiting.
      const key = ["hammer", w, i];
      await kv.atomic().check({ key, versionstamp: null })
        .set(key, "x".repeat(200)).commit();
    } catch { /* the other side's lock: keep pushing */ }
  }
}));
kv.close();
