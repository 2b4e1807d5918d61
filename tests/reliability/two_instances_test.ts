/**
 * Two instances on one KV file behind a round-robin client: every request
 * of a learner goes to the other instance than the one before. 100 learners
 * write (quiz submissions, scenario turns, drill answers) for at least 10 s.
 * No answer may be a 5xx (a locked database is retried, not reported), and
 * every acknowledged write must be in the store once, whole.
 */
import assert from "node:assert/strict";
import {
  audit,
  Cluster,
  LearnerClient,
  report,
  seedLearners,
  settings,
  Tally,
  unlimitedContent,
} from "./harness.ts";

Deno.test({
  name:
    "two instances, one KV file: concurrent writers get no 5xx and lose or double nothing",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const dir = await Deno.makeTempDir({ prefix: "sa-rel-two-" });
  const kvPath = `${dir}/academy.kv`;
  const content = await unlimitedContent();
  const cluster = new Cluster(kvPath, {
    SA_CONTENT_DIR: content,
    SA_PRODUCTION: "1",
  });
  try {
    await cluster.start(2);
    const learners = await seedLearners(kvPath, settings.learners, "two");
    const tally = new Tally();
    const clients = learners.map((l) => new LearnerClient(l, cluster, tally));
    const until = performance.now() + settings.seconds * 1000;
    const started = performance.now();
    await Promise.all(clients.map(async (c) => {
      while (performance.now() < until) await c.round();
    }));
    const took = (performance.now() - started) / 1000;
    await cluster.stop();
    const result = await audit(kvPath, clients);
    console.log(
      report(
        `two instances round robin, ${took.toFixed(1)} s`,
        tally,
        result,
      ),
    );
    for (const d of result.details) console.log(`  ${d}`);
    assert.deepEqual(tally.errorSamples, [], "no 5xx");
    assert.equal(tally.serverErrors, 0);
    assert.deepEqual(tally.unexpected.slice(0, 10), []);
    assert.ok(tally.acked.quiz >= settings.learners, "every learner wrote");
    assert.equal(result.lost, 0);
    assert.equal(result.duplicated, 0);
    assert.equal(result.halfWritten, 0);
  } finally {
    await cluster.stop();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
    await Deno.remove(content, { recursive: true }).catch(() => {});
  }
});
