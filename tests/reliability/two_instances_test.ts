/**
 * Two instances on one KV file behind a round-robin client: every request
 * of a learner goes to the other instance than the one before. 100 learners
 * write (quiz submissions, scenario turns, drill answers) for at least 10 s.
 * No answer may be a 5xx (a locked database is retried, not reported), and
 * every acknowledged write must be in the store once, whole.
 */
import assert from "node:assert/strict";
import { audit, report, settings, withLearnerCluster } from "./harness.ts";

Deno.test({
  name:
    "two instances, one KV file: concurrent writers get no 5xx and lose or double nothing",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  await withLearnerCluster("two", {
    instances: 2,
    learners: settings.learners,
  }, async ({ kvPath, cluster, clients, tally }) => {
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
  });
});
