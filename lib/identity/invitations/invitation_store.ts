/**
 * Invitations of new hires: a one-time link token (random 256-bit) that lets
 * the invitee set a name and password; the store keeps only the token's
 * SHA-256. Accepting creates the user and the cohort membership and consumes
 * the invitation in ONE commit. An accepted invitation keeps no personal
 * data (name and login are dropped), only who joined which cohort.
 *
 * Invitations issued together (CSV import) may need several commits (KV
 * allows 1000 mutations per commit). They then carry a `batchId` and count
 * only once their batch record says "committed", which the last commit
 * writes: an import that stops half way leaves inert invitations that can
 * never be accepted or block a login; they are rolled back when possible
 * and expire anyway. Only this module reads or writes these keys:
 *
 * | key                                                | value                      |
 * | -------------------------------------------------- | -------------------------- |
 * | ["invitations", tokenHash]                         | Invitation                 |
 * | ["invitations_by_login", login]                    | tokenHash (latest pending) |
 * | ["invitations_by_cohort", cohortId, invitationId]  | tokenHash (while pending)  |
 * | ["invitations_staff", invitationId]                | tokenHash (while pending)  |
 *
 * Staff invitations (mentor, trainer, manager, admin: admins only) have no
 * cohort; accepting one creates the account with its role and nothing else.
 * A pending invitation keeps its link token so the inviter can copy the
 * link again until it is used or revoked (accepting drops it with the
 * invitee's data).
 * | ["invitation_batches", batchId]                    | Batch                      |
 *
 * Over 400 lines on purpose: every read and write of these five keys stays
 * in this one module (the house rule for stores), so the batch, accept and
 * revoke paths that must agree on them are checked side by side.
 */
import { getAll } from "@/lib/db/many.ts";
import { monotonicFactory } from "ulid";
import { z } from "zod";
import {
  addAuditEntry,
  type AuditInput,
} from "@/lib/identity/audit/audit_store.ts";
import {
  addMembership,
  type Cohort,
  requireCohort,
} from "@/lib/identity/teams/cohort_store.ts";
import {
  EmailSchema,
  NameSchema,
  PhoneSchema,
} from "@/lib/identity/contact.ts";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  parseInput,
  ValidationError,
} from "@/lib/errors.ts";
import { decodeStored } from "@/lib/db/decode.ts";
import {
  hashPassword,
  PasswordSchema,
  PBKDF2_ITERATIONS,
} from "@/lib/identity/accounts/password.ts";
import { type Role, RoleSchema } from "@/lib/identity/roles.ts";
import { managesTeam } from "@/lib/identity/teams/team_store.ts";
import { hashToken, randomToken, TOKEN_PATTERN } from "@/lib/identity/token.ts";
import {
  addUserCreation,
  getUser,
  newUser,
  takenLogin,
  type User,
} from "@/lib/identity/accounts/user_store.ts";

const ulid = monotonicFactory();
const invitationKey = (tokenHash: string) => ["invitations", tokenHash];
const byLogin = (login: string) => ["invitations_by_login", login];
const byCohort = (cohortId: string) => ["invitations_by_cohort", cohortId];
const staffIndex = ["invitations_staff"];
/** Where a pending invitation is listed: its cohort, or the staff list. */
const pendingKey = (inv: { cohortId?: string; id: string }) =>
  inv.cohortId ? [...byCohort(inv.cohortId), inv.id] : [...staffIndex, inv.id];
const batchKey = (id: string) => ["invitation_batches", id];

/** An invitation link works this long. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
/**
 * Records stay this long after creation, so a late or second click gets
 * "already used" / "expired" rather than "unknown"; then KV drops them.
 */
const RETAIN_MS = 30 * 24 * 3600_000;
/** Invitations per commit: 3 mutations each, under KV's 1000. */
export const INVITATIONS_PER_COMMIT = 300;

const Common = {
  id: z.string().length(26),
  role: RoleSchema,
  /** A learner's team and cohort; absent for a staff invitation. */
  teamId: z.string().optional(),
  cohortId: z.string().optional(),
  invitedBy: z.string(),
  createdAt: z.date(),
  expiresAt: z.date(),
  batchId: z.string().optional(),
};

