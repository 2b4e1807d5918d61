import assert from "node:assert/strict";
import {
  ConflictError,
  ForbiddenError,
  ValidationError,
} from "@/lib/errors.ts";
import { createCohort } from "@/lib/identity/teams/cohort_store.ts";
import { createTeam } from "@/lib/identity/teams/team_store.ts";
import { makeUser, NOW } from "@/lib/identity/accounts/testing.ts";
import { listPendingInvitations } from "./invitation_store.ts";
import {
  inviteRefusal,
  keptValues,
  submitInvitation,
} from "./invitation_submit.ts";
import { invitableCohorts, pendingInvitations } from "./invitation_view.ts";

/** Two teams, each with a manager and a cohort; one admin. */
async function setup(kv: Deno.Kv) {
  const admin = await makeUser(kv, "admin", "admin@example.com");
  const m1 = await makeUser(kv, "manager", "m1@example.com");
  const m2 = await makeUser(kv, "manager", "m2@example.com");
  const t1 = await createTeam(kv, { name: "一组", managerIds: [m1.id] }, NOW);
  const t2 = await createTeam(kv, { name: "二组", managerIds: [m2.id] }, NOW);
  const c1 = await createCohort(kv, {
    id: "c1",
    name: "第 1 期",
    teamId: t1.id,
    startDate: "2026-03-01",
  }, NOW);
  await createCohort(kv, {
    id: "c2",
    name: "第 2 期",
    teamId: t2.id,
    startDate: "2026-03-01",
  }, NOW);
  return { admin, m1, m2, c1 };
}

const invite = (more: Record<string, unknown> = {}) => ({
  action: "invite",
  cohortId: "c1",
  name: "李小雨",
  email: "li@example.com",
  ...more,
});

Deno.test("submitInvitation() issues a learner's link with the cohort's label", async () => {
  using kv = await Deno.openKv(":memory:");
  const { m1 } = await setup(kv);
  const cohorts = await invitableCohorts(kv, m1);
  const out = await submitInvitation(kv, m1.id, cohorts, invite(), NOW);
  assert.equal(out.kind, "issued");
  if (out.kind !== "issued") return;
  assert.equal(out.issued.name, "李小雨");
  assert.equal(out.issued.contact, "li@example.com");
  assert.deepEqual(out.issued.place, { cohort: "第 1 期 · 一组" });
  assert.match(out.issued.token, /^[A-Za-z0-9_-]{20,}$/);
  assert.equal((await listPendingInvitations(kv, "c1", NOW)).length, 1);
});

Deno.test("submitInvitation() gives bad input back to its own form with every problem, and writes nothing", async () => {
  using kv = await Deno.openKv(":memory:");
  const { admin } = await setup(kv);
  const cohorts = await invitableCohorts(kv, admin);
  const out = await submitInvitation(
    kv,
    admin.id,
    cohorts,
    invite({ name: "", email: "not-an-email", cohortId: "" }),
    NOW,
  );
  assert.deepEqual(out, {
    kind: "invalid",
    status: 422,
    slot: "cohort",
    values: { cohortId: "", name: "", email: "not-an-email" },
    errors: {
      cohortId: "invitations.cohort_required",
      name: "invitations.name_required",
      email: "invitations.email_invalid",
    },
  });
  const noContact = await submitInvitation(
    kv,
    admin.id,
    cohorts,
    invite({ email: "" }),
    NOW,
  );
  assert.equal(noContact.kind, "invalid");
  if (noContact.kind === "invalid") {
    assert.deepEqual(noContact.errors, {
      contact: "invitations.contact_required",
    });
  }
  // The staff form's problems go to the staff form, not the learner's.
  const staff = await submitInvitation(kv, admin.id, cohorts, {
    action: "invite-staff",
    role: "learner",
    name: "王晨",
    email: "wang@example.com",
  }, NOW);
  assert.equal(staff.kind, "invalid");
  if (staff.kind === "invalid") {
    assert.equal(staff.slot, "staff");
    assert.deepEqual(staff.errors, { role: "staff.invite.role_invalid" });
  }
  assert.deepEqual(await pendingInvitations(kv, admin, cohorts, NOW), []);
});

