/**
 * The platform's signing keys. The current key signs new certificates and
 * status lists; every key ever used stays listed (public half only once
 * retired) so the controller document keeps old certificates verifiable
 * after a rotation. A key named by the environment (SA_ISSUER_KEY,
 * SA_ISSUER_KEY_FILE) becomes current and its secret is never written to
 * the store. Only this module reads or writes these keys:
 *
 * | key                                   | value                              |
 * | ------------------------------------- | ---------------------------------- |
 * | ["issuer_keys", createdAtMs, pubKey]  | StoredKey (secret only if current) |
 * | ["issuer_key_current"]                | { publicKeyMultibase, createdAtMs } |
 */
import { z } from "zod";
import { decodeStored } from "@/lib/db/decode.ts";
import {
  generateKeyMaterial,
  type KeyMaterial,
  KeyMaterialSchema,
} from "./issuer_key.ts";

const keysPrefix = ["issuer_keys"];
const keyKey = (createdAtMs: number, pub: string) => [
  ...keysPrefix,
  createdAtMs,
  pub,
];
const currentKey = ["issuer_key_current"];

const StoredKeySchema = KeyMaterialSchema.extend({
  createdAt: z.date(),
  source: z.enum(["store", "env"]),
});
type StoredKey = z.infer<typeof StoredKeySchema>;

const CurrentSchema = z.object({
  publicKeyMultibase: z.string(),
  createdAtMs: z.number(),
});

/** At most this many keys are listed (a rotation a month for 40 years). */
const MAX_KEYS = 500;

/**
 * The key to sign with. With `envKey` (production) that key, recorded as
 * current; otherwise the stored current key, generated on first use.
 */
export async function signingKey(
  kv: Deno.Kv,
  now: Date,
  envKey: Required<KeyMaterial> | null,
): Promise<Required<KeyMaterial>> {
  for (let tries = 0; tries < 5; tries++) {
    const current = await kv.get(currentKey);
    const cur = current.value === null
      ? null
      : decodeStored(CurrentSchema, currentKey, current.value);
    if (envKey) {
      if (cur?.publicKeyMultibase === envKey.publicKeyMultibase) return envKey;
      if (
        await makeCurrent(kv, current, cur, { ...envKey, source: "env" }, now)
      ) {
        return envKey;
      }
      continue;
    }
    if (cur) {
      const k = keyKey(cur.createdAtMs, cur.publicKeyMultibase);
      const stored = await kv.get(k);
      const key = decodeStored(StoredKeySchema, k, stored.value);
      if (key.secretKeyMultibase) {
        return {
          publicKeyMultibase: key.publicKeyMultibase,
          secretKeyMultibase: key.secretKeyMultibase,
        };
      }
      // The current key came from the environment, which is now unset:
      // start a store key rather than sign with nothing.
    }
    const fresh = await generateKeyMaterial();
    if (
      await makeCurrent(kv, current, cur, { ...fresh, source: "store" }, now)
    ) {
      return fresh;
    }
  }
  throw new Error("Cannot settle the current signing key (concurrent changes)");
}

/**
 * Replaces the current key with a new one; the old key keeps its public half
 * only. Returns the new public key.
 */
export async function rotateSigningKey(
  kv: Deno.Kv,
  now: Date,
): Promise<string> {
  const current = await kv.get(currentKey);
  const cur = current.value === null
    ? null
    : decodeStored(CurrentSchema, currentKey, current.value);
  const fresh = await generateKeyMaterial();
  if (
    !(await makeCurrent(kv, current, cur, { ...fresh, source: "store" }, now))
  ) {
    throw new Error("The signing key changed while rotating; try again");
  }
  return fresh.publicKeyMultibase;
}

/** Every public key the platform has signed with, oldest first. */
export async function publishedKeys(kv: Deno.Kv): Promise<string[]> {
  const out: string[] = [];
  for await (const e of kv.list({ prefix: keysPrefix }, { limit: MAX_KEYS })) {
    out.push(decodeStored(StoredKeySchema, e.key, e.value).publicKeyMultibase);
  }
  return out;
}

async function makeCurrent(
  kv: Deno.Kv,
  current: Deno.KvEntryMaybe<unknown>,
  cur: z.infer<typeof CurrentSchema> | null,
  next: StoredKey | (Required<KeyMaterial> & { source: StoredKey["source"] }),
  now: Date,
): Promise<boolean> {
  const createdAtMs = now.getTime();
  const stored: StoredKey = StoredKeySchema.parse({
    publicKeyMultibase: next.publicKeyMultibase,
    // An environment key's secret stays in the environment.
    secretKeyMultibase: next.source === "store"
      ? next.secretKeyMultibase
      : undefined,
    createdAt: now,
    source: next.source,
  });
  const op = kv.atomic().check(current)
    .set(keyKey(createdAtMs, stored.publicKeyMultibase), stored)
    .set(currentKey, {
      publicKeyMultibase: stored.publicKeyMultibase,
      createdAtMs,
    });
  if (cur) {
    const oldKey = keyKey(cur.createdAtMs, cur.publicKeyMultibase);
    const old = await kv.get(oldKey);
    if (old.value !== null) {
      const o = decodeStored(StoredKeySchema, oldKey, old.value);
      // Retired: the public half stays published, the secret is dropped.
      op.check(old).set(oldKey, { ...o, secretKeyMultibase: undefined });
    }
  }
  return (await op.commit()).ok;
}
