/**
 * Accounts. A login (email or phone) maps to exactly one user; uniqueness is
 * enforced by an atomic check on the login index. Only this module reads or
 * writes these keys:
 *
 * | key                           | value  |
 * | ----------------------------- | ------ |
 * | ["users", userId]             | User   |
 * | ["users_by_login", login]     | userId |
 */
import { monotonicFactory } from "ulid";
import { z } from "zod";
import { ROLES } from "./policy.ts";

const ulid = monotonicFactory();
const userKey = (id: string) => ["users", id];
const loginKey = (login: string) => ["users_by_login", login];

/** A stored account. */
export const UserSchema = z.object({
  id: z.string(),
  name: z.string().min(1).max(50),
  email: z.string().optional(),
  phone: z.string().optional(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  passwordHash: z.string(),
  /** Sessions created before this instant are no longer valid. */
  sessionsValidFrom: z.date(),
  cohortId: z.string().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type User = z.infer<typeof UserSchema>;

/** A login as typed: an email address or a mainland China mobile number. */
export const LoginSchema = z.string().trim().min(1, "请输入邮箱或手机号").max(
  100,
  "太长了(最多 100 个字符)",
).transform(
  (v, ctx) => {
    const phone = v.replace(/[\s-]/g, "").replace(/^\+?86/, "");
    if (/^1\d{10}$/.test(phone)) return phone;
    const email = v.toLowerCase();
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return email;
    ctx.addIssue({ code: "custom", message: "请输入有效的邮箱或 11 位手机号" });
    return z.NEVER;
  },
);

/** The login was taken by another account. */
export class LoginTakenError extends Error {
  constructor(login: string) {
    super(`Cannot create account: login "${login}" is taken`);
    this.name = "LoginTakenError";
  }
}

function decode(key: Deno.KvKey, value: unknown): User {
  const parsed = UserSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `Cannot read ${JSON.stringify(key)}: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}

/** Creates an account; its logins must be normalised (see LoginSchema). */
export async function createUser(
  kv: Deno.Kv,
  input: Pick<User, "name" | "role" | "passwordHash"> & {
    email?: string;
    phone?: string;
    cohortId?: string;
  },
  now: Date,
): Promise<User> {
  const user = UserSchema.parse({
    ...input,
    id: ulid(now.getTime()),
    disabled: false,
    sessionsValidFrom: now,
    createdAt: now,
    updatedAt: now,
  });
  const logins = [user.email, user.phone].filter((l): l is string =>
    Boolean(l)
  );
  const op = kv.atomic().check({ key: userKey(user.id), versionstamp: null })
    .set(userKey(user.id), user);
  for (const login of logins) {
    op.check({ key: loginKey(login), versionstamp: null }).set(
      loginKey(login),
      user.id,
    );
  }
  if (!(await op.commit()).ok) throw new LoginTakenError(logins.join(", "));
  return user;
}

/** Reads an account. */
export async function getUser(kv: Deno.Kv, id: string): Promise<User | null> {
  const entry = await kv.get(userKey(id));
  return entry.versionstamp === null ? null : decode(entry.key, entry.value);
}

/** Finds the account of a normalised login. */
export async function findByLogin(
  kv: Deno.Kv,
  login: string,
): Promise<User | null> {
  const id = await kv.get<string>(loginKey(login));
  return id.versionstamp === null ? null : await getUser(kv, id.value!);
}

/**
 * Replaces the password hash. With `revokeSessions`, every existing session
 * ends (password change); a rehash at login keeps them.
 */
export async function setPasswordHash(
  kv: Deno.Kv,
  id: string,
  hash: string,
  now: Date,
  revokeSessions: boolean,
) {
  for (let i = 0; i < 5; i++) {
    const entry = await kv.get(userKey(id));
    if (entry.versionstamp === null) {
      throw new Error(`Cannot set password: user "${id}" does not exist`);
    }
    const user = decode(entry.key, entry.value);
    const next = UserSchema.parse({
      ...user,
      passwordHash: hash,
      updatedAt: now,
      sessionsValidFrom: revokeSessions ? now : user.sessionsValidFrom,
    });
    if ((await kv.atomic().check(entry).set(entry.key, next).commit()).ok) {
      return next;
    }
  }
  throw new Error(`Cannot set password of "${id}": too much contention`);
}
