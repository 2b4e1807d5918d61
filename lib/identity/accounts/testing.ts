/**
 * Helpers for identity's tests: a fixed clock and quick accounts. Hashes use
 * few PBKDF2 iterations so the suite stays fast; password_test.ts and
 * sign_in_test.ts keep one test on the production default.
 */
import { hashPassword } from "./password.ts";
import type { Role } from "@/lib/identity/roles.ts";
import { createUser, type User } from "./user_store.ts";

/** Iterations for test hashes. */
export const FAST = 1_000;
/** A fixed "now": 2026-03-10 10:00 Beijing time. */
export const NOW = new Date("2026-03-10T02:00:00Z");
/** A password that passes the rules. */
export const PASSWORD = "correct horse battery";

/** `now` plus some minutes. */
export const minutesLater = (minutes: number, from: Date = NOW) =>
  new Date(from.getTime() + minutes * 60_000);

/** Creates an account with PASSWORD, hashed with FAST iterations. */
export async function makeUser(
  kv: Deno.Kv,
  role: Role,
  email: string,
  extra: { name?: string; phone?: string } = {},
): Promise<User> {
  return await createUser(kv, {
    name: extra.name ?? email.split("@")[0],
    email,
    phone: extra.phone,
    role,
    passwordHash: await hashPassword(PASSWORD, FAST),
  }, NOW);
}