/** A stored invitation: pending (with the invitee's data) or accepted (without). */
export const InvitationSchema = z.discriminatedUnion("status", [
  z.object({
    ...Common,
    status: z.literal("pending"),
    name: z.string().max(50),
    /** The link token, to show the link again (absent on older records). */
    token: z.string().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
  }),
  z.object({
    ...Common,
    status: z.literal("accepted"),
    acceptedAt: z.date(),
    userId: z.string(),
  }),
]);
/** A stored invitation. */
export type Invitation = z.infer<typeof InvitationSchema>;
/** A pending invitation. */
export type PendingInvitation = Extract<Invitation, { status: "pending" }>;

const BatchSchema = z.object({
  id: z.string(),
  state: z.enum(["pending", "committed"]),
  cohortId: z.string(),
  count: z.number().int(),
  createdAt: z.date(),
});

/** Who is invited: a suggested name and at least one login. */
export const InviteeSchema = z.object({
  name: NameSchema,
  email: EmailSchema.optional(),
  phone: PhoneSchema.optional(),
}).refine((i) => i.email || i.phone, {
  message: "an email or a phone is required",
  path: ["email"],
});
/** Who is invited. */
export type Invitee = z.input<typeof InviteeSchema>;

/** An invitation just issued, with its token (shown once: put it in the link). */
export interface IssuedInvitation {
  token: string;
  invitation: PendingInvitation;
}

/** Throws ForbiddenError unless the actor is an admin or a manager of the cohort's team. */
export async function assertCanInvite(
  kv: Deno.Kv,
  actorId: string,
  cohort: Cohort,
): Promise<void> {
  const actor = await getUser(kv, actorId);
  const ok = actor && !actor.disabled &&
    (actor.role === "admin" ||
      (actor.role === "manager" &&
        await managesTeam(kv, actorId, cohort.teamId)));
  if (!ok) {
    throw new ForbiddenError(
      `Cannot invite to cohort "${cohort.id}": "${actorId}" is neither an admin nor a manager of team "${cohort.teamId}"`,
    );
  }
}

async function batchCommitted(
  kv: Deno.Kv,
  batchId: string | undefined,
): Promise<boolean> {
  if (!batchId) return true;
  const e = await kv.get(batchKey(batchId));
  return e.versionstamp !== null &&
    decodeStored(BatchSchema, e.key, e.value).state === "committed";
}

/** The live pending invitation of a normalised login, if any. */
export async function pendingInvitationFor(
  kv: Deno.Kv,
  login: string,
  now: Date,
): Promise<PendingInvitation | null> {
  const ref = await kv.get(byLogin(login));
  if (ref.versionstamp === null) return null;
  const e = await kv.get(
    invitationKey(decodeStored(z.string(), ref.key, ref.value)),
  );
  if (e.versionstamp === null) return null;
  const inv = decodeStored(InvitationSchema, e.key, e.value);
  if (inv.status !== "pending" || inv.expiresAt <= now) return null;
  return await batchCommitted(kv, inv.batchId) ? inv : null;
}

/** Which of many normalised logins have a live pending invitation (batched reads). */
export async function pendingLogins(
  kv: Deno.Kv,
  logins: readonly string[],
  now: Date,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < logins.length; i += 10) {
    const refs = (await getAll(kv, logins.slice(i, i + 10).map(byLogin)))
      .filter((r) => r.versionstamp !== null);
    if (refs.length === 0) continue;
    const invs = await getAll(
      kv,
      refs.map((r) => invitationKey(decodeStored(z.string(), r.key, r.value))),
    );
    for (const [j, e] of invs.entries()) {
      if (e.versionstamp === null) continue;
      const inv = decodeStored(InvitationSchema, e.key, e.value);
      if (
        inv.status === "pending" && inv.expiresAt > now &&
        await batchCommitted(kv, inv.batchId)
      ) {
        found.add(String(refs[j].key[1]));
      }
    }
  }
  return found;
}

/** Throws ConflictError when a login has an account or a live invitation. */
async function assertLoginsFree(
  kv: Deno.Kv,
  i: { email?: string; phone?: string },
  now: Date,
) {
  const taken = await takenLogin(kv, i);
  if (taken) {
    throw new ConflictError(
      `Cannot invite: login "${taken}" already has an account`,
      "login-taken",
    );
  }
  for (const login of [i.email, i.phone]) {
    if (login && await pendingInvitationFor(kv, login, now)) {
      throw new ConflictError(
        `Cannot invite: login "${login}" already has a pending invitation`,
        "already-invited",
      );
    }
  }
}

