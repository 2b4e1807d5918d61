/**
 * What the public verify page and the printable certificate show: the
 * holder's name, the level, dates and status, and whether the proof checks
 * out. Nothing private (no reasons, scores or account data).
 */
import type { Certification } from "@/lib/content/schema.ts";
import { type Certificate, getCertificate } from "./certificate_store.ts";
import { type CertificateCheck, checkCertificate } from "./issuing.ts";
import { findLevel } from "./levels.ts";

/** The verify page's data. */
export interface VerifyView {
  id: string;
  holderName: string;
  level: Certification | null;
  levelId: string;
  issuedAt: Date;
  validUntil: Date;
  revokedAt: Date | null;
  check: CertificateCheck;
}

/** Reads and checks a certificate by id; null when there is none. */
export async function verifyView(
  kv: Deno.Kv,
  id: string,
  now: Date,
): Promise<VerifyView | null> {
  const cert = await getCertificate(kv, id);
  if (!cert) return null;
  return await viewOf(kv, cert, now);
}

async function viewOf(
  kv: Deno.Kv,
  cert: Certificate,
  now: Date,
): Promise<VerifyView> {
  const [found, check] = await Promise.all([
    findLevel(kv, cert.levelId),
    checkCertificate(kv, cert, now),
  ]);
  return {
    id: cert.id,
    holderName: cert.holderName,
    level: found?.level ?? null,
    levelId: cert.levelId,
    issuedAt: cert.issuedAt,
    validUntil: cert.validUntil,
    revokedAt: cert.revoked?.at ?? null,
    check,
  };
}
