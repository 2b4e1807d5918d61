/**
 * Rotates the platform's signing key in the store (`SA_KV_PATH` /
 * `SA_KV_URL`): a new Ed25519 key signs from now on; the old public key
 * stays in the controller document (/issuer) so earlier certificates keep
 * verifying. With SA_ISSUER_KEY set, change that variable instead.
 *
 *   deno run -A --unstable-kv scripts/rotate_issuer_key.ts
 */
import { rotateSigningKey } from "@/lib/certification/issuer_key_store.ts";
import { openStore } from "@/lib/db/kv.ts";

const kv = await openStore();
const key = await rotateSigningKey(kv, new Date());
console.log(`New signing key: ${key} (earlier keys stay published at /issuer)`);
kv.close();
