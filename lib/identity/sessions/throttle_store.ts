/**
 * Login throttling per login key and per client address, in KV so every
 * instance counts the same failures. The login key is the normalised login
 * as typed, whether or not an account has it, so unknown accounts lock
 * exactly like known ones. A counter covers a window from its first failure;
 * reaching the limit locks the key for the lock time. Entries expire by
 * themselves. Only this module reads or writes these keys:
 *
 * | key                                   | value    |
 * | ------------------------------------- | -------- |
 * | ["login_failures_by_login", login]    | Failures |
 * | ["login_failures_by_address", address]| Failures |
 */
import { getAll } from "@/lib/db/many.ts";
import { z } from "zod";
import {
  addAuditEntry,
  SYSTEM_ACTOR,
} from "@/lib/identity/audit/audit_store.ts";
import { decodeStored } from "@/lib/db/decode.ts";

/** Throttling limits. */
export interface ThrottlePolicy {
  /** Failures of one login within `windowMs` before it locks. */
  loginLimit: number;
  /** Failures from one address within `windowMs` before it locks. */
  addressLimit: number;
  windowMs: number;
  lockMs: number;
}

/** 5 per login / 20 per address within 15 min lock for 15 min. */
export const DEFAULT_THROTTLE: ThrottlePolicy = {
  loginLimit: 5,
  addressLimit: 20,
  windowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
};

const loginKey = (login: string) => ["login_failures_by_login", login];
const addressKey = (address: string) => ["login_failures_by_address", address];

/** A failure counter. */
export const FailuresSchema = z.object({
  count: z.number().int().nonnegative(),
  windowStart: z.date(),
  lockedUntil: z.date().nullable(),
});
/** A failure counter. */
export type Failures = z.infer<typeof FailuresSchema>;

function locked(value: unknown, key: Deno.KvKey, now: Date): boolean {
  if (value === null) return false;
  const f = decodeStored(FailuresSchema, key, value);
  return f.lockedUntil !== null && f.lockedUntil > now;
}

/** True when this login or this address may not try now. */
export async function isLoginLocked(
  kv: Deno.Kv,
  login: string,
  address: string,
  now: Date,
): Promise<boolean> {
  const [a, b] = await getAll(kv, [loginKey(login), addressKey(address)]);
  return locked(a.value, a.key, now) || locked(b.value, b.key, now);
}

function bump(
  entry: Deno.KvEntryMaybe<unknown>,
  limit: number,
  policy: ThrottlePolicy,
  now: Date,
): Failures {
  const prev = entry.value === null
    ? null
    : decodeStored(FailuresSchema, entry.key, entry.value);
  const fresh = !prev ||
    now.getTime() - prev.windowStart.getTime() >= policy.windowMs;
  const f = fresh
    ? { count: 1, windowStart: now, lockedUntil: null }
    : { ...prev, count: prev.count + 1 };
  if (f.count >= limit && !(prev?.lockedUntil && prev.lockedUntil > now)) {
    f.lockedUntil = new Date(now.getTime() + policy.lockMs);
  }
  return f;
}

function wasLocked(entry: Deno.KvEntryMaybe<unknown>, now: Date): boolean {
  return entry.value !== null && locked(entry.value, entry.key, now);
}

/**
 * Counts a failed sign-in for the login and the address. Returns true when
 * either is now locked.
 */
export async function recordLoginFailure(
  kv: Deno.Kv,
  login: string,
  address: string,
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
  /** The account the login belongs to, if any: named in the audit entry. */
  userId?: string,
): Promise<boolean> {
  const keys = [loginKey(login), addressKey(address)];
  const expireIn = Math.max(policy.windowMs, policy.lockMs);
  for (let i = 0; i < 20; i++) {
    const [a, b] = await getAll(kv, keys);
    const fa = bump(a, policy.loginLimit, policy, now);
    const fb = bump(b, policy.addressLimit, policy, now);
    const op = kv.atomic().check(a, b)
      .set(a.key, fa, { expireIn })
      .set(b.key, fb, { expireIn });
    // A burst of failures that just locked a login or an address is a
    // security event an auditor wants to see (who, never the password).
    const newlyLocked = [[a, fa, "login"], [b, fb, "address"]] as const;
    for (const [entry, f, by] of newlyLocked) {
      if (f.lockedUntil === null || f.lockedUntil <= now) continue;
      if (wasLocked(entry, now)) continue;
      addAuditEntry(op, {
        actorId: SYSTEM_ACTOR,
        action: "sign_in.locked",
        targetType: by === "login" && userId ? "user" : "login",
        targetId: by === "login" && userId ? userId : by,
        detail: { failures: f.count, by },
      }, now);
    }
    const res = await op.commit();
    if (res.ok) {
      return [fa, fb].some((f) =>
        f.lockedUntil !== null && f.lockedUntil > now
      );
    }
  }
  throw new Error(
    `Cannot record sign-in failure for ${
      JSON.stringify(keys)
    }: too much contention`,
  );
}

/** Clears a login's counter after a successful sign-in (the address keeps its count). */
export async function clearLoginFailures(
  kv: Deno.Kv,
  login: string,
): Promise<void> {
  await kv.delete(loginKey(login));
}

/** Adds the deletion of a login's counter to a commit (its key holds the login itself). */
export function addClearLoginFailures(
  op: Deno.AtomicOperation,
  login: string,
): void {
  op.delete(loginKey(login));
}
