import assert from "node:assert/strict";
import { generateKeyMaterial, keyMaterialFromEnv } from "./issuer_key.ts";
import {
  publishedKeys,
  rotateSigningKey,
  signingKey,
} from "./issuer_key_store.ts";

const NOW = new Date("2026-12-07T08:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * 60_000);

Deno.test("the first use generates a key into the store and keeps using it", async () => {
  using kv = await Deno.openKv(":memory:");
  const first = await signingKey(kv, NOW, null);
  const again = await signingKey(kv, later(5), null);
  assert.deepEqual(again, first);
  assert.deepEqual(await publishedKeys(kv), [first.publicKeyMultibase]);
});

Deno.test("rotation signs with a new key and keeps the old one published without its secret", async () => {
  using kv = await Deno.openKv(":memory:");
  const first = await signingKey(kv, NOW, null);
  const nextPub = await rotateSigningKey(kv, later(1));
  const next = await signingKey(kv, later(2), null);
  assert.equal(next.publicKeyMultibase, nextPub);
  assert.notEqual(nextPub, first.publicKeyMultibase);
  assert.deepEqual(await publishedKeys(kv), [
    first.publicKeyMultibase,
    nextPub,
  ]);
  const stored = [];
  for await (const e of kv.list({ prefix: ["issuer_keys"] })) {
    stored.push(e.value);
  }
  assert.equal(
    JSON.stringify(stored).includes(first.secretKeyMultibase),
    false,
  );
});

Deno.test("an environment key becomes current and its secret is not stored", async () => {
  using kv = await Deno.openKv(":memory:");
  const storeKey = await signingKey(kv, NOW, null);
  const envKey = await generateKeyMaterial();
  const used = await signingKey(kv, later(1), envKey);
  assert.deepEqual(used, envKey);
  assert.deepEqual(await publishedKeys(kv), [
    storeKey.publicKeyMultibase,
    envKey.publicKeyMultibase,
  ]);
  const dump = [];
  for await (const e of kv.list({ prefix: [] })) dump.push(e.value);
  assert.equal(JSON.stringify(dump).includes(envKey.secretKeyMultibase), false);
});

Deno.test("SA_ISSUER_KEY: read from env or file; a mismatched pair is refused", async () => {
  const a = await generateKeyMaterial();
  const b = await generateKeyMaterial();
  const env = (vars: Record<string, string>) => ({
    get: (k: string) => vars[k],
  });
  assert.equal(await keyMaterialFromEnv(env({})), null);
  assert.deepEqual(
    await keyMaterialFromEnv(env({ SA_ISSUER_KEY: JSON.stringify(a) })),
    a,
  );
  assert.deepEqual(
    await keyMaterialFromEnv(
      env({ SA_ISSUER_KEY_FILE: "/run/secrets/key.json" }),
      (p) =>
        Promise.resolve(p === "/run/secrets/key.json" ? JSON.stringify(b) : ""),
    ),
    b,
  );
  await assert.rejects(
    () =>
      keyMaterialFromEnv(env({
        SA_ISSUER_KEY: JSON.stringify({
          publicKeyMultibase: a.publicKeyMultibase,
          secretKeyMultibase: b.secretKeyMultibase,
        }),
      })),
    /does not match/,
  );
  await assert.rejects(
    () =>
      keyMaterialFromEnv(env({ SA_ISSUER_KEY: '{"publicKeyMultibase":"x"}' })),
    /must hold/,
  );
});
