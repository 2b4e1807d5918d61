import assert from "node:assert/strict";
import type { Statement } from "@/lib/evidence/statement.ts";
import { addStatement } from "@/lib/evidence/statement_store.ts";
import { ROLLUP_ROOT, TEXT_ROOT } from "@/lib/evidence/rollup.ts";
import { rollupSnapshot as snapshot } from "./fixtures.ts";
import {
  ensureRollups,
  LEASE_KEY,
  leaseGuard,
  LeaseLostError,
  rebuildRollups,
  ROLLUP_LAYOUT,
} from "./rebuild.ts";
import * as build from "./testing.ts";

/** `count` statements of 30 learners in two cohorts, reproducibly. */
function events(count: number): Statement[] {
  const rnd = build.seeded(16_003);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: Statement[] = [];
  let t = Date.UTC(2026, 8, 1);
  for (let i = 0; i < count; i++) {
    t += 60_000;
    const at = new Date(t);
    const l = `u${Math.floor(rnd() * 30)}`;
    const c = `c${Number(l.slice(1)) % 2}`;
    const r = rnd();
    if (r < 0.5) {
      const [path, m] = pick(
        [
          ["modules/basics/quiz", "basics"],
          ["exams/pretest", "exam"],
          ["scenarios/late-parcel", "practice"],
        ] as const,
      );
      out.push(
        build.scoreStatement(l, c, path, m, Math.floor(rnd() * 101), at),
      );
    } else if (r < 0.7) {
      out.push(build.qaStatement(l, c, "t1", {
        percent: Math.round(rnd() * 100),
        passed: rnd() < 0.5,
        checkpoint: pick(["d30", "d60", "d90"]),
        scored: ["opening"],
        missed: rnd() < 0.5 ? ["opening"] : [],
        breached: [],
      }, at));
    } else if (r < 0.8) {
      out.push(build.driverStatement(l, c, "t1", "coaching", at));
    } else if (r < 0.9) {
      // A new response each time (an edit would carry the previous answers).
      out.push(
        build.surveyStatement(
          `s${i}`,
          c,
          "reaction-basics",
          {
            q1: 1 + Math.floor(rnd() * 5),
            note: `comment ${i}`,
          },
          null,
          at,
        ),
      );
    } else {
      out.push(
        build.kpiStatement(
          l,
          c,
          "t1",
          `2026-${10 + (i % 3)}`,
          {
            frt: Math.round(rnd() * 600) / 10,
          },
          null,
          at,
        ),
      );
    }
  }
  return out;
}

async function writeAll(kv: Deno.Kv, statements: Statement[]): Promise<void> {
  for (let i = 0; i < statements.length; i += 20) {
    const op = kv.atomic();
    for (const s of statements.slice(i, i + 20)) {
      addStatement(op, s, new Date(s.timestamp));
    }
    assert.ok((await op.commit()).ok);
  }
}

/** Starts the instance script on `path`; resolves once it said "ready". */
async function startInstance(path: string) {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--unstable-kv",
      new URL("./testdata/ensure_rollups.ts", import.meta.url).pathname,
      path,
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const lines = child.stdout.pipeThrough(new TextDecoderStream())
    .getReader();
  let buffered = "";
  while (!buffered.includes("ready\n")) {
    const { value, done } = await lines.read();
    if (done) throw new Error("instance exited before it was ready");
    buffered += value;
  }
  return {
    go: async () => {
      const w = child.stdin.getWriter();
      await w.write(new TextEncoder().encode("go\n"));
      await w.close();
    },
    result: async () => {
      for (;;) {
        const { value, done } = await lines.read();
        if (done) break;
        buffered += value;
      }
      const status = await child.status;
      assert.equal(status.code, 0, `instance failed:\n${buffered}`);
      const last = buffered.trim().split("\n").at(-1)!;
      return JSON.parse(last) as {
        rebuilt: { statements: number; counters: number } | null;
      };
    },
  };
}

