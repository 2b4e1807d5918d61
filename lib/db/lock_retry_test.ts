import assert from "node:assert/strict";
import {
  isLockError,
  type LockRetryPolicy,
  retryWritesOnLock,
  withLockRetry,
} from "./lock_retry.ts";

const locked = () => new Error("database is locked");

Deno.test("withLockRetry() retries a locked write until it lands", async () => {
  let calls = 0;
  const value = await withLockRetry(() => {
    calls++;
    return calls < 4 ? Promise.reject(locked()) : Promise.resolve("done");
  });
  assert.equal(value, "done");
  assert.equal(calls, 4);
});

Deno.test("withLockRetry() passes other errors through at once", async () => {
  let calls = 0;
  await assert.rejects(
    () =>
      withLockRetry(() => {
        calls++;
        return Promise.reject(new TypeError("Value too large"));
      }),
    TypeError,
  );
  assert.equal(calls, 1);
});

Deno.test("withLockRetry() gives up with the lock error when its budget is spent", async () => {
  const policy: LockRetryPolicy = { budgetMs: 60, baseMs: 2, capMs: 10 };
  let calls = 0;
  const started = performance.now();
  await assert.rejects(
    () =>
      withLockRetry(() => {
        calls++;
        return Promise.reject(locked());
      }, policy),
    (e) => isLockError(e),
  );
  const took = performance.now() - started;
  assert.ok(calls > 2, `retried (${calls} calls)`);
  assert.ok(took >= 60 && took < 1000, `bounded by the budget (${took} ms)`);
});

Deno.test({
  name:
    "two processes on one KV file: wrapped writes all land once while raw ones meet the lock",
  sanitizeResources: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "sa-lock-" });
    const path = `${dir}/store.kv`;
    // Create the file first so the two processes do not race to migrate it.
    (await Deno.openKv(path)).close();
    const child = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        "--unstable-kv",
        new URL("./testdata/hammer.ts", import.meta.url).pathname,
        path,
        "2500",
      ],
      stdout: "piped",
      stderr: "inherit",
    }).spawn();
    const reader = child.stdout.pipeThrough(new TextDecoderStream())
      .getReader();
    assert.match((await reader.read()).value ?? "", /ready/);
    reader.releaseLock();
    const raw = await Deno.openKv(path);
    const kv = retryWritesOnLock(await Deno.openKv(path));
    let rawLocked = 0;
    let acknowledged = 0;
    const until = Date.now() + 1500;
    await Promise.all(Array.from({ length: 20 }, async (_, w) => {
      for (let i = 0; Date.now() < until; i++) {
        try {
          const key = ["raw", w, i];
          await raw.atomic().check({ key, versionstamp: null }).set(key, i)
            .commit();
        } catch (e) {
          if (isLockError(e)) rawLocked++;
          else throw e;
        }
        const key = ["wrapped", w, i];
        const res = await kv.atomic()
          .check({ key, versionstamp: null })
          .set(key, i)
          .sum(["wrapped_count"], 1n)
          .commit();
        assert.ok(res.ok);
        acknowledged++;
      }
    }));
    await child.stdout.cancel().catch(() => {});
    await child.status;
    const stored = await Array.fromAsync(kv.list({ prefix: ["wrapped"] }));
    const count = (await kv.get<Deno.KvU64>(["wrapped_count"])).value!.value;
    raw.close();
    kv.close();
    await Deno.remove(dir, { recursive: true });
    console.log(
      `lock retry: ${acknowledged} wrapped commits, all stored; raw commits that met the lock: ${rawLocked}`,
    );
    assert.ok(rawLocked > 0, "the load really met the lock");
    assert.equal(stored.length, acknowledged);
    assert.equal(count, BigInt(acknowledged), "no commit applied twice");
  },
});
