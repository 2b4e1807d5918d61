/**
 * Issued certificates, their slots in the Bitstring Status List, the cached
 * signed list, and admins' grant/withhold decisions. A certificate's
 * credential is stored exactly as signed (a JSON string), so what
 * `/verify/{id}/credential.json` serves is byte for byte what was signed.
 * Only this module reads or writes these keys:
 *
 * | key                                               | value                                  |
 * | ------------------------------------------------- | -------------------------------------- |
 * | ["certificates", id]                              | Certificate                            |
 * | ["certificates_by_learner", learnerId, id]        | levelId                                |
 * | ["certificates_by_list", listId, index]           | { id, revoked }                        |
 * | ["status_list_next", listId]                      | number: the next free index            |
 * | ["status_list_revision", listId]                  | number: bumped by every revocation     |
 * | ["status_list_signed", listId]                    | { revision, json } (cache)             |
 * | ["certification_decisions", learnerId, levelId]   | Decision (grant or withhold)           |
 * | ["certificates_by_expiry", validUntilMs, id]      | learnerId: expiry not yet recorded     |
 *
 * Every change of a certificate writes its evidence statement in the same
 * commit (certificate_evidence.ts): issuing "issued", revoking "revoked",
 * and `recordExpiries` "expired" for each certificate whose validity ended
 * and was not revoked first. Expiry happens by the clock, not by a request,
 * so it is recorded by a sweep (at start-up and every few hours, see
 * lib/startup.ts): the expiry index lists the certificates whose expiry is
 * still to be recorded, in date order; the sweep deletes the entry in the
 * commit that writes the statement (dated `validUntil`, when it expired),
 * so it is written once whoever sweeps and however often.
 */
import { z } from "zod";
import { decodeStored } from "@/lib/db/decode.ts";
import { addAuditEntry } from "@/lib/identity/audit/audit_store.ts";
import { DomainError, NotFoundError } from "@/lib/errors.ts";
import type { Statement } from "@/lib/evidence/statement.ts";
import { addStatement } from "@/lib/evidence/statement_store.ts";
import {
  certificateStatement,
  evidenceContext,
} from "./certificate_evidence.ts";

const certKey = (id: string) => ["certificates", id];
const byLearner = (learnerId: string) => ["certificates_by_learner", learnerId];
const byList = (listId: string) => ["certificates_by_list", listId];
const nextKey = (listId: string) => ["status_list_next", listId];
const revisionKey = (listId: string) => ["status_list_revision", listId];
const signedKey = (listId: string) => ["status_list_signed", listId];
const expiryKey = (c: Pick<Certificate, "validUntil" | "id">) => [
  "certificates_by_expiry",
  c.validUntil.getTime(),
  c.id,
];
const decisionKey = (learnerId: string, levelId: string) => [
  "certification_decisions",
  learnerId,
  levelId,
];

const CriterionSchema = z.object({
  id: z.string(),
  state: z.enum(["met", "not-met", "pending"]),
  numbers: z.record(z.string(), z.number()),
  missing: z.array(z.string()),
});

/** A stored certificate. */
export const CertificateSchema = z.object({
  id: z.string().regex(/^[a-z2-7]{26}$/),
  learnerId: z.string().min(1),
  holderName: z.string().max(50),
  levelId: z.string().min(1),
  issuedAt: z.date(),
  validUntil: z.date(),
  origin: z.string().url(),
  listId: z.string().min(1),
  index: z.int().min(0),
  /** The signed OpenBadgeCredential as served. */
  credential: z.string().min(1),
  /** The rule engine's explanation when it was issued. */
  criteria: z.array(CriterionSchema),
  /** Set when an admin granted it without every rule met. */
  grant: z.object({ by: z.string(), reason: z.string() }).optional(),
  revoked: z.object({ at: z.date(), by: z.string(), reason: z.string() })
    .optional(),
});
/** A stored certificate. */
export type Certificate = z.infer<typeof CertificateSchema>;

/** A certificate's status at a moment. */
export type CertificateStatus = "valid" | "expired" | "revoked";

/** Revoked beats expired: a revoked certificate never shows as merely expired. */
export function certificateStatus(
  c: Pick<Certificate, "revoked" | "validUntil">,
  now: Date,
): CertificateStatus {
  if (c.revoked) return "revoked";
  return now.getTime() > c.validUntil.getTime() ? "expired" : "valid";
}

/** An admin's standing decision about a learner and level. */
export const DecisionSchema = z.object({
  kind: z.enum(["grant", "withhold"]),
  reason: z.string().min(1).max(500),
  by: z.string().min(1),
  at: z.date(),
});
/** An admin's standing decision about a learner and level. */
export type Decision = z.infer<typeof DecisionSchema>;

