import assert from "node:assert/strict";
import type { Certification } from "@/lib/content/schema.ts";
import { countFunnel, type FunnelFacts, learnerStages } from "./funnel.ts";

const level = {
  id: "onboarding",
  title: "上岗",
  titleEn: "Onboarding",
  description: "d",
  descriptionEn: "d",
  criteria: "c",
  validityMonths: 12,
  reminderDays: 30,
  rules: {
    quizzes: { modules: ["m1", "m2"], minPercent: 80 },
    exam: { ref: "cert" },
  },
} as Certification;
const now = new Date("2026-06-01T00:00:00Z");
const DAY = 86_400_000;
const base: FunnelFacts = {
  active: false,
  quizzes: {},
  examsTaken: new Set(),
  certificates: [],
};

Deno.test("learnerStages(): an invited member who did nothing is only invited", () => {
  assert.deepEqual([...learnerStages(level, [], base, now)], ["invited"]);
});

Deno.test("learnerStages(): modules count only at the level's bar, every module", () => {
  const passedBelowBar = {
    ...base,
    active: true,
    quizzes: {
      m1: { best: 90, passed: true },
      m2: { best: 70, passed: true }, // passed the quiz, but under 80
    },
  };
  assert.deepEqual([...learnerStages(level, [], passedBelowBar, now)], [
    "invited",
    "active",
  ]);
  const oneMissing = { ...base, quizzes: { m1: { best: 100, passed: true } } };
  assert.equal(learnerStages(level, [], oneMissing, now).has("modules"), false);
  const both = {
    ...base,
    quizzes: { m1: { best: 80, passed: true }, m2: { best: 95, passed: true } },
  };
  assert.equal(learnerStages(level, [], both, now).has("modules"), true);
});

Deno.test("learnerStages(): another exam than the level's does not count", () => {
  const other = { ...base, examsTaken: new Set(["pretest"]) };
  assert.equal(learnerStages(level, [], other, now).has("exam"), false);
  const taken = { ...base, examsTaken: new Set(["cert"]) };
  assert.equal(learnerStages(level, [], taken, now).has("exam"), true);
});

Deno.test("learnerStages(): certified, expiring inside the reminder, expired after; revoked and other levels are not", () => {
  const cert = (days: number, extra: object = {}) => ({
    levelId: "onboarding",
    validUntil: new Date(now.getTime() + days * DAY),
    ...extra,
  });
  const stages = (certificates: FunnelFacts["certificates"]) =>
    [
      ...learnerStages(level, [], { ...base, certificates }, now),
    ].filter((s) => s !== "invited");
  assert.deepEqual(stages([cert(200)]), ["certified"]);
  assert.deepEqual(stages([cert(30)]), ["certified", "expiring"]);
  assert.deepEqual(stages([cert(-1)]), ["certified", "expired"]);
  // A renewed certificate replaces the expired one.
  assert.deepEqual(stages([cert(-1), cert(300)]), ["certified"]);
  assert.deepEqual(stages([cert(200, { revoked: { at: now } })]), []);
  assert.deepEqual(stages([{ ...cert(200), levelId: "senior" }]), []);
});

Deno.test("countFunnel() adds pending invitations to 'invited' only", () => {
  const a = learnerStages(level, [], { ...base, active: true }, now);
  const b = learnerStages(level, [], base, now);
  assert.deepEqual(countFunnel([a, b], 3), {
    invited: 5,
    active: 1,
    modules: 0,
    exam: 0,
    certified: 0,
    expiring: 0,
    expired: 0,
  });
});