Deno.test({
  name:
    "two instances starting together on one KV file: one rebuilds, the other waits, rollups equal a single rebuild",
  sanitizeResources: false,
  async fn() {
    const statements = events(3000);
    // The reference: the same statements, one rebuild, in memory.
    using reference = await Deno.openKv(":memory:");
    await writeAll(reference, statements);
    await rebuildRollups(reference);
    const expected = await snapshot(reference);
    assert.ok(expected.size > 500, `only ${expected.size} rollup keys`);

    // The file: statements written, rollups gone (as before the evaluator),
    // so both instances find the layout marker missing.
    const dir = await Deno.makeTempDir({ prefix: "sa-rebuild-race-" });
    const path = `${dir}/store.kv`;
    try {
      {
        using kv = await Deno.openKv(path);
        await writeAll(kv, statements);
        for await (const e of kv.list({ prefix: [ROLLUP_ROOT] })) {
          await kv.delete(e.key);
        }
        for await (const e of kv.list({ prefix: [TEXT_ROOT] })) {
          await kv.delete(e.key);
        }
      }
      const a = await startInstance(path);
      const b = await startInstance(path);
      await Promise.all([a.go(), b.go()]);
      const results = await Promise.all([a.result(), b.result()]);

      const rebuilds = results.filter((r) => r.rebuilt !== null);
      assert.equal(rebuilds.length, 1, JSON.stringify(results));
      assert.equal(rebuilds[0].rebuilt!.statements, 3000);

      using kv = await Deno.openKv(path);
      const got = await snapshot(kv);
      const missing = [...expected.keys()].filter((k) => !got.has(k));
      const extra = [...got.keys()].filter((k) => !expected.has(k));
      const differ = [...expected].filter(([k, v]) =>
        got.has(k) && got.get(k) !== v
      );
      assert.deepEqual(
        {
          missing: missing.slice(0, 5),
          extra: extra.slice(0, 5),
          differ: differ.slice(0, 5),
        },
        { missing: [], extra: [], differ: [] },
      );
      assert.equal(got.size, expected.size);
      assert.equal(
        (await kv.get(["ev_meta", "layout"])).value,
        ROLLUP_LAYOUT,
      );
      assert.equal((await kv.get(LEASE_KEY)).value, null);
    } finally {
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    }
  },
});

Deno.test("ensureRollups waits while another instance holds the lease, then takes a lapsed one over", async () => {
  using kv = await Deno.openKv(":memory:");
  await writeAll(kv, events(200));
  // Another instance took the lease and died: it lapses in 300 ms.
  await kv.set(LEASE_KEY, Date.now() + 300);
  const started = performance.now();
  const result = await ensureRollups(kv, { ttlMs: 10_000, pollMs: 20 });
  const waited = performance.now() - started;
  assert.ok(waited >= 280, `did not wait for the lease (${waited} ms)`);
  assert.equal(result?.statements, 200);
  assert.equal((await kv.get(["ev_meta", "layout"])).value, ROLLUP_LAYOUT);
  assert.equal((await kv.get(LEASE_KEY)).value, null);
  // Current now: the next start does nothing.
  assert.equal(await ensureRollups(kv), null);
});

Deno.test("a rebuild whose lease was taken over stops at its next commit and leaves the rollups alone", async () => {
  using kv = await Deno.openKv(":memory:");
  await writeAll(kv, events(1200));
  const before = await snapshot(kv);
  const mine = await kv.set(LEASE_KEY, Date.now() + 10_000);
  const guard = leaseGuard(kv, mine.versionstamp, 10_000);
  // Another instance took it over (ours had lapsed while we were stalled).
  await kv.set(LEASE_KEY, Date.now() + 10_000);
  await assert.rejects(() => rebuildRollups(kv, guard), LeaseLostError);
  assert.deepEqual(await snapshot(kv), before);
  // The rightful holder's lease is untouched.
  assert.notEqual((await kv.get(LEASE_KEY)).versionstamp, mine.versionstamp);
});