/** An unguessable certificate id: 128 random bits as 26 base32 letters. */
export function newCertificateId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(17));
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  let bits = 0, value = 0, out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < 26) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** Takes the next free index of a status list (atomic; retried on a race). */
export async function allocateStatusIndex(
  kv: Deno.Kv,
  listId: string,
  certificateId: string,
): Promise<number> {
  for (let tries = 0; tries < 20; tries++) {
    const next = await kv.get<number>(nextKey(listId));
    const index = next.value ?? 0;
    const ok = await kv.atomic().check(next)
      .check({ key: [...byList(listId), index], versionstamp: null })
      .set(nextKey(listId), index + 1)
      .set([...byList(listId), index], { id: certificateId, revoked: false })
      .commit();
    if (ok.ok) return index;
  }
  throw new Error(`Cannot allocate a status index in list "${listId}"`);
}

/**
 * Saves a newly issued certificate with its "issued" statement; a grant is
 * audited in the same commit. Saving the same certificate again fails and
 * writes nothing.
 */
export async function saveCertificate(
  kv: Deno.Kv,
  cert: Certificate,
): Promise<void> {
  const c = CertificateSchema.parse(cert);
  const ctx = await evidenceContext(kv, c.learnerId, c.levelId);
  const op = kv.atomic()
    .check({ key: certKey(c.id), versionstamp: null })
    .set(certKey(c.id), c)
    .set([...byLearner(c.learnerId), c.id], c.levelId)
    .set(expiryKey(c), c.learnerId);
  addStatement(
    op,
    await certificateStatement(c, "issued", ctx, c.issuedAt),
    c.issuedAt,
  );
  if (c.grant) {
    addAuditEntry(op, {
      actorId: c.grant.by,
      action: "certificate.overridden",
      targetType: "certificate",
      targetId: c.id,
      detail: { decision: "grant", level: c.levelId, reason: c.grant.reason },
    }, c.issuedAt);
  }
  if (!(await op.commit()).ok) {
    throw new Error(`Cannot save certificate "${c.id}": id is taken`);
  }
}

/** Reads a certificate, or null. */
export async function getCertificate(
  kv: Deno.Kv,
  id: string,
): Promise<Certificate | null> {
  if (!/^[a-z2-7]{26}$/.test(id)) return null;
  const e = await kv.get(certKey(id));
  return e.value === null
    ? null
    : decodeStored(CertificateSchema, e.key, e.value);
}

/** A learner's certificates, newest issue first (at most `limit`). */
export async function listLearnerCertificates(
  kv: Deno.Kv,
  learnerId: string,
  limit = 50,
): Promise<Certificate[]> {
  const ids: string[] = [];
  for await (const e of kv.list({ prefix: byLearner(learnerId) }, { limit })) {
    ids.push(String(e.key.at(-1)));
  }
  const certs = (await Promise.all(ids.map((id) => getCertificate(kv, id))))
    .filter((c): c is Certificate => c !== null);
  return certs.sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
}

/** Every certificate, newest first (admin list; at most `limit`). */
export async function listCertificates(
  kv: Deno.Kv,
  limit = 500,
): Promise<Certificate[]> {
  const out: Certificate[] = [];
  for await (const e of kv.list({ prefix: ["certificates"] }, { limit })) {
    out.push(decodeStored(CertificateSchema, e.key, e.value));
  }
  return out.sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
}

/** The certificate is already revoked. */
export class AlreadyRevokedError extends DomainError {
  constructor(id: string) {
    super("already-revoked", `Certificate "${id}" is already revoked`);
    this.name = "AlreadyRevokedError";
  }
}

/**
 * Revokes a certificate with a reason: the record, its status-list bit and
 * the list's revision change in one commit with the audit entry and the
 * "revoked" statement, so the served list is rebuilt on its next read. A
 * revoked certificate's expiry is not recorded later (revoked beats
 * expired, as `certificateStatus` says).
 */
export async function revokeCertificate(
  kv: Deno.Kv,
  id: string,
  input: { by: string; reason: string },
  now: Date,
): Promise<Certificate> {
  let statement: Statement | null = null;
  for (let tries = 0; tries < 10; tries++) {
    const entry = await kv.get(certKey(id));
    if (entry.value === null) throw new NotFoundError(`No certificate "${id}"`);
    const cert = decodeStored(CertificateSchema, entry.key, entry.value);
    if (cert.revoked) throw new AlreadyRevokedError(id);
    statement ??= await certificateStatement(
      cert,
      "revoked",
      await evidenceContext(kv, cert.learnerId, cert.levelId),
      now,
    );
    const revision = await kv.get<number>(revisionKey(cert.listId));
    const updated: Certificate = {
      ...cert,
      revoked: { at: now, by: input.by, reason: input.reason },
    };
    const op = kv.atomic().check(entry).check(revision)
      .set(certKey(id), updated)
      .set([...byList(cert.listId), cert.index], { id, revoked: true })
      .set(revisionKey(cert.listId), (revision.value ?? 0) + 1)
      .delete(expiryKey(cert));
    addStatement(op, statement, now);
    addAuditEntry(op, {
      actorId: input.by,
      action: "certificate.revoked",
      targetType: "certificate",
      targetId: id,
      detail: { level: cert.levelId, reason: input.reason },
    }, now);
    if ((await op.commit()).ok) return updated;
  }
  throw new Error(`Cannot revoke "${id}": too many concurrent changes`);
}

