// One "instance" starting on a KV file: opens the store as the app does,
// says "ready", waits for a line on stdin (so two of them start together),
// runs the start-up rollup check and prints what it did as JSON.
import { openStore } from "@/lib/db/kv.ts";
import { ensureRollups } from "@/lib/evaluation/rebuild.ts";

const kv = await openStore(Deno.args[0]);
console.log("ready");
const reader = Deno.stdin.readable.getReader();
await reader.read();
const result = await ensureRollups(kv, { ttlMs: 30_000, pollMs: 20 });
console.log(JSON.stringify({ rebuilt: result }));
kv.close();
