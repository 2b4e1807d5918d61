/**
 * The unsigned Open Badges 3.0 `OpenBadgeCredential` of a certificate, on the
 * VC Data Model 2.0 context plus the OB 3.0 context. Pure: every URL comes
 * from the origin the caller passes, every date from the certificate.
 */
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from "./contexts.ts";
import { issuerUrl } from "./controller_document.ts";
import type { JsonLdDocument } from "./proof.ts";

/** The platform's name as the issuer profile states it. */
export const ISSUER_NAME = "客服学院 Service Academy";

/** What a credential says about one certificate. */
export type BadgeInput = {
  origin: string;
  certificateId: string;
  holderName: string;
  level: {
    id: string;
    name: string;
    description: string;
    criteria: string;
  };
  validFrom: Date;
  validUntil: Date;
  status: { listId: string; index: number };
};

/** The public page of a certificate; also the credential's id. */
export function verifyUrl(origin: string, certificateId: string): string {
  return `${origin}/verify/${certificateId}`;
}

/** Where the signed status list `listId` is served. */
export function statusListUrl(origin: string, listId: string): string {
  return `${origin}/status/${listId}`;
}

/** The achievement's page (and id) for a level. */
export function achievementUrl(origin: string, levelId: string): string {
  return `${origin}/certifications/${levelId}`;
}

/** Builds the unsigned credential. */
export function openBadgeCredential(input: BadgeInput): JsonLdDocument {
  const { origin, level } = input;
  const listUrl = statusListUrl(origin, input.status.listId);
  return {
    "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: verifyUrl(origin, input.certificateId),
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: level.name,
    issuer: {
      id: issuerUrl(origin),
      type: ["Profile"],
      name: ISSUER_NAME,
      url: origin,
    },
    validFrom: isoSeconds(input.validFrom),
    validUntil: isoSeconds(input.validUntil),
    credentialSubject: {
      type: ["AchievementSubject"],
      // No DID for a learner: the holder is named (the name is public on the
      // verify page anyway; nothing else about them is in the credential).
      identifier: [{
        type: "IdentityObject",
        identityHash: input.holderName,
        identityType: "name",
        hashed: false,
      }],
      achievement: {
        id: achievementUrl(origin, level.id),
        type: ["Achievement"],
        name: level.name,
        description: level.description,
        criteria: { narrative: level.criteria },
        image: {
          id: `${achievementUrl(origin, level.id)}/badge.svg`,
          type: "Image",
        },
      },
    },
    credentialStatus: {
      id: `${listUrl}#${input.status.index}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(input.status.index),
      statusListCredential: listUrl,
    },
  };
}

/** An XML Schema dateTime without milliseconds. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