async function draft(
  invitee: z.output<typeof InviteeSchema>,
  cohort: Cohort | null,
  actorId: string,
  now: Date,
  batchId?: string,
  role: Role = "learner",
): Promise<
  { token: string; tokenHash: string; invitation: PendingInvitation }
> {
  const token = randomToken();
  const invitation = InvitationSchema.parse({
    id: ulid(now.getTime()),
    status: "pending",
    role,
    ...invitee,
    token,
    teamId: cohort?.teamId,
    cohortId: cohort?.id,
    invitedBy: actorId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    batchId,
  }) as PendingInvitation;
  return { token, tokenHash: await hashToken(token), invitation };
}

function addPending(
  op: Deno.AtomicOperation,
  tokenHash: string,
  inv: PendingInvitation,
) {
  op.set(invitationKey(tokenHash), inv, { expireIn: RETAIN_MS })
    .set(pendingKey(inv), tokenHash, { expireIn: INVITATION_TTL_MS });
  for (const login of [inv.email, inv.phone]) {
    if (login) {
      op.set(byLogin(login), tokenHash, { expireIn: INVITATION_TTL_MS });
    }
  }
}

/**
 * Invites one new hire (role learner) into a cohort. Admins may invite to
 * any cohort, managers to their own teams' cohorts. Throws ValidationError
 * for bad input and ConflictError when a login already has an account or a
 * live invitation.
 */
export async function createInvitation(
  kv: Deno.Kv,
  actorId: string,
  cohortId: string,
  invitee: Invitee,
  now: Date,
): Promise<IssuedInvitation> {
  const data = parseInput(InviteeSchema, invitee);
  const cohort = await requireCohort(kv, cohortId);
  await assertCanInvite(kv, actorId, cohort);
  await assertLoginsFree(kv, data, now);
  const d = await draft(data, cohort, actorId, now);
  return await issue(kv, actorId, d, {
    cohortId: d.invitation.cohortId ?? null,
    role: d.invitation.role,
  }, now);
}

/**
 * Stores one drafted invitation with its audit entry in one commit (the
 * token hash checked unused) and hands back the token to send.
 */
async function issue(
  kv: Deno.Kv,
  actorId: string,
  d: Awaited<ReturnType<typeof draft>>,
  detail: AuditInput["detail"],
  now: Date,
): Promise<IssuedInvitation> {
  const op = kv.atomic().check({
    key: invitationKey(d.tokenHash),
    versionstamp: null,
  });
  addPending(op, d.tokenHash, d.invitation);
  addAuditEntry(op, {
    actorId,
    action: "invitation.created",
    targetType: "invitation",
    targetId: d.invitation.id,
    detail,
  }, now);
  if (!(await op.commit()).ok) {
    throw new Error(`Cannot invite: token hash collided`);
  }
  return { token: d.token, invitation: d.invitation };
}

/** Roles a staff invitation can make. */
export const STAFF_INVITE_ROLES = [
  "mentor",
  "trainer",
  "manager",
  "admin",
] as const;

/**
 * Invites a staff member (mentor, trainer, manager or admin; no cohort).
 * Admins only (ForbiddenError otherwise); audited in the same commit.
 * ValidationError for bad input, ConflictError when a login is taken.
 */
export async function createStaffInvitation(
  kv: Deno.Kv,
  actorId: string,
  role: typeof STAFF_INVITE_ROLES[number],
  invitee: Invitee,
  now: Date,
): Promise<IssuedInvitation> {
  const data = parseInput(InviteeSchema, invitee);
  if (!(STAFF_INVITE_ROLES as readonly string[]).includes(role)) {
    throw new ValidationError("role", `"${role}" is not a staff role`);
  }
  const actor = await getUser(kv, actorId);
  if (!actor || actor.disabled || actor.role !== "admin") {
    throw new ForbiddenError(
      `Cannot invite a ${role}: "${actorId}" is not an active admin`,
    );
  }
  await assertLoginsFree(kv, data, now);
  const d = await draft(data, null, actorId, now, undefined, role);
  return await issue(kv, actorId, d, { role }, now);
}

