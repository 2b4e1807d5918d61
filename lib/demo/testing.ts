/**
 * The store the demo seeds' tests start from. Test-only: no module of the
 * app imports it.
 *
 * @module
 */
import { importContent } from "@/lib/authoring/course_import.ts";
import { seedDemo } from "@/lib/identity/demo/demo_seed.ts";

/**
 * A test of a demo seed on a fresh in-memory store with the bundled content
 * imported and the demo accounts, teams and cohorts seeded (fast hashes)
 * at `now` (the real clock: the seeds place cohorts relative to today).
 * The content import leaves timers and files behind, so the sanitizers are
 * off; the store is closed afterwards.
 */
export function demoTest(
  name: string,
  fn: (kv: Deno.Kv, now: Date) => Promise<void>,
): void {
  Deno.test({
    name,
    sanitizeResources: false,
    sanitizeOps: false,
    async fn() {
      using kv = await Deno.openKv(":memory:");
      const now = new Date();
      await importContent(kv, now);
      await seedDemo(kv, now, { iterations: 1000 });
      await fn(kv, now);
    },
  });
}
