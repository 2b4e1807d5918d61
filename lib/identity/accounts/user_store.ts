/**
 * Accounts. Each login (email, phone) belongs to at most one user: the
 * unique indexes are claimed with atomic `versionstamp: null` checks, so two
 * concurrent sign-ups of one login cannot both succeed. Role changes and
 * disabling are audited in the same commit. Only this module reads or writes
 * these keys:
 *
 * | key                        | value  |
 * | -------------------------- | ------ |
 * | ["users", userId]          | User   |
 * | ["users_by_email", email]  | userId |
 * | ["users_by_phone", phone]  | userId |
 * | ["users_last_sign_in", userId] | Date (kept apart: a sign-in never races an admin's edit) |
 *
 * Over 400 lines on purpose: the login indexes are claimed and released in
 * the same commits as the user record (create, change login, anonymise), and
 * keeping all of them in this one module is what keeps a login unique.
 */
import { getAll } from "@/lib/db/many.ts";
import { monotonicFactory } from "ulid";
import { z } from "zod";
import { addAuditEntry } from "@/lib/identity/audit/audit_store.ts";
import {
  EmailSchema,
  NameSchema,
  parseLogin,
  PhoneSchema,
} from "@/lib/identity/contact.ts";
import {
  ConflictError,
  ForbiddenError,
  found,
  NotFoundError,
  parseInput,
  ValidationError,
} from "@/lib/errors.ts";
import { decodeStored } from "@/lib/db/decode.ts";
import { hashPassword, PasswordSchema, PBKDF2_ITERATIONS } from "./password.ts";
import { type Role, RoleSchema } from "@/lib/identity/roles.ts";
import {
  addUserChange,
  userChanged,
} from "@/lib/identity/sessions/session_cache.ts";
import {
  addSessionRevocations,
  revokeUserSessions,
} from "@/lib/identity/sessions/session_store.ts";

const ulid = monotonicFactory();
const userKey = (id: string) => ["users", id];
const emailKey = (email: string) => ["users_by_email", email];
const phoneKey = (phone: string) => ["users_by_phone", phone];
const lastSignInKey = (id: string) => ["users_last_sign_in", id];

/** Notes when a user last signed in (for the admin's user list). */
export async function recordSignIn(
  kv: Deno.Kv,
  userId: string,
  now: Date,
): Promise<void> {
  await kv.set(lastSignInKey(userId), now);
}

/** When each user last signed in (absent: never), read in batches. */
export async function lastSignIns(
  kv: Deno.Kv,
  userIds: readonly string[],
): Promise<Map<string, Date>> {
  const entries = await getAll<Date>(kv, userIds.map(lastSignInKey));
  const out = new Map<string, Date>();
  entries.forEach((e, i) => {
    if (e.value instanceof Date) out.set(userIds[i], e.value);
  });
  return out;
}

/**
 * A stored account. An anonymised account (personal data deleted) keeps
 * only id, role, dates and `disabled: true`; every other account has a name,
 * a password hash and at least one login.
 */
export const UserSchema = z.object({
  id: z.string().length(26),
  name: z.string().max(50),
  email: z.string().optional(),
  phone: z.string().optional(),
  role: RoleSchema,
  disabled: z.boolean(),
  passwordHash: z.string().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
  anonymisedAt: z.date().optional(),
}).superRefine((u, ctx) => {
  if (u.anonymisedAt) {
    if (u.name || u.email || u.phone || u.passwordHash || !u.disabled) {
      ctx.addIssue({
        code: "custom",
        message:
          "an anonymised account keeps no personal data and stays disabled",
      });
    }
    return;
  }
  if (!u.name) ctx.addIssue({ code: "custom", message: "name is required" });
  if (!u.email && !u.phone) {
    ctx.addIssue({
      code: "custom",
      message: "an email or a phone is required",
    });
  }
  if (!u.passwordHash) {
    ctx.addIssue({ code: "custom", message: "passwordHash is required" });
  }
});
/** A stored account. */
export type User = z.infer<typeof UserSchema>;
/** An account without its password hash: what may leave the domain. */
export type PublicUser = Omit<User, "passwordHash">;

