/**
 * Issuing, verifying and publishing certificates: ties the signing key
 * (./issuer_key_store.ts), the credential (./open_badge.ts), the proof
 * (./proof.ts) and the store (./certificate_store.ts) together.
 */
import type { Certification } from "@/lib/content/schema.ts";
import {
  allocateStatusIndex,
  cachedSignedList,
  cacheSignedList,
  type Certificate,
  type CertificateStatus,
  certificateStatus,
  clearDecision,
  getDecision,
  listLearnerCertificates,
  newCertificateId,
  revokedIndices,
  saveCertificate,
} from "./certificate_store.ts";
import {
  type ControllerDocument,
  controllerDocument,
  issuerUrl,
} from "./controller_document.ts";
import { keyMaterialFromEnv, keyPairFor } from "./issuer_key.ts";
import { publishedKeys, signingKey } from "./issuer_key_store.ts";
import { openBadgeCredential } from "./open_badge.ts";
import {
  type ProofCheck,
  signCredential,
  verifyWithController,
} from "./proof.ts";
import type { Explanation } from "./rules.ts";
import {
  CURRENT_STATUS_LIST,
  isRevokedIn,
  statusListCredential,
} from "./status_list.ts";

// The environment does not change while the process runs: read the key once.
let envKey: ReturnType<typeof keyMaterialFromEnv> | null = null;
const fromEnv = () => envKey ??= keyMaterialFromEnv();

async function signer(kv: Deno.Kv, origin: string, now: Date) {
  const material = await signingKey(kv, now, await fromEnv());
  return await keyPairFor(material, issuerUrl(origin));
}

/** The issuer's controller document on `origin`, listing every key ever used. */
export async function issuerDocument(
  kv: Deno.Kv,
  origin: string,
  now: Date,
): Promise<ControllerDocument> {
  // Make sure a key exists, so a first visit publishes the key that will sign.
  await signingKey(kv, now, await fromEnv());
  return controllerDocument(issuerUrl(origin), await publishedKeys(kv));
}

/** `validFrom` plus whole calendar months. */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** What issuing needs to know. */
export interface IssueInput {
  learnerId: string;
  holderName: string;
  level: Certification;
  explanation: Explanation;
  origin: string;
  now: Date;
  grant?: { by: string; reason: string };
}

/** Signs and stores a new certificate. */
export async function issueCertificate(
  kv: Deno.Kv,
  input: IssueInput,
): Promise<Certificate> {
  const id = newCertificateId();
  const listId = CURRENT_STATUS_LIST;
  const index = await allocateStatusIndex(kv, listId, id);
  const validFrom = new Date(Math.floor(input.now.getTime() / 1000) * 1000);
  const validUntil = addMonths(validFrom, input.level.validityMonths);
  const unsigned = openBadgeCredential({
    origin: input.origin,
    certificateId: id,
    holderName: input.holderName,
    level: {
      id: input.level.id,
      name: input.level.title,
      description: input.level.description,
      criteria: input.level.criteria,
    },
    validFrom,
    validUntil,
    status: { listId, index },
  });
  const key = await signer(kv, input.origin, input.now);
  const signed = await signCredential(unsigned, key, validFrom);
  const cert: Certificate = {
    id,
    learnerId: input.learnerId,
    holderName: input.holderName,
    levelId: input.level.id,
    issuedAt: validFrom,
    validUntil,
    origin: input.origin,
    listId,
    index,
    credential: JSON.stringify(signed),
    criteria: input.explanation.criteria,
    ...(input.grant ? { grant: input.grant } : {}),
  };
  await saveCertificate(kv, cert);
  return cert;
}

/**
 * Issues `level` when the explanation says eligible (or an admin granted it)
 * and no admin withheld it, unless the learner already holds a valid one that
 * is not yet due for renewal. Returns the new certificate, or null.
 */
export async function issueIfDue(
  kv: Deno.Kv,
  input: Omit<IssueInput, "grant">,
): Promise<Certificate | null> {
  const { learnerId, level, now } = input;
  const decision = await getDecision(kv, learnerId, level.id);
  if (decision?.kind === "withhold") return null;
  if (!input.explanation.eligible && decision?.kind !== "grant") return null;
  const held = (await listLearnerCertificates(kv, learnerId))
    .filter((c) =>
      c.levelId === level.id && certificateStatus(c, now) === "valid"
    );
  const renewFrom = (c: Certificate) =>
    c.validUntil.getTime() - level.reminderDays * 86_400_000;
  if (held.some((c) => now.getTime() < renewFrom(c))) return null;
  const cert = await issueCertificate(kv, {
    ...input,
    ...(decision?.kind === "grant" && !input.explanation.eligible
      ? { grant: { by: decision.by, reason: decision.reason } }
      : {}),
  });
  if (decision?.kind === "grant") await clearDecision(kv, learnerId, level.id);
  return cert;
}

/** The signed status list as served (rebuilt and re-signed after a revocation). */
export async function signedStatusList(
  kv: Deno.Kv,
  origin: string,
  listId: string,
  now: Date,
): Promise<string> {
  const { revision, revoked } = await revokedIndices(kv, listId);
  const cached = await cachedSignedList(kv, listId, revision);
  if (cached && JSON.parse(cached).issuer === issuerUrl(origin)) return cached;
  const unsigned = await statusListCredential({
    origin,
    listId,
    revoked,
    validFrom: now,
  });
  const json = JSON.stringify(
    await signCredential(unsigned, await signer(kv, origin, now), now),
  );
  await cacheSignedList(kv, listId, revision, json);
  return json;
}

/** What the verify page shows about a certificate's credential. */
export interface CertificateCheck {
  status: CertificateStatus;
  proof: ProofCheck;
  /** The status list (signed, verified) marks it revoked. */
  listSaysRevoked: boolean;
}

/**
 * Checks a stored certificate the way a third party would: its proof
 * against the published controller document, its bit in the signed status
 * list (whose proof is checked too), its dates.
 */
export async function checkCertificate(
  kv: Deno.Kv,
  cert: Certificate,
  now: Date,
): Promise<CertificateCheck> {
  const doc = await issuerDocument(kv, cert.origin, now);
  const proof = await verifyWithController(JSON.parse(cert.credential), doc);
  const list = JSON.parse(
    await signedStatusList(kv, cert.origin, cert.listId, now),
  );
  const listProof = await verifyWithController(list, doc);
  const listSaysRevoked = listProof.verified &&
    await isRevokedIn(list, cert.index);
  return {
    status: certificateStatus(cert, now),
    proof: listProof.verified ? proof : {
      verified: false,
      errors: ["status list proof", ...listProof.errors],
    },
    listSaysRevoked,
  };
}