/**
 * Records the expiry of every certificate whose validity ended by `now` and
 * that was not revoked: one "expired" statement each, dated when it
 * expired, written with the removal of its expiry index entry. Idempotent:
 * a second sweep (or a second instance sweeping at once) finds the entries
 * gone, or fails the commit's checks, and writes nothing. Returns how many
 * it recorded.
 */
export async function recordExpiries(kv: Deno.Kv, now: Date): Promise<number> {
  let recorded = 0;
  const due = await Array.fromAsync(
    kv.list<string>({
      start: ["certificates_by_expiry"],
      // Valid through validUntil itself, as certificateStatus says.
      end: ["certificates_by_expiry", now.getTime()],
    }),
  );
  for (const index of due) {
    const entry = await kv.get(certKey(String(index.key[2])));
    const op = kv.atomic().check(index).check(entry).delete(index.key);
    const cert = entry.value === null
      ? null
      : decodeStored(CertificateSchema, entry.key, entry.value);
    // Revoked first, or gone: nothing to record, the entry just goes.
    if (cert && !cert.revoked) {
      addStatement(
        op,
        await certificateStatement(
          cert,
          "expired",
          await evidenceContext(kv, cert.learnerId, cert.levelId),
          cert.validUntil,
        ),
        now,
      );
    }
    // A failed commit means another sweep got there first.
    if ((await op.commit()).ok && cert && !cert.revoked) recorded++;
  }
  return recorded;
}

/**
 * Writes the statements of certificates saved before certificates had
 * evidence: "issued" for each, "revoked" for the revoked ones, and the
 * expiry index entry for the others (the next sweep records their expiry).
 * Idempotent (the statement ids are derived), run once per store at
 * start-up; returns how many certificates it completed.
 */
export async function backfillCertificateEvidence(
  kv: Deno.Kv,
): Promise<number> {
  let done = 0;
  for await (const e of kv.list({ prefix: ["certificates"] })) {
    const cert = decodeStored(CertificateSchema, e.key, e.value);
    const ctx = await evidenceContext(kv, cert.learnerId, cert.levelId);
    const op = kv.atomic();
    addStatement(
      op,
      await certificateStatement(cert, "issued", ctx, cert.issuedAt),
      cert.issuedAt,
    );
    if (cert.revoked) {
      addStatement(
        op,
        await certificateStatement(cert, "revoked", ctx, cert.revoked.at),
        cert.revoked.at,
      );
    } else {
      op.set(expiryKey(cert), cert.learnerId);
    }
    // Fails when its "issued" statement exists: written at issue already.
    if ((await op.commit()).ok) done++;
  }
  return done;
}

/** The revoked indices of a list and its revision. */
export async function revokedIndices(
  kv: Deno.Kv,
  listId: string,
): Promise<{ revision: number; revoked: number[] }> {
  const revision = (await kv.get<number>(revisionKey(listId))).value ?? 0;
  const revoked: number[] = [];
  // A list holds at most 131,072 certificates.
  for await (
    const e of kv.list<{ revoked: boolean }>({ prefix: byList(listId) }, {
      limit: 131_072,
    })
  ) {
    if (e.value.revoked) revoked.push(Number(e.key.at(-1)));
  }
  return { revision, revoked };
}

/** The cached signed list when it is of `revision`, else null. */
export async function cachedSignedList(
  kv: Deno.Kv,
  listId: string,
  revision: number,
): Promise<string | null> {
  const e = await kv.get<{ revision: number; json: string }>(signedKey(listId));
  return e.value && e.value.revision === revision ? e.value.json : null;
}

/** Caches the signed list of `revision`. */
export async function cacheSignedList(
  kv: Deno.Kv,
  listId: string,
  revision: number,
  json: string,
): Promise<void> {
  await kv.set(signedKey(listId), { revision, json });
}

/** Records an admin's grant or withhold decision, audited in the same commit. */
export async function setDecision(
  kv: Deno.Kv,
  learnerId: string,
  levelId: string,
  decision: Decision,
): Promise<void> {
  const d = DecisionSchema.parse(decision);
  const op = kv.atomic().set(decisionKey(learnerId, levelId), d);
  addAuditEntry(op, {
    actorId: d.by,
    action: "certificate.overridden",
    targetType: "user",
    targetId: learnerId,
    detail: { decision: d.kind, level: levelId, reason: d.reason },
  }, d.at);
  await op.commit();
}

/** The admin's decision for a learner and level, or null. */
export async function getDecision(
  kv: Deno.Kv,
  learnerId: string,
  levelId: string,
): Promise<Decision | null> {
  const e = await kv.get(decisionKey(learnerId, levelId));
  return e.value === null ? null : decodeStored(DecisionSchema, e.key, e.value);
}

/** Clears a decision once it has been acted on (a grant that issued). */
export async function clearDecision(
  kv: Deno.Kv,
  learnerId: string,
  levelId: string,
): Promise<void> {
  await kv.delete(decisionKey(learnerId, levelId));
}
