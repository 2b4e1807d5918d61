/**
 * Start-up does only what it must before listening: a second start on the
 * same store with the same content imports nothing, and a production start
 * seeds no demo data.
 */
import assert from "node:assert/strict";
import { startServer } from "./server.ts";

Deno.test({
  name:
    "start-up imports content on the first start only, and seeds no demo data in production",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const dir = await Deno.makeTempDir({ prefix: "sa-start-" });
  const kvPath = `${dir}/academy.kv`;
  const env = { SA_CONTENT_DIR: "tests/fixtures/content", SA_PRODUCTION: "1" };
  const first = await startServer({ kvPath, env });
  await first.stop();
  assert.match(first.output(), /Course "demo" version 1 imported/);
  assert.doesNotMatch(first.output(), /Demo accounts/);

  const second = await startServer({ kvPath, env });
  const res = await fetch(second.origin + "/login");
  await res.body?.cancel();
  await second.stop();
  assert.equal(res.status, 200);
  assert.match(
    second.output(),
    /Content unchanged \([0-9a-f]{12}\): not imported/,
  );
  assert.doesNotMatch(second.output(), /version \d+ imported/);
  await Deno.remove(dir, { recursive: true });
});
