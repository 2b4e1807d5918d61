import assert from "node:assert/strict";
import { demoTest } from "./testing.ts";
import { getCertificate } from "@/lib/certification/certificate_store.ts";
import { checkCertificate } from "@/lib/certification/issuing.ts";
import { getGain } from "@/lib/exam/gain_store.ts";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";
import { seedDemoProgress } from "@/lib/learning/demo_progress.ts";
import { seedDemoCertification } from "./demo_certification.ts";
import { todayView } from "@/lib/onboarding/today.ts";

const ORIGIN = "http://localhost:8000";

demoTest(
  "demo graduates are made by the real engines: valid, revoked, ready for the exam, renewal due, expired",
  async (kv, now) => {
    await seedDemoProgress(kv, "onboarding", now);
    const id = await seedDemoCertification(kv, "onboarding", ORIGIN, now, {
      iterations: 1000,
    });
    assert.ok(id);
    // Seeding again finds the same certificate and adds nothing.
    assert.equal(
      await seedDemoCertification(kv, "onboarding", ORIGIN, now),
      id,
    );
    const cert = (await getCertificate(kv, id))!;
    assert.deepEqual(await checkCertificate(kv, cert, now), {
      status: "valid",
      proof: { verified: true, errors: [] },
      listSaysRevoked: false,
    });

    const today = async (email: string) => {
      const user = (await findUserByLogin(kv, email))!;
      return (await todayView(kv, user, ORIGIN, now))!;
    };
    const onboarding = async (email: string) =>
      (await today(email)).levels.find((l) => l.level.id === "onboarding")!;

    const graduate = await onboarding("graduate@demo.academy");
    assert.equal(graduate.status, "valid");
    assert.equal(graduate.certificate!.id, id);
    assert.equal(graduate.renewInDays, null);

    const revoked = await onboarding("revoked@demo.academy");
    assert.equal(revoked.status, "revoked");
    const check = await checkCertificate(kv, revoked.certificate!, now);
    assert.equal(check.listSaysRevoked, true);
    assert.equal(check.proof.verified, true);

    const renewal = await onboarding("renewal@demo.academy");
    assert.equal(renewal.status, "valid");
    assert.ok(
      renewal.renewInDays! >= 1 && renewal.renewInDays! <= 30,
      `renew in ${renewal.renewInDays}`,
    );

    const expired = await onboarding("expired@demo.academy");
    assert.equal(expired.status, "expired");

    // Everything but the exam: each other rule met, the exam pending.
    const ready = await onboarding("ready@demo.academy");
    assert.equal(ready.certificate, null);
    assert.deepEqual(
      ready.explanation.criteria.map((c) => [c.id, c.state]),
      [
        ["plan-items", "met"],
        ["quizzes", "met"],
        ["scenario-average", "met"],
        ["red-lines", "met"],
        ["exam", "pending"],
        ["surveys", "met"],
      ],
    );

    const user = (await findUserByLogin(kv, "graduate@demo.academy"))!;
    const gain = (await getGain(kv, user.id, "onboarding"))!;
    assert.ok(gain.post > gain.pre, JSON.stringify(gain));
    assert.equal(
      gain.gain,
      Math.round(((gain.post - gain.pre) / (100 - gain.pre)) * 100) / 100,
    );
  },
);
