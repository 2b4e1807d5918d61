import assert from "node:assert/strict";
import {
  ConflictError,
  ForbiddenError,
  ValidationError,
} from "@/lib/errors.ts";
import { createCohort } from "@/lib/identity/teams/cohort_store.ts";
import { createTeam } from "@/lib/identity/teams/team_store.ts";
import { makeUser, NOW } from "@/lib/identity/accounts/testing.ts";
import type { User } from "@/lib/identity/accounts/user_store.ts";
import { listPendingInvitations } from "./invitation_store.ts";
import { keptValues } from "@/lib/forms/form.ts";
import { inviteRefusal, submitInvitation } from "./invitation_submit.ts";
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

/** The cohorts `actor` may invite into, and a submit of `body` on their page at NOW. */
async function page(kv: Deno.Kv, actor: User) {
  const cohorts = await invitableCohorts(kv, actor);
  const submit = (body: Record<string, unknown>) =>
    submitInvitation(kv, actor.id, cohorts, body, NOW);
  return { cohorts, submit };
}

Deno.test("submitInvitation() issues a learner's link with the cohort's label", async () => {
  using kv = await Deno.openKv(":memory:");
  const { m1 } = await setup(kv);
  const { submit } = await page(kv, m1);
  const out = await submit(invite());
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
  const { cohorts, submit } = await page(kv, admin);
  const out = await submit(
    invite({ name: "", email: "not-an-email", cohortId: "" }),
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
  const noContact = await submit(invite({ email: "" }));
  assert.equal(noContact.kind, "invalid");
  if (noContact.kind === "invalid") {
    assert.deepEqual(noContact.errors, {
      contact: "invitations.contact_required",
    });
  }
  // The staff form's problems go to the staff form, not the learner's.
  const staff = await submit({
    action: "invite-staff",
    role: "learner",
    name: "王晨",
    email: "wang@example.com",
  });
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
  const { submit } = await page(kv, m1);
  await submit(invite());
  const again = await submit(
    invite({ name: "另一个人", email: " LI@example.com " }),
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
  const taken = await submit(invite({ email: "m2@example.com" }));
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
  const { cohorts, submit } = await page(kv, m1);
  assert.deepEqual(cohorts.map((c) => c.id), ["c1"]);
  await assert.rejects(
    submit(invite({ cohortId: "c2" })),
    ForbiddenError,
  );
  await assert.rejects(
    submit({
      action: "invite-staff",
      role: "trainer",
      name: "王晨",
      email: "wang@example.com",
    }),
    ForbiddenError,
  );
  // Revoking another team's invitation is refused the same way.
  const theirs = await (await page(kv, m2)).submit(
    invite({ cohortId: "c2", email: "z@example.com" }),
  );
  assert.equal(theirs.kind, "issued");
  const [pending] = await listPendingInvitations(kv, "c2", NOW);
  await assert.rejects(
    submit({
      action: "revoke",
      cohortId: "c2",
      invitationId: pending.id,
    }),
    ForbiddenError,
  );
  assert.equal((await listPendingInvitations(kv, "c2", NOW)).length, 1);
  assert.deepEqual(await listPendingInvitations(kv, "c1", NOW), []);
});

Deno.test("submitInvitation() revokes once; a stale or forged revoke and an unknown action are page messages", async () => {
  using kv = await Deno.openKv(":memory:");
  const { m1 } = await setup(kv);
  const { submit } = await page(kv, m1);
  await submit(invite());
  const [pending] = await listPendingInvitations(kv, "c1", NOW);
  const revoke = { action: "revoke", cohortId: "c1", invitationId: pending.id };
  assert.deepEqual(
    await submit(revoke),
    { kind: "revoked" },
  );
  assert.deepEqual(await submit(revoke), {
    kind: "alert",
    status: 404,
    alert: "invitations.revoke_gone",
  });
  assert.deepEqual(
    await submit({
      action: "revoke",
      cohortId: "c1",
      invitationId: "<script>",
    }),
    { kind: "alert", status: 422, alert: "invitations.revoke_invalid" },
  );
  for (const action of ["delete", undefined, 0]) {
    assert.deepEqual(
      await submit(invite({ action })),
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
