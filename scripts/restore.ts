/**
 * `deno task restore <file> [--force]`: loads a backup into the store
 * (SA_KV_PATH, default ./data/academy.kv). Refuses a store that holds
 * entries unless --force, which replaces its contents. Stop the app first.
 */
import { restoreStore } from "@/lib/db/backup.ts";
import { kvLocation } from "@/lib/db/kv.ts";

const file = Deno.args.find((a) => !a.startsWith("--"));
const force = Deno.args.includes("--force");
if (!file) {
  console.error("Usage: deno task restore <backup.jsonl> [--force]");
  Deno.exit(2);
}
const location = kvLocation();
try {
  const started = performance.now();
  const r = await restoreStore(location, file, { force });
  console.log(
    `Restored ${r.entries} entries from ${file} into ${location} (${r.expired} expired meanwhile, skipped) in ${
      Math.round(performance.now() - started)
    } ms`,
  );
} catch (e) {
  console.error(`Restore failed: ${e instanceof Error ? e.message : e}`);
  Deno.exit(1);
}
