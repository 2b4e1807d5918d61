/**
 * `deno task backup [file]`: writes the whole store (SA_KV_PATH, default
 * ./data/academy.kv) to a JSON Lines file (default
 * ./backups/academy-<time>.jsonl), consistent even while the app writes.
 */
import { backupStore } from "@/lib/db/backup.ts";
import { kvLocation } from "@/lib/db/kv.ts";

const location = kvLocation();
const out = Deno.args[0] ??
  `./backups/academy-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl`;
try {
  const started = performance.now();
  const r = await backupStore(location, out);
  console.log(
    `Backed up ${r.entries} entries of ${location} to ${out} (${
      (r.bytes / 1024).toFixed(1)
    } KiB, ${r.expired} about to expire left out) in ${
      Math.round(performance.now() - started)
    } ms`,
  );
} catch (e) {
  console.error(`Backup failed: ${e instanceof Error ? e.message : e}`);
  Deno.exit(1);
}
