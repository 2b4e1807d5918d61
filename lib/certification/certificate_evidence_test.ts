// deno-lint-ignore-file no-explicit-any
import assert from "node:assert/strict";
import xapiValidation from "xapi-validation";
import { parse } from "yaml";
import { CertificationSchema } from "@/lib/content/schema.ts";
import { type Statement, VERBS } from "@/lib/evidence/statement.ts";
import { listLearnerStatements } from "@/lib/evidence/statement_store.ts";
import { ROLLUP_ROOT } from "@/lib/evidence/rollup.ts";
import { addMembership } from "@/lib/identity/teams/cohort_store.ts";
import { rebuildRollups } from "@/lib/evaluation/rebuild.ts";
import {
  AlreadyRevokedError,
  backfillCertificateEvidence,
  type Certificate,
  getCertificate,
  recordExpiries,
  revokeCertificate,
  saveCertificate,
} from "./certificate_store.ts";
import { CERTIFICATE_EXT } from "./certificate_evidence.ts";
import { issueCertificate } from "./issuing.ts";

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
const NOW = new Date("2026-12-07T08:00:00Z");
const validate = ((xapiValidation as any).default ?? xapiValidation) as (
  s: unknown,
) => unknown[];
const DAY = 86_400_000;

async function setup() {
  const kv = await Deno.openKv(":memory:");
  const op = kv.atomic();
  addMembership(op, {
    cohortId: "c1",
    teamId: "t1",
    userId: "u1",
    joinedAt: new Date(NOW.getTime() - 400 * DAY),
  });
  await op.commit();
  return kv;
}

const issue = (kv: Deno.Kv, at = NOW) =>
  issueCertificate(kv, {
    learnerId: "u1",
    holderName: "王小明",
    level,
    explanation: { levelId: level.id, criteria: [], eligible: true },
    origin: "http://localhost:8000",
    now: at,
  });

/** The learner's certificate statements of `verb`, for certificate `id`. */
async function statementsOf(
  kv: Deno.Kv,
  verb: "issued" | "expired" | "revoked",
  id?: string,
): Promise<Statement[]> {
  return (await listLearnerStatements(kv, "u1", 500)).filter((s) =>
    s.verb.id === VERBS[verb] &&
    (id === undefined || s.result?.extensions?.[CERTIFICATE_EXT] === id)
  );
}

async function countAll(kv: Deno.Kv): Promise<number> {
  return (await Array.fromAsync(kv.list({ prefix: ["statements"] }))).length;
}

const counter = async (kv: Deno.Kv, ...key: Deno.KvKeyPart[]) => {
  const v = (await kv.get([ROLLUP_ROOT, ...key])).value;
  return v instanceof Deno.KvU64 ? Number(v.value) : 0;
};

Deno.test("issuing writes exactly one 'issued' statement in the certificate's commit, with its rollups; saving it again writes none", async () => {
  using kv = await setup();
  const cert = await issue(kv);
  const issued = await statementsOf(kv, "issued");
  assert.equal(issued.length, 1);
  const s = issued[0];
  assert.equal(s.verb.id, "https://service-academy.example/xapi/verbs/issued");
  assert.equal(s.actor.account.name, "u1");
  assert.equal(
    s.object.id,
    `https://service-academy.example/xapi/courses/onboarding/certifications/${level.id}`,
  );
  assert.equal(
    s.object.definition.type,
    "http://activitystrea.ms/schema/1.0/badge",
  );
  assert.equal(s.timestamp, cert.issuedAt.toISOString());
  assert.equal(s.result?.extensions?.[CERTIFICATE_EXT], cert.id);
  assert.equal(
    s.context
      .extensions["https://service-academy.example/xapi/extensions/cohort"],
    "c1",
  );
  assert.equal(await counter(kv, "l", "u1", "cert", level.id, "issued"), 1);
  assert.equal(await counter(kv, "c", "c1", "cert", level.id, "issued"), 1);
  // No other event was recorded.
  assert.equal((await statementsOf(kv, "revoked")).length, 0);
  assert.equal((await statementsOf(kv, "expired")).length, 0);

  // A retried save of the same certificate fails and writes nothing.
  const before = await countAll(kv);
  await assert.rejects(() => saveCertificate(kv, cert), /id is taken/);
  assert.equal(await countAll(kv), before);
  assert.equal(await counter(kv, "l", "u1", "cert", level.id, "issued"), 1);

  // A second certificate is a second event.
  await issue(kv);
  assert.equal((await statementsOf(kv, "issued")).length, 2);
  assert.equal(await counter(kv, "c", "c1", "cert", level.id, "issued"), 2);
});