/** Lists live pending staff invitations (at most `limit`). */
export async function listPendingStaffInvitations(
  kv: Deno.Kv,
  now: Date,
  limit = 200,
): Promise<PendingInvitation[]> {
  return await pendingFrom(kv, staffIndex, now, limit);
}

/**
 * Issues many invitations to one cohort as a unit: afterwards either all of
 * them work or none does (see the module comment). The caller has validated
 * the invitees and their logins (csv_import.ts does).
 */
export async function createInvitations(
  kv: Deno.Kv,
  actorId: string,
  cohort: Cohort,
  invitees: readonly z.output<typeof InviteeSchema>[],
  now: Date,
): Promise<IssuedInvitation[]> {
  await assertCanInvite(kv, actorId, cohort);
  const chunks: (typeof invitees)[] = [];
  for (let i = 0; i < invitees.length; i += INVITATIONS_PER_COMMIT) {
    chunks.push(invitees.slice(i, i + INVITATIONS_PER_COMMIT));
  }
  if (chunks.length <= 1) {
    // Fits one commit: atomic by itself, no batch record needed.
    const drafts = await Promise.all(
      invitees.map((i) => draft(i, cohort, actorId, now)),
    );
    const op = kv.atomic();
    for (const d of drafts) addPending(op, d.tokenHash, d.invitation);
    auditImport(op, actorId, cohort, invitees.length, now);
    if (!(await op.commit()).ok) {
      throw new Error(`Cannot issue invitations: commit failed`);
    }
    return drafts.map(({ token, invitation }) => ({ token, invitation }));
  }
  const batch = BatchSchema.parse({
    id: ulid(now.getTime()),
    state: "pending",
    cohortId: cohort.id,
    count: invitees.length,
    createdAt: now,
  });
  const begun = await kv.atomic().check({
    key: batchKey(batch.id),
    versionstamp: null,
  })
    .set(batchKey(batch.id), batch, { expireIn: RETAIN_MS }).commit();
  if (!begun.ok) {
    throw new Error(`Cannot issue invitations: batch "${batch.id}" exists`);
  }
  const written: {
    token: string;
    tokenHash: string;
    invitation: PendingInvitation;
  }[] = [];
  try {
    for (const chunk of chunks) {
      const drafts = await Promise.all(
        chunk.map((i) => draft(i, cohort, actorId, now, batch.id)),
      );
      const op = kv.atomic();
      for (const d of drafts) addPending(op, d.tokenHash, d.invitation);
      if (!(await op.commit()).ok) {
        throw new Error(
          `Cannot issue invitations of batch "${batch.id}": commit failed`,
        );
      }
      written.push(...drafts);
    }
    const finish = kv.atomic().set(batchKey(batch.id), {
      ...batch,
      state: "committed",
    }, { expireIn: RETAIN_MS });
    auditImport(finish, actorId, cohort, invitees.length, now);
    const done = await finish.commit();
    if (!done.ok) throw new Error(`Cannot commit batch "${batch.id}"`);
    return written.map(({ token, invitation }) => ({ token, invitation }));
  } catch (error) {
    await rollBack(kv, batch.id, written);
    throw error;
  }
}

/** Records an import (with its count) in the commit that makes it count. */
function auditImport(
  op: Deno.AtomicOperation,
  actorId: string,
  cohort: Cohort,
  count: number,
  now: Date,
) {
  addAuditEntry(op, {
    actorId,
    action: "invitations.imported",
    targetType: "cohort",
    targetId: cohort.id,
    detail: { count },
  }, now);
}

/** Deletes what a failed batch wrote; best effort, since uncommitted invitations are inert anyway. */
async function rollBack(
  kv: Deno.Kv,
  batchId: string,
  written: { tokenHash: string; invitation: PendingInvitation }[],
) {
  try {
    for (let i = 0; i < written.length; i += INVITATIONS_PER_COMMIT) {
      const part = written.slice(i, i + INVITATIONS_PER_COMMIT);
      const op = kv.atomic();
      const ours = new Set<string>();
      for (const { tokenHash, invitation: inv } of part) {
        op.delete(invitationKey(tokenHash)).delete(pendingKey(inv));
        ours.add(tokenHash);
      }
      const logins = part.flatMap((
        { invitation: inv },
      ) => [inv.email, inv.phone]).filter((l) => l !== undefined);
      for (let j = 0; j < logins.length; j += 10) {
        // Only where this batch's invitation is still the one indexed.
        for (
          const ref of await getAll(kv, logins.slice(j, j + 10).map(byLogin))
        ) {
          if (typeof ref.value === "string" && ours.has(ref.value)) {
            op.delete(ref.key);
          }
        }
      }
      await op.commit();
    }
    await kv.delete(batchKey(batchId));
  } catch {
    // The batch stays "pending": its invitations never become valid.
  }
}

