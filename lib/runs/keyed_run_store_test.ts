import assert from "node:assert/strict";
import { z } from "zod";
import { NotFoundError } from "@/lib/errors.ts";
import {
  foldScore,
  type Progress,
  readProgress,
} from "@/lib/evidence/progress_store.ts";
import { keyedRunStore } from "./keyed_run_store.ts";

const NOW = new Date("2026-03-10T02:00:00Z");
const Tally = z.object({
  id: z.string(),
  learnerId: z.string(),
  courseId: z.string(),
  drillId: z.string(),
  steps: z.array(z.number()),
});
type Tally = z.infer<typeof Tally>;

const store = keyedRunStore<Tally>({
  runs: "t_runs",
  byLearner: "t_runs_by_learner",
  stepKey: (run, key) => ["t_steps", run.id, key],
  schema: Tally,
  activityOf: (run) => run.drillId,
  notFound: (id) => new NotFoundError(`tally ${id}`),
});

const tally = (id: string, learnerId = "l1", drillId = "d1"): Tally => ({
  id,
  learnerId,
  courseId: "c1",
  drillId,
  steps: [],
});

/** A step that adds `n`; 13 is refused, 0 finishes with a rollup. */
const add =
  (n: number) => (run: Tally, _op: Deno.AtomicOperation, p: Progress) => {
    if (n === 13) throw new RangeError("13 is refused");
    const next = { ...run, steps: [...run.steps, n] };
    if (n !== 0) {
      return { run: next, progress: null, stepValue: next.steps.length };
    }
    p.drills[run.drillId] = foldScore(p.drills[run.drillId], 90, true, NOW);
    return { run: next, progress: p };
  };

Deno.test("keyed runs: get is the learner's own; lists are newest first per activity and per course", async () => {
  using kv = await Deno.openKv(":memory:");
  await store.create(kv, tally("01A"));
  await store.create(kv, tally("01B"));
  await store.create(kv, tally("01C", "l1", "d2"));
  await store.create(kv, tally("01D", "l2"));
  assert.equal((await store.get(kv, "l1", "01A")).id, "01A");
  // Someone else's run and a missing one look the same.
  await assert.rejects(() => store.get(kv, "l2", "01A"), NotFoundError);
  await assert.rejects(() => store.get(kv, "l1", "01Z"), NotFoundError);
  await assert.rejects(() => store.create(kv, tally("01A")), /taken/);
  assert.deepEqual(
    (await store.list(kv, "l1", "c1", "d1")).map((r) => r.id),
    ["01B", "01A"],
  );
  assert.deepEqual(
    (await store.listOfCourse(kv, "l1", "c1")).map((r) => r.id).sort(),
    ["01A", "01B", "01C"],
  );
  assert.deepEqual(await store.list(kv, "l2", "c1", "d2"), []);
  // A corrupt record fails loudly, naming its key.
  await kv.set(["t_runs", "01B"], { id: 3 });
  await assert.rejects(
    () => store.get(kv, "l1", "01B"),
    /Cannot read \["t_runs","01B"\]/,
  );
});

Deno.test("keyed runs: a step applies once per key; a refusal writes nothing; a rollup lands with it", async () => {
  using kv = await Deno.openKv(":memory:");
  await store.create(kv, tally("01A"));
  const step = (key: string, n: number, learnerId = "l1") =>
    store.step(
      kv,
      { learnerId, runId: "01A", idempotencyKey: key, now: NOW },
      add(n),
    );
  assert.deepEqual(await step("k1", 5), {
    run: { ...tally("01A"), steps: [5] },
    stored: true,
  });
  // The same key again: the run as stored, nothing applied.
  const again = await step("k1", 7);
  assert.deepEqual(again, {
    run: { ...tally("01A"), steps: [5] },
    stored: false,
  });
  assert.equal((await kv.get(["t_steps", "01A", "k1"])).value, 1);
  // A refused input throws and leaves no key behind: a retry may apply.
  await assert.rejects(() => step("k2", 13), RangeError);
  assert.equal((await kv.get(["t_steps", "01A", "k2"])).versionstamp, null);
  assert.deepEqual((await store.get(kv, "l1", "01A")).steps, [5]);
  // Another learner cannot step this run.
  await assert.rejects(() => step("k3", 1, "l2"), NotFoundError);
  // Concurrent steps under different keys all land, each once.
  await Promise.all([1, 2, 3, 4].map((n) => step(`c${n}`, n)));
  await Promise.all([1, 2, 3, 4].map((n) => step(`c${n}`, n)));
  assert.deepEqual(
    (await store.get(kv, "l1", "01A")).steps.slice(1).sort(),
    [1, 2, 3, 4],
  );
  // The finishing step writes the rollup in its commit.
  assert.equal(
    (await readProgress(kv, "l1", "c1", NOW)).progress.drills.d1,
    undefined,
  );
  await step("fin", 0);
  assert.equal(
    (await readProgress(kv, "l1", "c1", NOW)).progress.drills.d1.best,
    90,
  );
});

Deno.test("keyed runs: apply may decline (null): the run comes back unchanged and no key is kept", async () => {
  using kv = await Deno.openKv(":memory:");
  await store.create(kv, tally("01A"));
  const out = await store.step(
    kv,
    { learnerId: "l1", runId: "01A", idempotencyKey: "k", now: NOW },
    () => null,
  );
  assert.deepEqual(out, { run: tally("01A"), stored: false });
  assert.equal((await kv.get(["t_steps", "01A", "k"])).versionstamp, null);
});
