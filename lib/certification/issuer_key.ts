/**
 * The platform's Ed25519 signing key as Multikey material, and where it comes
 * from. Production names it in the environment (`SA_ISSUER_KEY` holding
 * `{"publicKeyMultibase": "z6Mk…", "secretKeyMultibase": "z3u2…"}`, or
 * `SA_ISSUER_KEY_FILE` naming a file with that JSON); otherwise the first
 * start generates one into the store (lib/certification/issuer_key_store.ts).
 * A key never lives in the repository.
 */
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { z } from "zod";

/** Multikey material; `secretKeyMultibase` is absent for a retired public-only key. */
export const KeyMaterialSchema = z.object({
  publicKeyMultibase: z.string().regex(/^z6Mk[1-9A-HJ-NP-Za-km-z]+$/),
  secretKeyMultibase: z.string().regex(/^z[1-9A-HJ-NP-Za-km-z]{40,}$/)
    .optional(),
});
/** Multikey material. */
export type KeyMaterial = z.infer<typeof KeyMaterialSchema>;

/** A key pair from @digitalbazaar/ed25519-multikey (untyped package). */
export type MultikeyPair = {
  id?: string;
  controller?: string;
  publicKeyMultibase: string;
  secretKeyMultibase?: string;
  signer(): {
    algorithm: string;
    id: string;
    sign(a: { data: Uint8Array }): Promise<Uint8Array>;
  };
  verifier(): {
    algorithm: string;
    id: string;
    verify(a: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
  };
};

/** A fresh Ed25519 key. */
export async function generateKeyMaterial(): Promise<Required<KeyMaterial>> {
  const pair = await Ed25519Multikey.generate() as MultikeyPair;
  return {
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeyMultibase: pair.secretKeyMultibase!,
  };
}

/**
 * A signing key pair whose verification method is `${controller}#${public key}`
 * (the id changes with the key, so a rotated key gets its own id).
 */
export async function keyPairFor(
  material: KeyMaterial,
  controller: string,
): Promise<MultikeyPair> {
  const pair = await Ed25519Multikey.from({
    ...material,
  }) as MultikeyPair;
  pair.controller = controller;
  pair.id = verificationMethodId(controller, material.publicKeyMultibase);
  return pair;
}

/** The verification method id of a key under a controller. */
export function verificationMethodId(
  controller: string,
  publicKeyMultibase: string,
): string {
  return `${controller}#${publicKeyMultibase}`;
}

/**
 * The key named by the environment, if any: `SA_ISSUER_KEY` (JSON) or
 * `SA_ISSUER_KEY_FILE` (a path to that JSON). Throws when it is set but not
 * a full key pair, so a production misconfiguration stops the start.
 */
export async function keyMaterialFromEnv(
  env: { get(key: string): string | undefined } = Deno.env,
  readFile: (path: string) => Promise<string> = Deno.readTextFile,
): Promise<Required<KeyMaterial> | null> {
  const inline = env.get("SA_ISSUER_KEY");
  const file = env.get("SA_ISSUER_KEY_FILE");
  const text = inline ?? (file ? await readFile(file) : undefined);
  if (text === undefined) return null;
  const parsed = KeyMaterialSchema.required().safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(
      "SA_ISSUER_KEY / SA_ISSUER_KEY_FILE must hold {publicKeyMultibase, secretKeyMultibase} of an Ed25519 Multikey",
    );
  }
  // The pair must match, or every certificate would fail to verify.
  const pair = await Ed25519Multikey.from(parsed.data) as MultikeyPair;
  const probe = new TextEncoder().encode("key check");
  const signature = await pair.signer().sign({ data: probe });
  if (!(await pair.verifier().verify({ data: probe, signature }))) {
    throw new Error(
      "SA_ISSUER_KEY: the secret key does not match the public key",
    );
  }
  return parsed.data;
}
