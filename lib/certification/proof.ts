/**
 * Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite, through the
 * Digital Bazaar stack (@digitalbazaar/vc, data-integrity, the cryptosuite,
 * ed25519-multikey), with every context bundled (./contexts.ts). Verifying
 * needs only the issuer's controller document: the loader is given that one
 * document and nothing else.
 */
import * as vc from "@digitalbazaar/vc";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import jsonld from "jsonld";
import type { ControllerDocument } from "./controller_document.ts";
import { type DocumentLoader, offlineLoader } from "./contexts.ts";
import type { MultikeyPair } from "./issuer_key.ts";

/** A JSON-LD document (a credential, signed or not). */
export type JsonLdDocument = Record<string, unknown>;

/** Signs `credential` (not changed) with `key`; `created` is the proof's time. */
export async function signCredential(
  credential: JsonLdDocument,
  key: MultikeyPair,
  created: Date,
  loader: DocumentLoader = offlineLoader(),
): Promise<JsonLdDocument> {
  const suite = new DataIntegrityProof({
    signer: key.signer(),
    cryptosuite,
    date: created,
  });
  return await vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader: loader,
    now: created,
  }) as JsonLdDocument;
}

/** The outcome of checking a proof. */
export type ProofCheck = { verified: boolean; errors: string[] };

/**
 * Checks the proof of a signed credential against `controller` only: the
 * verification method must be one of its assertion methods and the issuer
 * must be its id. Status and dates are not judged here (see
 * ./certificate_status.ts); `credentialStatus` is accepted as present.
 */
export async function verifyWithController(
  signed: JsonLdDocument,
  controller: ControllerDocument,
): Promise<ProofCheck> {
  const loader = offlineLoader(new Map([[controller.id, controller]]));
  try {
    const result = await vc.verifyCredential({
      credential: structuredClone(signed),
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader: loader,
      // Status is a separate question with its own list credential.
      checkStatus: () => Promise.resolve({ verified: true }),
      // Judge the proof, not the calendar: validity dates are reported apart.
      now: dateWithin(signed),
    }) as { verified: boolean; error?: { errors?: Error[]; message?: string } };
    return {
      verified: result.verified,
      errors: result.verified ? [] : errorMessages(result.error),
    };
  } catch (e) {
    return { verified: false, errors: [(e as Error).message] };
  }
}

/** A moment inside the credential's validity, so the library's date check passes. */
function dateWithin(doc: JsonLdDocument): Date {
  const from = typeof doc.validFrom === "string"
    ? Date.parse(doc.validFrom)
    : NaN;
  return Number.isNaN(from) ? new Date() : new Date(from);
}

function errorMessages(
  error: { errors?: Error[]; message?: string } | undefined,
): string[] {
  if (!error) return ["not verified"];
  const list = error.errors?.map((e) => e.message) ?? [];
  return list.length ? list : [error.message ?? "not verified"];
}

/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a document as N-Quads, the
 * form the cryptosuite hashes; exposed so tests can compare each stage with
 * the published vector.
 */
export async function canonicalNQuads(
  doc: JsonLdDocument,
  loader: DocumentLoader = offlineLoader(),
): Promise<string> {
  return await jsonld.canonize(doc, {
    algorithm: "RDFC-1.0",
    format: "application/n-quads",
    documentLoader: loader,
    safe: true,
  }) as string;
}