/** Lists a cohort's live pending invitations (at most `limit`). */
export async function listPendingInvitations(
  kv: Deno.Kv,
  cohortId: string,
  now: Date,
  limit = 200,
): Promise<PendingInvitation[]> {
  return await pendingFrom(kv, byCohort(cohortId), now, limit);
}

async function pendingFrom(
  kv: Deno.Kv,
  prefix: Deno.KvKey,
  now: Date,
  limit: number,
): Promise<PendingInvitation[]> {
  const refs = await Array.fromAsync(kv.list({ prefix }, { limit }));
  const out: PendingInvitation[] = [];
  const entries = await getAll(
    kv,
    refs.map((ref) =>
      invitationKey(decodeStored(z.string(), ref.key, ref.value))
    ),
  );
  for (const e of entries) {
    if (e.versionstamp === null) continue;
    const inv = decodeStored(InvitationSchema, e.key, e.value);
    if (
      inv.status === "pending" && inv.expiresAt > now &&
      await batchCommitted(kv, inv.batchId)
    ) out.push(inv);
  }
  return out;
}

/** Reads the invitation of a link token, or null (malformed or unknown token). */
export async function getInvitationByToken(
  kv: Deno.Kv,
  token: string,
): Promise<Invitation | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const e = await kv.get(invitationKey(await hashToken(token)));
  return e.versionstamp === null
    ? null
    : decodeStored(InvitationSchema, e.key, e.value);
}

/** Whether a link's invitation can still be accepted and, if not, why. */
export function invitationState(
  inv: Invitation | null,
  now: Date,
): "usable" | "unknown" | "used" | "expired" {
  if (!inv) return "unknown";
  if (inv.status === "accepted") return "used";
  if (inv.expiresAt <= now) return "expired";
  return "usable";
}

function assertUsable(
  inv: Invitation | null,
  now: Date,
): asserts inv is PendingInvitation {
  const state = invitationState(inv, now);
  if (state === "unknown" || !inv) {
    throw new NotFoundError(`Cannot accept invitation: the link is unknown`);
  }
  if (state === "used") {
    throw new ConflictError(
      `Cannot accept invitation "${inv.id}": it was already used`,
      "invitation-used",
    );
  }
  if (state === "expired") {
    throw new ConflictError(
      `Cannot accept invitation "${inv.id}": it expired on ${inv.expiresAt.toISOString()}`,
      "invitation-expired",
    );
  }
}

/**
 * Accepts an invitation: creates the learner, their cohort membership and
 * consumes the token in one commit. A second accept (even a concurrent one)
 * throws ConflictError with code "invitation-used"; an expired link
 * "invitation-expired"; a login taken meanwhile "login-taken"; an unknown
 * link NotFoundError; a bad name or password ValidationError.
 */