Deno.test("submitInvitation() refuses a duplicate email (invited, or an account) as the contact's problem", async () => {
  using kv = await Deno.openKv(":memory:");
  const { m1 } = await setup(kv);
  const cohorts = await invitableCohorts(kv, m1);
  await submitInvitation(kv, m1.id, cohorts, invite(), NOW);
  const again = await submitInvitation(
    kv,
    m1.id,
    cohorts,
    invite({ name: "另一个人", email: " LI@example.com " }),
    NOW,
  );
  assert.equal(again.kind, "invalid");
  if (again.kind === "invalid") {
    assert.equal(again.status, 409);
    assert.deepEqual(again.errors, { contact: "invitations.already_invited" });
    assert.equal(
      again.values.name,
      "另一个人",
      "the form keeps what was typed",
    );
  }
  const taken = await submitInvitation(
    kv,
    m1.id,
    cohorts,
    invite({ email: "m2@example.com" }),
    NOW,
  );
  assert.equal(
    taken.kind === "invalid" && taken.errors.contact,
    "invitations.login_taken",
  );
  assert.equal((await listPendingInvitations(kv, "c1", NOW)).length, 1);
});

Deno.test("submitInvitation(): a manager acting on another team's cohort, or inviting staff, is refused by the store (403)", async () => {
  using kv = await Deno.openKv(":memory:");
  const { m1, m2 } = await setup(kv);
  // m1's page never offers c2; a forged form names it anyway.
  const cohorts = await invitableCohorts(kv, m1);
  assert.deepEqual(cohorts.map((c) => c.id), ["c1"]);
  await assert.rejects(
    submitInvitation(kv, m1.id, cohorts, invite({ cohortId: "c2" }), NOW),
    ForbiddenError,
  );
  await assert.rejects(
    submitInvitation(kv, m1.id, cohorts, {
      action: "invite-staff",
      role: "trainer",
      name: "王晨",
      email: "wang@example.com",
    }, NOW),
    ForbiddenError,
  );
  // Revoking another team's invitation is refused the same way.
  const theirs = await submitInvitation(
    kv,
    m2.id,
    await invitableCohorts(kv, m2),
    invite({ cohortId: "c2", email: "z@example.com" }),
    NOW,
  );
  assert.equal(theirs.kind, "issued");
  const [pending] = await listPendingInvitations(kv, "c2", NOW);
  await assert.rejects(
    submitInvitation(kv, m1.id, cohorts, {
      action: "revoke",
      cohortId: "c2",
      invitationId: pending.id,
    }, NOW),
    ForbiddenError,
  );
  assert.equal((await listPendingInvitations(kv, "c2", NOW)).length, 1);
  assert.deepEqual(await listPendingInvitations(kv, "c1", NOW), []);
});

Deno.test("submitInvitation() revokes once; a stale or forged revoke and an unknown action are page messages", async () => {
  using kv = await Deno.openKv(":memory:");
  const { m1 } = await setup(kv);
  const cohorts = await invitableCohorts(kv, m1);
  await submitInvitation(kv, m1.id, cohorts, invite(), NOW);
  const [pending] = await listPendingInvitations(kv, "c1", NOW);
  const revoke = { action: "revoke", cohortId: "c1", invitationId: pending.id };
  assert.deepEqual(
    await submitInvitation(kv, m1.id, cohorts, revoke, NOW),
    { kind: "revoked" },
  );
  assert.deepEqual(await submitInvitation(kv, m1.id, cohorts, revoke, NOW), {
    kind: "alert",
    status: 404,
    alert: "invitations.revoke_gone",
  });
  assert.deepEqual(
    await submitInvitation(kv, m1.id, cohorts, {
      action: "revoke",
      cohortId: "c1",
      invitationId: "<script>",
    }, NOW),
    { kind: "alert", status: 422, alert: "invitations.revoke_invalid" },
  );
  for (const action of ["delete", undefined, 0]) {
    assert.deepEqual(
      await submitInvitation(kv, m1.id, cohorts, invite({ action }), NOW),
      { kind: "alert", status: 422, alert: "invitations.action_invalid" },
    );
  }
  assert.deepEqual(await listPendingInvitations(kv, "c1", NOW), []);
});

Deno.test("keptValues() keeps only the named text fields, clipped; inviteRefusal() names the field a store refused", () => {
  assert.deepEqual(
    keptValues(
      { name: "x".repeat(400), email: 0, role: "learner", other: "y" },
      [
        "name",
        "email",
        "role",
      ],
    ),
    { name: "x".repeat(300), role: "learner" },
  );
  assert.deepEqual(
    inviteRefusal(new ValidationError("phone", "bad phone")),
    { status: 422, errors: { phone: "invitations.phone_invalid" } },
  );
  assert.deepEqual(
    inviteRefusal(new ValidationError("logins", "none")),
    { status: 422, errors: { contact: "invitations.contact_required" } },
  );
  assert.deepEqual(
    inviteRefusal(new ConflictError("taken", "login-taken")),
    { status: 409, errors: { contact: "invitations.login_taken" } },
  );
  assert.equal(inviteRefusal(new ForbiddenError("no")), null);
  assert.equal(inviteRefusal(new Error("boom")), null);
});
