import assert from "node:assert/strict";
import { parse } from "yaml";
import { CertificationSchema } from "@/lib/content/schema.ts";
import { listAuditAbout } from "@/lib/identity/audit/audit_store.ts";
import {
  certificateStatus,
  getCertificate,
  revokeCertificate,
  setDecision,
} from "./certificate_store.ts";
import { rotateSigningKey } from "./issuer_key_store.ts";
import {
  checkCertificate,
  issueCertificate,
  issueIfDue,
  issuerDocument,
  signedStatusList,
} from "./issuing.ts";
import { verifyWithController } from "./proof.ts";
import { isRevokedIn } from "./status_list.ts";
import type { Explanation } from "./rules.ts";

const level = CertificationSchema.parse(
  parse(
    await Deno.readTextFile(
      new URL(
        "../../assessments/certifications/onboarding.yaml",
        import.meta.url,
      ),
    ),
  ),
);
const ORIGIN = "http://localhost:8000";
const NOW = new Date("2026-12-07T08:00:00Z");
const eligible: Explanation = {
  levelId: "onboarding",
  criteria: [],
  eligible: true,
};
const notEligible: Explanation = {
  levelId: "onboarding",
  criteria: [{
    id: "exam",
    state: "pending",
    numbers: { attempts: 0, best: 0 },
    missing: ["certification"],
  }],
  eligible: false,
};
const input = (explanation = eligible, now = NOW) => ({
  learnerId: "u1",
  holderName: "王小明",
  level,
  explanation,
  origin: ORIGIN,
  now,
});

Deno.test("an issued certificate verifies against the served controller document and is valid for 12 months", async () => {
  using kv = await Deno.openKv(":memory:");
  const cert = await issueCertificate(kv, input());
  assert.match(cert.id, /^[a-z2-7]{26}$/);
  assert.equal(cert.validUntil.toISOString(), "2027-12-07T08:00:00.000Z");
  const doc = JSON.parse(JSON.stringify(await issuerDocument(kv, ORIGIN, NOW)));
  assert.equal(
    (await verifyWithController(JSON.parse(cert.credential), doc)).verified,
    true,
  );
  const check = await checkCertificate(kv, cert, NOW);
  assert.deepEqual(check, {
    status: "valid",
    proof: { verified: true, errors: [] },
    listSaysRevoked: false,
  });
  assert.equal(
    certificateStatus(cert, new Date("2027-12-07T08:00:01Z")),
    "expired",
  );
});

Deno.test("revoking changes the signed status list at once and is audited with the reason", async () => {
  using kv = await Deno.openKv(":memory:");
  const a = await issueCertificate(kv, input());
  const b = await issueCertificate(kv, input());
  assert.deepEqual([a.index, b.index], [0, 1]);
  const before = JSON.parse(await signedStatusList(kv, ORIGIN, "1", NOW));
  assert.equal(await isRevokedIn(before, b.index), false);
  await revokeCertificate(kv, b.id, { by: "admin1", reason: "考试作弊" }, NOW);
  const after = JSON.parse(await signedStatusList(kv, ORIGIN, "1", NOW));
  assert.equal(await isRevokedIn(after, b.index), true);
  assert.equal(await isRevokedIn(after, a.index), false);
  const doc = await issuerDocument(kv, ORIGIN, NOW);
  assert.equal((await verifyWithController(after, doc)).verified, true);
  const revoked = (await getCertificate(kv, b.id))!;
  assert.equal(certificateStatus(revoked, NOW), "revoked");
  assert.equal(
    (await checkCertificate(kv, revoked, NOW)).listSaysRevoked,
    true,
  );
  const audit = await listAuditAbout(kv, "certificate", b.id);
  assert.equal(audit.entries[0].action, "certificate.revoked");
  assert.equal(audit.entries[0].detail.reason, "考试作弊");
  await assert.rejects(
    () => revokeCertificate(kv, b.id, { by: "admin1", reason: "x" }, NOW),
    /already revoked/,
  );
});

Deno.test("a key rotation keeps earlier certificates verifiable and signs new ones with the new key", async () => {
  using kv = await Deno.openKv(":memory:");
  const old = await issueCertificate(kv, input());
  await rotateSigningKey(kv, NOW);
  const fresh = await issueCertificate(kv, input());
  const oldVm = JSON.parse(old.credential).proof.verificationMethod;
  const newVm = JSON.parse(fresh.credential).proof.verificationMethod;
  assert.notEqual(oldVm, newVm);
  for (const c of [old, fresh]) {
    assert.equal((await checkCertificate(kv, c, NOW)).proof.verified, true);
  }
});

Deno.test("issueIfDue: issues when eligible, not twice, not when withheld; a grant issues and is audited", async () => {
  using kv = await Deno.openKv(":memory:");
  assert.equal(await issueIfDue(kv, input(notEligible)), null);
  const first = await issueIfDue(kv, input());
  assert.ok(first);
  assert.equal(
    await issueIfDue(kv, input()),
    null,
    "already holds a valid one",
  );
  // Within the reminder window (30 days before expiry) a renewal may issue.
  const renewal = await issueIfDue(
    kv,
    input(eligible, new Date("2027-11-20T08:00:00Z")),
  );
  assert.ok(renewal);

  await setDecision(kv, "u2", "onboarding", {
    kind: "withhold",
    reason: "待复核投诉",
    by: "admin1",
    at: NOW,
  });
  assert.equal(await issueIfDue(kv, { ...input(), learnerId: "u2" }), null);
  await setDecision(kv, "u3", "onboarding", {
    kind: "grant",
    reason: "外部认证等同",
    by: "admin1",
    at: NOW,
  });
  const granted = await issueIfDue(kv, {
    ...input(notEligible),
    learnerId: "u3",
  });
  assert.deepEqual(granted?.grant, { by: "admin1", reason: "外部认证等同" });
  const audit = await listAuditAbout(kv, "certificate", granted!.id);
  assert.equal(audit.entries[0].detail.decision, "grant");
  const userAudit = await listAuditAbout(kv, "user", "u2");
  assert.equal(userAudit.entries[0].detail.decision, "withhold");
});
