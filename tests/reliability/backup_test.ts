/**
 * Backup and restore, through the tasks themselves (`deno task backup`,
 * `deno task restore`): a round trip gives the same store key by key; a
 * restore refuses a store with entries unless told (--force); and a backup
 * taken while learners write is one moment of the store: restored, every
 * learner's records, statements and rollups agree.
 */
import assert from "node:assert/strict";
import { ROOT } from "../server.ts";
import { Cluster, halfWritten, withLearnerCluster } from "./harness.ts";
import { validateStore } from "./store_schemas.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };

async function task(
  name: "backup" | "restore",
  kvPath: string,
  args: string[],
): Promise<{ code: number; out: string }> {
  const r = await new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", name, ...args],
    cwd: ROOT,
    env: { SA_KV_PATH: kvPath, NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: r.code, out: dec.decode(r.stdout) + dec.decode(r.stderr) };
}

async function entries(kvPath: string) {
  using kv = await Deno.openKv(kvPath);
  return await Array.fromAsync(
    kv.list({ prefix: [] }),
    (e) => ({ key: e.key, value: e.value }),
  );
}

Deno.test({
  ...opts,
  name:
    "backup then restore gives the same store key by key; a store with entries is refused unless --force",
}, async () => {
  const dir = await Deno.makeTempDir({ prefix: "sa-rel-backup-" });
  const source = `${dir}/source.kv`;
  // A real store: the bundled courses, demo accounts and their progress
  // (over 1,000 entries, so more than one KV page).
  const cluster = new Cluster(source, {});
  try {
    await cluster.start(1);
    await cluster.stop();

    const file = `${dir}/backup.jsonl`;
    const backup = await task("backup", source, [file]);
    assert.equal(backup.code, 0, backup.out);
    const target = `${dir}/restored.kv`;
    const restore = await task("restore", target, [file]);
    assert.equal(restore.code, 0, restore.out);

    const before = await entries(source);
    const after = await entries(target);
    assert.ok(before.length > 1000, `a real store (${before.length} entries)`);
    assert.equal(after.length, before.length, "same number of entries");
    assert.deepStrictEqual(after, before, "same keys and values, in order");
    using kv = await Deno.openKv(target);
    const check = await validateStore(kv);
    assert.deepEqual(check.invalid, []);

    const again = await task("restore", target, [file]);
    assert.equal(again.code, 1, "a store with entries is refused");
    assert.match(again.out, /not empty/);
    const forced = await task("restore", target, [file, "--force"]);
    assert.equal(forced.code, 0, forced.out);
    assert.deepStrictEqual(await entries(target), before);

    const cut = `${dir}/cut.jsonl`;
    const text = await Deno.readTextFile(file);
    await Deno.writeTextFile(cut, text.slice(0, text.length / 2));
    const broken = await task("restore", `${dir}/empty.kv`, [cut]);
    assert.equal(broken.code, 1, "a cut-off backup is refused");
    console.log(
      `[reliability] backup round trip: ${before.length} entries, ${
        (text.length / 1024).toFixed(0)
      } KiB; restored identical key by key; non-empty store refused; cut-off file refused`,
    );
  } finally {
    await cluster.stop();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
});

Deno.test({
  ...opts,
  name:
    "a backup taken while learners write is consistent: restored, every record has its statement and rollup",
}, async () => {
  await withLearnerCluster("live", {
    instances: 2,
    learners: 40,
    kvFile: "source.kv",
  }, async ({ dir, kvPath: source, cluster, learners, clients, tally }) => {
    const players = clients;
    let stop = false;
    const play = Promise.all(players.map(async (p) => {
      while (!stop) await p.round();
    }));
    // Back up mid-run, twice, while the writes go on.
    const files: string[] = [];
    const acksAt: number[] = [];
    for (let i = 0; i < 2; i++) {
      await new Promise((r) => setTimeout(r, 1500));
      const file = `${dir}/live-${i}.jsonl`;
      acksAt.push(tally.acked.quiz + tally.acked.turns + tally.acked.drill);
      const b = await task("backup", source, [file]);
      assert.equal(b.code, 0, b.out);
      files.push(file);
    }
    stop = true;
    await play;
    await cluster.stop();
    assert.equal(tally.serverErrors, 0);

    const now = new Date();
    let broken: string[] = [];
    let records = 0;
    for (const [i, file] of files.entries()) {
      const target = `${dir}/restored-${i}.kv`;
      const r = await task("restore", target, [file]);
      assert.equal(r.code, 0, r.out);
      using kv = await Deno.openKv(target);
      for (const l of learners) {
        broken = broken.concat(await halfWritten(kv, l.id, now));
      }
      for await (const _ of kv.list({ prefix: ["statements"] })) records++;
      const check = await validateStore(kv);
      assert.deepEqual(check.invalid, []);
    }
    console.log(
      `[reliability] backup during writes: 2 backups taken after ${
        acksAt.join(" and ")
      } acknowledged writes (2 instances, 40 learners); restored: ${records} evidence statements, ${broken.length} records without their statement or rollup`,
    );
    assert.ok(acksAt[0] > 0, "writes were going on");
    assert.ok(records > 0, "the backups hold evidence");
    assert.deepEqual(broken.slice(0, 10), []);
  });
});
