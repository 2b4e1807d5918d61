/**
 * Sign-in: throttled per account and per address, the same answer for an
 * unknown account and a wrong password (and the same hashing time), hashes
 * upgraded when their parameters are out of date.
 */
import {
  clearFailures,
  isLocked,
  recordFailure,
} from "./login_throttle_store.ts";
import {
  DUMMY_HASH,
  hashPassword,
  needsRehash,
  verifyPassword,
} from "./password.ts";
import { createSession } from "./session_store.ts";
import { findByLogin, setPasswordHash, type User } from "./user_store.ts";

/** The outcome of a sign-in attempt. */
export type SignInResult =
  | { ok: true; user: User; sessionId: string }
  | { ok: false; reason: "invalid" | "locked" };

/** Signs in with a normalised login; `address` is the client's IP. */
export async function signIn(
  kv: Deno.Kv,
  login: string,
  password: string,
  address: string,
  now: Date,
): Promise<SignInResult> {
  if (await isLocked(kv, login, address, now)) {
    return { ok: false, reason: "locked" };
  }
  const user = await findByLogin(kv, login);
  const matches = await verifyPassword(
    password,
    user?.passwordHash ?? DUMMY_HASH,
  );
  if (!user || !matches || user.disabled) {
    await recordFailure(kv, login, address, now);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(kv, login, now);
  const current = needsRehash(user.passwordHash)
    ? await setPasswordHash(
      kv,
      user.id,
      await hashPassword(password),
      now,
      false,
    )
    : user;
  const { id } = await createSession(kv, current, now);
  return { ok: true, user: current, sessionId: id };
}
