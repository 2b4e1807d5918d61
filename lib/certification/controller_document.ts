/**
 * The issuer's controller document: the one public document a third party
 * needs to check a certificate's proof. It lists every key the platform has
 * signed with (current and retired) as a Multikey verification method under
 * `assertionMethod`, so certificates signed before a key rotation keep
 * verifying. Served as JSON at `/issuer` (the issuer id in every
 * credential).
 */
import { DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT } from "./contexts.ts";
import { verificationMethodId } from "./issuer_key.ts";

/** A Multikey verification method. */
export type MultikeyMethod = {
  id: string;
  type: "Multikey";
  controller: string;
  publicKeyMultibase: string;
};

/** The controller document. */
export type ControllerDocument = {
  "@context": [typeof DID_V1_CONTEXT, typeof MULTIKEY_V1_CONTEXT];
  id: string;
  verificationMethod: MultikeyMethod[];
  assertionMethod: string[];
};

/** The issuer's URL on an origin: the credential's issuer id and the controller. */
export function issuerUrl(origin: string): string {
  return `${origin}/issuer`;
}

/** Builds the controller document for `controller` from public keys, oldest first. */
export function controllerDocument(
  controller: string,
  publicKeys: readonly string[],
): ControllerDocument {
  const methods = publicKeys.map((publicKeyMultibase): MultikeyMethod => ({
    id: verificationMethodId(controller, publicKeyMultibase),
    type: "Multikey",
    controller,
    publicKeyMultibase,
  }));
  return {
    // DID v1 first: jsonld-signatures then reads assertionMethod as written
    // instead of framing the document (which would need more contexts).
    "@context": [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
    id: controller,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}