/** What creating an account needs; logins are normalised here. */
export const NewUserSchema = z.object({
  name: NameSchema,
  email: EmailSchema.optional(),
  phone: PhoneSchema.optional(),
  role: RoleSchema,
  passwordHash: z.string().min(1),
}).refine((u) => u.email || u.phone, {
  message: "an email or a phone is required",
  path: ["email"],
});
/** What creating an account needs. */
export type NewUser = z.input<typeof NewUserSchema>;

/** Drops the password hash. */
export function toPublicUser(user: User): PublicUser {
  const { passwordHash: _, ...rest } = user;
  return rest;
}

/**
 * Builds a new account record without storing it (invitations and imports
 * store it inside their own commit with `addUserCreation`). Throws
 * ValidationError naming the first bad field.
 */
export function newUser(input: NewUser, now: Date): User {
  return UserSchema.parse({
    ...parseInput(NewUserSchema, input),
    id: ulid(now.getTime()),
    disabled: false,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Adds the creation of an account and the claim of its logins to a commit;
 * the commit fails if any login is already taken.
 */
export function addUserCreation(op: Deno.AtomicOperation, user: User): void {
  const u = UserSchema.parse(user);
  op.check({ key: userKey(u.id), versionstamp: null }).set(userKey(u.id), u);
  if (u.email) {
    op.check({ key: emailKey(u.email), versionstamp: null })
      .set(emailKey(u.email), u.id);
  }
  if (u.phone) {
    op.check({ key: phoneKey(u.phone), versionstamp: null })
      .set(phoneKey(u.phone), u.id);
  }
}

/** The first of a user's logins that another account holds, if any. */
export async function takenLogin(
  kv: Deno.Kv,
  logins: { email?: string; phone?: string },
): Promise<string | null> {
  const keys = [
    logins.email ? emailKey(logins.email) : null,
    logins.phone ? phoneKey(logins.phone) : null,
  ].filter((k) => k !== null);
  if (keys.length === 0) return null;
  const found = await getAll(kv, keys);
  const hit = found.find((e) => e.versionstamp !== null);
  return hit ? String(hit.key[1]) : null;
}

/** Which of many normalised logins already have an account (10 keys per read). */
export async function takenLogins(
  kv: Deno.Kv,
  logins: readonly { kind: "email" | "phone"; value: string }[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < logins.length; i += 10) {
    const keys = logins.slice(i, i + 10).map((l) =>
      l.kind === "email" ? emailKey(l.value) : phoneKey(l.value)
    );
    for (const e of await getAll(kv, keys)) {
      if (e.versionstamp !== null) taken.add(String(e.key[1]));
    }
  }
  return taken;
}

/** Creates an account. Throws ConflictError("login-taken") when a login is taken. */
export async function createUser(
  kv: Deno.Kv,
  input: NewUser,
  now: Date,
): Promise<User> {
  const user = newUser(input, now);
  const op = kv.atomic();
  addUserCreation(op, user);
  if (!(await op.commit()).ok) {
    const login = await takenLogin(kv, user) ?? [user.email, user.phone].join();
    throw new ConflictError(
      `Cannot create account: login "${login}" is taken`,
      "login-taken",
    );
  }
  return user;
}

/** An account and the versionstamp it was read at (for a checked update). */
export interface UserEntry {
  user: User;
  versionstamp: string;
}

/** Reads an account with its versionstamp, or null. */
export async function getUserEntry(
  kv: Deno.Kv,
  id: string,
): Promise<UserEntry | null> {
  return userFromEntry(await kv.get(userKey(id)));
}

/** Where an account is stored, for reading it together with other keys. */
export function userLookupKey(id: string): Deno.KvKey {
  return userKey(id);
}

/** The account in an entry read at a `userLookupKey` key, or null. */
export function userFromEntry(
  e: Deno.KvEntryMaybe<unknown>,
): UserEntry | null {
  if (e.versionstamp === null) return null;
  return {
    user: decodeStored(UserSchema, e.key, e.value),
    versionstamp: e.versionstamp,
  };
}

/** Reads an account, or null. */
export async function getUser(kv: Deno.Kv, id: string): Promise<User | null> {
  return (await getUserEntry(kv, id))?.user ?? null;
}

/** Reads an account; throws NotFoundError when it does not exist. */
export async function requireUser(kv: Deno.Kv, id: string): Promise<User> {
  return found(await getUser(kv, id), `user "${id}"`);
}

/** Finds the account of a login as typed (email or phone, any spelling). */
export async function findUserByLogin(
  kv: Deno.Kv,
  login: string,
): Promise<User | null> {
  const l = parseLogin(login);
  if (!l) return null;
  const idEntry = await kv.get(
    l.kind === "email" ? emailKey(l.value) : phoneKey(l.value),
  );
  if (idEntry.versionstamp === null) return null;
  const id = decodeStored(z.string(), idEntry.key, idEntry.value);
  return await getUser(kv, id);
}

/** A page of accounts in creation order, and the next cursor ("" at the end). */
export async function listUsers(
  kv: Deno.Kv,
  limit = 50,
  cursor?: string,
): Promise<{ users: User[]; cursor: string }> {
  const it = kv.list({ prefix: ["users"] }, {
    limit: Math.min(Math.max(1, limit), 500),
    cursor: cursor || undefined,
  });
  const users: User[] = [];
  for await (const e of it) {
    users.push(decodeStored(UserSchema, e.key, e.value));
  }
  return { users, cursor: users.length < limit ? "" : it.cursor };
}

/** Every account in creation order, reading at most `max` (for pickers). */
export async function listUsersUpTo(
  kv: Deno.Kv,
  max: number,
): Promise<User[]> {
  const users: User[] = [];
  let cursor = "";
  do {
    const page = await listUsers(kv, 500, cursor);
    users.push(...page.users);
    cursor = page.cursor;
  } while (cursor && users.length < max);
  return users;
}

/**
 * Reads, changes and writes an account with a versionstamp check, retrying
 * on contention. `change` may add more mutations to the same commit.
 */
async function updateUser(
  kv: Deno.Kv,
  id: string,
  action: string,
  change: (user: User, op: Deno.AtomicOperation) => Promise<User> | User,
): Promise<User> {
  for (let i = 0; i < 5; i++) {
    const entry = await getUserEntry(kv, id);
    if (!entry) {
      throw new NotFoundError(`Cannot ${action}: user "${id}" does not exist`);
    }
    const op = kv.atomic().check({
      key: userKey(id),
      versionstamp: entry.versionstamp,
    });
    const next = UserSchema.parse(await change(entry.user, op));
    op.set(userKey(id), next);
    // Every instance drops its cached sessions of this user (session_cache.ts).
    addUserChange(op, id, new Date());
    if ((await op.commit()).ok) {
      userChanged(kv, id);
      return next;
    }
  }
  throw new ConflictError(
    `Cannot ${action} of user "${id}": too much contention`,
  );
}

/** Reads the actor; throws ForbiddenError unless it is an enabled admin. */
export async function requireAdmin(
  kv: Deno.Kv,
  actorId: string,
  action: string,
): Promise<User> {
  const actor = await getUser(kv, actorId);
  if (!actor || actor.disabled || actor.role !== "admin") {
    throw new ForbiddenError(
      `Cannot ${action}: "${actorId}" is not an active admin`,
    );
  }
  return actor;
}

/**
 * Sets a new password (checked against the rules, hashed here) and ends
 * every session of the user in the same commit, so a stolen session dies
 * with the old password.
 */
export async function changePassword(
  kv: Deno.Kv,
  userId: string,
  password: string,
  now: Date,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<User> {
  const checked = PasswordSchema.safeParse(password);
  if (!checked.success) {
    throw new ValidationError("password", checked.error.issues[0].message);
  }
  const passwordHash = await hashPassword(password, iterations);
  let more = false;
  const user = await updateUser(
    kv,
    userId,
    "change password",
    async (u, op) => {
      if (u.anonymisedAt) {
        throw new ConflictError(
          `Cannot change password: user "${userId}" is anonymised`,
          "anonymised",
        );
      }
      more = (await addSessionRevocations(kv, op, userId)).more;
      return { ...u, passwordHash, updatedAt: now };
    },
  );
  if (more) await revokeUserSessions(kv, userId);
  return user;
}

/**
 * Replaces a hash with a stronger one of the same password (sign-in does
 * this when `needsRehash`). Sessions stay. Does nothing, and returns false,
 * if the hash changed meanwhile (a concurrent password change wins).
 */
export async function upgradePasswordHash(
  kv: Deno.Kv,
  userId: string,
  oldHash: string,
  newHash: string,
  now: Date,
): Promise<boolean> {
  const entry = await getUserEntry(kv, userId);
  if (!entry || entry.user.passwordHash !== oldHash) return false;
  const next = UserSchema.parse({
    ...entry.user,
    passwordHash: newHash,
    updatedAt: now,
  });
  const res = await kv.atomic()
    .check({ key: userKey(userId), versionstamp: entry.versionstamp })
    .set(userKey(userId), next).commit();
  return res.ok;
}

/**
 * Changes a user's role (admins only, not their own); audited in the same
 * commit. `also` may add more mutations to that commit (lib/identity/
 * role_change.ts ends cohort memberships there).
 */
export async function changeRole(
  kv: Deno.Kv,
  actorId: string,
  userId: string,
  role: Role,
  now: Date,
  also?: (op: Deno.AtomicOperation, before: User) => Promise<void> | void,
): Promise<User> {
  const to = RoleSchema.parse(role);
  await requireAdmin(kv, actorId, "change role");
  if (actorId === userId) {
    // Keeps the last admin from demoting themselves by accident.
    throw new ForbiddenError(
      `Cannot change role of "${userId}": admins cannot change their own role`,
    );
  }
  return await updateUser(kv, userId, "change role", async (u, op) => {
    if (u.role === to) return u;
    await also?.(op, u);
    addAuditEntry(op, {
      actorId,
      action: "user.role_changed",
      targetType: "user",
      targetId: userId,
      detail: { from: u.role, to },
    }, now);
    return { ...u, role: to, updatedAt: now };
  });
}

/**
 * Disables or re-enables an account (admins only, not their own); audited in
 * the same commit. Disabling ends every session of the user.
 */
export async function setDisabled(
  kv: Deno.Kv,
  actorId: string,
  userId: string,
  disabled: boolean,
  now: Date,
  reason = "",
): Promise<User> {
  await requireAdmin(kv, actorId, disabled ? "disable user" : "enable user");
  if (actorId === userId) {
    throw new ForbiddenError(
      `Cannot disable "${userId}": admins cannot disable themselves`,
    );
  }
  let more = false;
  const user = await updateUser(
    kv,
    userId,
    disabled ? "disable" : "enable",
    async (u, op) => {
      if (u.disabled === disabled) return u;
      if (u.anonymisedAt) {
        throw new ConflictError(
          `Cannot enable user "${userId}": the account is anonymised`,
          "anonymised",
        );
      }
      addAuditEntry(op, {
        actorId,
        action: disabled ? "user.disabled" : "user.enabled",
        targetType: "user",
        targetId: userId,
        detail: { reason: reason.slice(0, 500) },
      }, now);
      if (disabled) more = (await addSessionRevocations(kv, op, userId)).more;
      return { ...u, disabled, updatedAt: now };
    },
  );
  if (more) await revokeUserSessions(kv, userId);
  return user;
}

/**
 * Adds the anonymisation of an account (read at `entry`) to a commit: the
 * record keeps id, role and dates; name, logins and password hash go, and
 * so do the login index entries. Returns the stub.
 */
export function addUserAnonymisation(
  op: Deno.AtomicOperation,
  entry: UserEntry,
  now: Date,
): User {
  const u = entry.user;
  const stub = UserSchema.parse({
    id: u.id,
    name: "",
    role: u.role,
    disabled: true,
    createdAt: u.createdAt,
    updatedAt: now,
    anonymisedAt: now,
  });
  op.check({ key: userKey(u.id), versionstamp: entry.versionstamp })
    .set(userKey(u.id), stub);
  if (u.email) op.delete(emailKey(u.email));
  if (u.phone) op.delete(phoneKey(u.phone));
  return stub;
}
