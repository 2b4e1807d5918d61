/**
 * Crash: learners submit quiz answers, scenario turns and drill answers
 * concurrently while the server is killed with SIGKILL (three times by
 * default) and restarted on the same KV file. Clients resend a request whose
 * connection died, with the same idempotency key. Every acknowledged write
 * must be stored exactly once and whole (record, evidence statement,
 * progress rollup), and no answer may be a 5xx.
 */
import assert from "node:assert/strict";
import { audit, report, settings, withLearnerCluster } from "./harness.ts";

Deno.test({
  name: "crash: SIGKILLs mid-run lose no acknowledged write and duplicate none",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  await withLearnerCluster("crash", {
    instances: 1,
    learners: settings.learners,
  }, async ({ kvPath, cluster, clients, tally }) => {
    // Each round acknowledges four writes: a submission, two turns, an answer.
    const expected = settings.learners * settings.rounds * 4;
    const acked = () =>
      tally.acked.quiz + tally.acked.turns + tally.acked.drill;
    const killedAt: number[] = [];
    let done = false;
    const killer = (async () => {
      for (let k = 1; k <= settings.kills; k++) {
        const at = Math.floor((expected * k) / (settings.kills + 1));
        while (!done && acked() < at) {
          await new Promise((r) => setTimeout(r, 5));
        }
        if (done) return;
        killedAt.push(acked());
        await cluster.restart(0);
      }
    })();
    await Promise.all(clients.map(async (c, i) => {
      // Staggered starts, so kills land among requests in every stage.
      await new Promise((r) => setTimeout(r, i * 3));
      for (let r = 0; r < settings.rounds; r++) await c.round();
    }));
    done = true;
    await killer;
    await cluster.stop();
    const result = await audit(kvPath, clients);
    console.log(
      report(
        `crash, ${cluster.kills} SIGKILLs (after ${
          killedAt.join(", ")
        } of ${expected} acknowledged writes)`,
        tally,
        result,
      ),
    );
    for (const d of result.details) console.log(`  ${d}`);
    assert.equal(cluster.kills, settings.kills, "every kill landed mid-run");
    assert.ok(
      killedAt.every((n) => n > 0 && n < expected),
      `kills mid-run: ${killedAt}`,
    );
    assert.deepEqual(tally.errorSamples, [], "no 5xx");
    assert.deepEqual(tally.unexpected.slice(0, 10), []);
    assert.equal(acked(), expected, "every write was acknowledged in the end");
    assert.equal(result.lost, 0);
    assert.equal(result.duplicated, 0);
    assert.equal(result.halfWritten, 0);
  });
});