export async function acceptInvitation(
  kv: Deno.Kv,
  token: string,
  input: { name: string; password: string },
  now: Date,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<User> {
  const tokenHash = TOKEN_PATTERN.test(token) ? await hashToken(token) : "";
  const first = tokenHash ? await kv.get(invitationKey(tokenHash)) : null;
  const inv = first?.versionstamp
    ? decodeStored(InvitationSchema, first.key, first.value)
    : null;
  assertUsable(inv, now);
  if (!await batchCommitted(kv, inv.batchId)) {
    throw new NotFoundError(
      `Cannot accept invitation "${inv.id}": its import never completed`,
    );
  }
  const name = NameSchema.safeParse(
    input.name.trim() === "" ? inv.name : input.name,
  );
  if (!name.success) {
    throw new ValidationError("name", name.error.issues[0].message);
  }
  const password = PasswordSchema.safeParse(input.password);
  if (!password.success) {
    throw new ValidationError("password", password.error.issues[0].message);
  }

  const user = newUser({
    name: name.data,
    email: inv.email,
    phone: inv.phone,
    role: inv.role,
    passwordHash: await hashPassword(password.data, iterations),
  }, now);
  if (inv.cohortId) await requireCohort(kv, inv.cohortId);
  const loginRefs = await getAll(
    kv,
    [inv.email, inv.phone].filter((l) => l !== undefined).map(byLogin),
  );
  const op = kv.atomic().check(first!);
  addUserCreation(op, user);
  // Cohorts are for learners: a staff invitation makes the account only.
  if (inv.cohortId && inv.teamId && inv.role === "learner") {
    addMembership(op, {
      cohortId: inv.cohortId,
      teamId: inv.teamId,
      userId: user.id,
      joinedAt: now,
    });
  }
  const { name: _n, email: _e, phone: _p, token: _t, ...rest } = inv;
  op.set(
    invitationKey(tokenHash),
    InvitationSchema.parse({
      ...rest,
      status: "accepted",
      acceptedAt: now,
      userId: user.id,
    }),
    {
      expireIn: Math.max(
        1,
        inv.createdAt.getTime() + RETAIN_MS - now.getTime(),
      ),
    },
  );
  op.delete(pendingKey(inv));
  for (const ref of loginRefs) {
    // Remove the login's pending pointer only if it is still ours.
    if (ref.value === tokenHash) op.check(ref).delete(ref.key);
  }
  addAuditEntry(op, {
    actorId: user.id,
    action: "invitation.accepted",
    targetType: "user",
    targetId: user.id,
    detail: {
      invitationId: inv.id,
      cohortId: inv.cohortId ?? null,
      role: user.role,
    },
  }, now);
  if ((await op.commit()).ok) return user;

  const again = await kv.get(invitationKey(tokenHash));
  assertUsable(
    again.versionstamp
      ? decodeStored(InvitationSchema, again.key, again.value)
      : null,
    now,
  );
  const taken = await takenLogin(kv, user);
  if (taken) {
    throw new ConflictError(
      `Cannot accept invitation "${inv.id}": login "${taken}" already has an account`,
      "login-taken",
    );
  }
  throw new ConflictError(
    `Cannot accept invitation "${inv.id}": it changed meanwhile, try again`,
    "retry",
  );
}

/**
 * Withdraws a pending invitation (its link stops working). Only someone who
 * may invite to the cohort may withdraw from it (ForbiddenError otherwise).
 */
export async function revokeInvitation(
  kv: Deno.Kv,
  actorId: string,
  /** The invitation's cohort; null for a staff invitation (admins only). */
  cohortId: string | null,
  invitationId: string,
  now: Date = new Date(),
): Promise<void> {
  if (cohortId) {
    await assertCanInvite(kv, actorId, await requireCohort(kv, cohortId));
  } else {
    const actor = await getUser(kv, actorId);
    if (!actor || actor.disabled || actor.role !== "admin") {
      throw new ForbiddenError(
        `Cannot revoke staff invitation "${invitationId}": "${actorId}" is not an active admin`,
      );
    }
  }
  const ref = await kv.get(
    pendingKey({ cohortId: cohortId ?? undefined, id: invitationId }),
  );
  if (ref.versionstamp === null) {
    throw new NotFoundError(
      `Cannot revoke invitation "${invitationId}": no pending invitation in ${
        cohortId ? `cohort "${cohortId}"` : "the staff list"
      }`,
    );
  }
  const tokenHash = decodeStored(z.string(), ref.key, ref.value);
  const e = await kv.get(invitationKey(tokenHash));
  const op = kv.atomic().delete(ref.key).delete(invitationKey(tokenHash));
  addAuditEntry(op, {
    actorId,
    action: "invitation.revoked",
    targetType: "invitation",
    targetId: invitationId,
    detail: { cohortId },
  }, now);
  if (e.versionstamp !== null) {
    const inv = decodeStored(InvitationSchema, e.key, e.value);
    if (inv.status === "pending") {
      const refs = await getAll(
        kv,
        [inv.email, inv.phone].filter((l) => l !== undefined).map(byLogin),
      );
      for (const r of refs) {
        if (r.value === tokenHash) op.check(r).delete(r.key);
      }
    }
  }
  await op.commit();
}