Deno.test("revoking writes exactly one 'revoked' statement; revoking a revoked certificate writes nothing", async () => {
  using kv = await setup();
  const a = await issue(kv);
  const b = await issue(kv);
  const at = new Date(NOW.getTime() + 3 * DAY);
  await revokeCertificate(kv, b.id, { by: "admin1", reason: "作弊" }, at);
  const revoked = await statementsOf(kv, "revoked");
  assert.equal(revoked.length, 1);
  assert.equal(revoked[0].result?.extensions?.[CERTIFICATE_EXT], b.id);
  assert.equal(revoked[0].timestamp, at.toISOString());
  assert.equal(await counter(kv, "c", "c1", "cert", level.id, "revoked"), 1);

  const before = await countAll(kv);
  await assert.rejects(
    () => revokeCertificate(kv, b.id, { by: "admin1", reason: "再次" }, at),
    AlreadyRevokedError,
  );
  // Two admins revoking at once: one wins, one statement.
  const results = await Promise.allSettled([
    revokeCertificate(kv, a.id, { by: "admin1", reason: "x" }, at),
    revokeCertificate(kv, a.id, { by: "admin2", reason: "y" }, at),
  ]);
  assert.deepEqual(results.map((r) => r.status).sort(), [
    "fulfilled",
    "rejected",
  ]);
  assert.equal(await countAll(kv), before + 1);
  assert.equal((await statementsOf(kv, "revoked", a.id)).length, 1);
  assert.equal(await counter(kv, "l", "u1", "cert", level.id, "revoked"), 2);

  // Revoked before it expired: its expiry is never recorded.
  const later = new Date(b.validUntil.getTime() + DAY);
  assert.equal(await recordExpiries(kv, later), 0);
  assert.equal((await statementsOf(kv, "expired")).length, 0);
});

Deno.test("expiry is recorded once by the sweep, dated when it expired; sweeping again or at once writes nothing more", async () => {
  using kv = await setup();
  const cert = await issue(kv);
  const other = await issue(kv, new Date(NOW.getTime() + 60 * DAY));
  // Valid up to and including validUntil (certificateStatus): nothing.
  assert.equal(await recordExpiries(kv, cert.validUntil), 0);
  assert.equal((await statementsOf(kv, "expired")).length, 0);

  const after = new Date(cert.validUntil.getTime() + DAY);
  // Two instances sweeping at the same moment.
  const swept = await Promise.all([
    recordExpiries(kv, after),
    recordExpiries(kv, after),
  ]);
  assert.equal(swept[0] + swept[1], 1);
  const expired = await statementsOf(kv, "expired");
  assert.equal(expired.length, 1);
  assert.equal(expired[0].result?.extensions?.[CERTIFICATE_EXT], cert.id);
  assert.equal(expired[0].timestamp, cert.validUntil.toISOString());
  assert.equal(await counter(kv, "c", "c1", "cert", level.id, "expired"), 1);

  const before = await countAll(kv);
  assert.equal(await recordExpiries(kv, after), 0);
  assert.equal(await countAll(kv), before);

  // The later certificate expires in its own time.
  assert.equal(
    await recordExpiries(kv, new Date(other.validUntil.getTime() + 1)),
    1,
  );
  assert.equal((await statementsOf(kv, "expired")).length, 2);
  assert.equal(await counter(kv, "l", "u1", "cert", level.id, "expired"), 2);
});

Deno.test("certificates saved before certificates had evidence get their statements once; the rebuild counts them", async () => {
  using kv = await setup();
  const fresh = await issue(kv);
  // Two older records, written without statements (as before this change).
  const older = async (id: string, revoked: boolean): Promise<Certificate> => {
    const cert: Certificate = {
      ...(await getCertificate(kv, fresh.id))!,
      id,
      issuedAt: new Date(NOW.getTime() - 500 * DAY),
      validUntil: new Date(NOW.getTime() - 135 * DAY),
      ...(revoked
        ? {
          revoked: {
            at: new Date(NOW.getTime() - 400 * DAY),
            by: "admin1",
            reason: "x",
          },
        }
        : {}),
    };
    await kv.set(["certificates", id], cert);
    return cert;
  };
  const expiredOne = await older("a".repeat(26), false);
  const revokedOne = await older("b".repeat(26), true);

  assert.equal(await backfillCertificateEvidence(kv), 2);
  assert.equal((await statementsOf(kv, "issued")).length, 3);
  assert.equal((await statementsOf(kv, "revoked", revokedOne.id)).length, 1);
  // The expired one waits for the sweep, like any other.
  assert.equal((await statementsOf(kv, "expired")).length, 0);
  assert.equal(await recordExpiries(kv, NOW), 1);
  assert.equal((await statementsOf(kv, "expired", expiredOne.id)).length, 1);

  const before = await countAll(kv);
  assert.equal(await backfillCertificateEvidence(kv), 0);
  assert.equal(await recordExpiries(kv, NOW), 0);
  assert.equal(await countAll(kv), before);

  const live = [
    await counter(kv, "c", "c1", "cert", level.id, "issued"),
    await counter(kv, "c", "c1", "cert", level.id, "revoked"),
    await counter(kv, "c", "c1", "cert", level.id, "expired"),
  ];
  assert.deepEqual(live, [3, 1, 1]);
  await kv.delete([ROLLUP_ROOT, "c", "c1", "cert", level.id, "issued"]);
  await rebuildRollups(kv);
  assert.deepEqual([
    await counter(kv, "c", "c1", "cert", level.id, "issued"),
    await counter(kv, "c", "c1", "cert", level.id, "revoked"),
    await counter(kv, "c", "c1", "cert", level.id, "expired"),
  ], live);
});

Deno.test("certificate statements are valid xAPI 1.0.3 as stored (the export sends them as they are)", async () => {
  using kv = await setup();
  const cert = await issue(kv);
  await revokeCertificate(kv, cert.id, { by: "admin1", reason: "x" }, NOW);
  const other = await issue(kv);
  await recordExpiries(kv, new Date(other.validUntil.getTime() + DAY));
  const all = await listLearnerStatements(kv, "u1", 50);
  assert.deepEqual(all.map((s) => s.verb.display["en-US"]).sort(), [
    "expired",
    "issued",
    "issued",
    "revoked",
  ]);
  for (const s of all) assert.deepEqual(validate(s), [], JSON.stringify(s));
});
