import assert from "node:assert/strict";
import { listMembershipsOfUser } from "@/lib/identity/teams/cohort_store.ts";
import { teamWithCohort } from "@/lib/identity/teams/testing.ts";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from "@/lib/errors.ts";
import {
  acceptInvitation,
  createInvitation,
  getInvitationByToken,
  INVITATION_TTL_MS,
  listPendingInvitations,
  revokeInvitation,
} from "./invitation_store.ts";
import { signIn } from "@/lib/identity/accounts/sign_in.ts";
import {
  FAST,
  makeUser,
  minutesLater,
  NOW,
} from "@/lib/identity/accounts/testing.ts";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";

async function setup(kv: Deno.Kv) {
  const admin = await makeUser(kv, "admin", "admin@example.com");
  const manager = await makeUser(kv, "manager", "m@example.com");
  const other = await makeUser(kv, "manager", "m2@example.com");
  const { team, cohort } = await teamWithCohort(kv, [manager.id]);
  return { admin, manager, other, team, cohort };
}

const is = (code: string) => (e: unknown) =>
  e instanceof ConflictError && e.code === code;

/** Accepts the invitation as `name` with `password` (hashed fast), at `at`. */
const accept = (
  kv: Deno.Kv,
  token: string,
  name: string,
  password: string,
  at = NOW,
) => acceptInvitation(kv, token, { name, password }, at, FAST);

Deno.test("acceptInvitation() creates the learner with membership and consumes the token once", async () => {
  using kv = await Deno.openKv(":memory:");
  const { manager, team, cohort } = await setup(kv);
  const { token, invitation } = await createInvitation(
    kv,
    manager.id,
    cohort.id,
    { name: "王晨", phone: "138 0013 8000" },
    NOW,
  );
  assert.equal(invitation.status, "pending");
  assert.equal(
    invitation.expiresAt.getTime() - NOW.getTime(),
    INVITATION_TTL_MS,
  );
  const keys = JSON.stringify(
    await Array.fromAsync(kv.list({ prefix: [] }), (e) => e.key),
  );
  assert.ok(!keys.includes(token), "only the token's hash is stored");
  assert.equal((await listPendingInvitations(kv, cohort.id, NOW)).length, 1);

  const user = await accept(
    kv,
    token,
    "",
    "我的密码是十个字符以上",
    minutesLater(10),
  );
  assert.equal(user.name, "王晨", "an empty name keeps the invited one");
  assert.equal(user.role, "learner");
  assert.equal(user.phone, "13800138000");
  assert.deepEqual(await listMembershipsOfUser(kv, user.id), [{
    cohortId: cohort.id,
    teamId: team.id,
    userId: user.id,
    joinedAt: minutesLater(10),
  }]);
  const consumed = await getInvitationByToken(kv, token);
  assert.equal(consumed?.status, "accepted");
  assert.ok(
    consumed && !("name" in consumed) && !("phone" in consumed),
    "no personal data kept",
  );
  assert.equal(
    (await kv.get(["users", user.id])).versionstamp,
    (await kv.get([
      "invitations",
      (await kv.list({ prefix: ["invitations"] }).next()).value!.key[1],
    ])).versionstamp,
  );
  assert.deepEqual(await listPendingInvitations(kv, cohort.id, NOW), []);
  assert.equal(
    (await signIn(
      kv,
      {
        login: "13800138000",
        password: "我的密码是十个字符以上",
        address: "a",
      },
      minutesLater(11),
      { iterations: FAST },
    )).ok,
    true,
  );

  await assert.rejects(
    accept(kv, token, "x", "another password", minutesLater(12)),
    is("invitation-used"),
  );
});

Deno.test("acceptInvitation() lets exactly one of two concurrent accepts win", async () => {
  using kv = await Deno.openKv(":memory:");
  const { admin, cohort } = await setup(kv);
  const { token } = await createInvitation(kv, admin.id, cohort.id, {
    name: "张一鸣",
    email: "z@example.com",
  }, NOW);
  const results = await Promise.allSettled([
    accept(kv, token, "张一鸣", "password one!"),
    accept(kv, token, "张一鸣", "password two!"),
  ]);
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  const failed = results.find((r) =>
    r.status === "rejected"
  ) as PromiseRejectedResult;
  assert.ok(is("invitation-used")(failed.reason), String(failed.reason));
  assert.equal(
    (await Array.fromAsync(kv.list({ prefix: ["users"] }))).length,
    4,
  ); // 3 staff + 1 new hire
});

Deno.test("acceptInvitation() refuses unknown, expired and bad input", async () => {
  using kv = await Deno.openKv(":memory:");
  const { admin, cohort } = await setup(kv);
  const { token } = await createInvitation(kv, admin.id, cohort.id, {
    name: "陈思思",
    email: "c@example.com",
  }, NOW);
  await assert.rejects(
    accept(kv, "x".repeat(43), "a", "long enough!"),
    NotFoundError,
  );
  await assert.rejects(accept(kv, "short", "a", "long enough!"), NotFoundError);
  await assert.rejects(
    accept(kv, token, "陈思思", "short"),
    (e) => e instanceof ValidationError && e.field === "password",
  );
  await assert.rejects(
    accept(
      kv,
      token,
      "陈思思",
      "long enough!",
      new Date(NOW.getTime() + INVITATION_TTL_MS),
    ),
    is("invitation-expired"),
  );
  assert.equal(await findUserByLogin(kv, "c@example.com"), null);
});

Deno.test("createInvitation() is for admins and the team's managers, and refuses taken logins", async () => {
  using kv = await Deno.openKv(":memory:");
  const { manager, other, cohort } = await setup(kv);
  const learner = await makeUser(kv, "learner", "l@example.com");
  /** `actorId` invites "a" at `email` into the cohort. */
  const invite = (actorId: string, email = "a@example.com") =>
    createInvitation(kv, actorId, cohort.id, { name: "a", email }, NOW);
  await assert.rejects(invite(other.id), ForbiddenError);
  await assert.rejects(invite(learner.id), ForbiddenError);
  await assert.rejects(invite(manager.id, "L@example.com"), is("login-taken"));
  await assert.rejects(
    invite(manager.id, "abc"),
    (e) => e instanceof ValidationError && e.field === "email",
  );
  const first = await invite(manager.id);
  await assert.rejects(invite(manager.id), is("already-invited"));
  // Withdrawn, the login may be invited again; the old link is dead.
  await assert.rejects(
    revokeInvitation(kv, learner.id, cohort.id, first.invitation.id),
    ForbiddenError,
    "only someone who may invite may withdraw",
  );
  await revokeInvitation(kv, manager.id, cohort.id, first.invitation.id);
  const again = await invite(manager.id);
  await assert.rejects(
    accept(kv, first.token, "a", "long enough!"),
    NotFoundError,
  );
  assert.equal(
    (await accept(kv, again.token, "a", "long enough!")).email,
    "a@example.com",
  );
});
