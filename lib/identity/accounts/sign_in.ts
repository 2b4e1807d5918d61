/**
 * Sign-in with an email or phone and a password. Throttled per login and per
 * client address; an unknown login, a wrong password and a disabled account
 * give the same answer and take the same PBKDF2 time (a dummy hash is
 * verified for unknown accounts), so the form does not reveal who has an
 * account. Hashes with out-of-date parameters are upgraded on success.
 */
import { readMany } from "@/lib/db/coalesced_reads.ts";
import {
  sessionCacheOf,
  userChangeKey,
} from "@/lib/identity/sessions/session_cache.ts";
import { parseLogin } from "@/lib/identity/contact.ts";
import {
  dummyHash,
  hashPassword,
  needsRehash,
  PBKDF2_ITERATIONS,
  verifyPassword,
} from "./password.ts";
import {
  createSession,
  endSession,
  liveSession,
  type Session,
  sessionLookup,
  type SessionOptions,
} from "@/lib/identity/sessions/session_store.ts";
import {
  clearLoginFailures,
  DEFAULT_THROTTLE,
  isLoginLocked,
  recordLoginFailure,
  type ThrottlePolicy,
} from "@/lib/identity/sessions/throttle_store.ts";
import {
  findUserByLogin,
  type PublicUser,
  recordSignIn,
  toPublicUser,
  upgradePasswordHash,
  userFromEntry,
  userLookupKey,
} from "./user_store.ts";

/** The outcome of a sign-in. Failures carry nothing that depends on the account. */
export type SignInResult =
  | { ok: true; user: PublicUser; sessionId: string; session: Session }
  | { ok: false; reason: "invalid" | "locked" };

/** Tuning for sign-in; every field has the production default. */
export interface SignInOptions {
  /** PBKDF2 iterations new hashes should have (and the dummy hash costs). */
  iterations?: number;
  throttle?: ThrottlePolicy;
  session?: SessionOptions;
}

/** The key throttling counts a login under: normalised when it parses, else as typed. */
export function throttleKeyOf(login: string): string {
  const l = parseLogin(login);
  return l
    ? l.value
    : login.normalize("NFKC").trim().toLowerCase().slice(0, 100);
}

/**
 * Signs in. `address` is the client's IP as the trusted proxy reports it.
 * On success the caller sets the session cookie from `sessionId`.
 */
export async function signIn(
  kv: Deno.Kv,
  input: { login: string; password: string; address: string },
  now: Date,
  options: SignInOptions = {},
): Promise<SignInResult> {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const policy = options.throttle ?? DEFAULT_THROTTLE;
  const key = throttleKeyOf(input.login);
  if (await isLoginLocked(kv, key, input.address, now)) {
    return { ok: false, reason: "locked" };
  }
  const user = await findUserByLogin(kv, input.login);
  const stored = user?.passwordHash ?? dummyHash(iterations);
  // Always verify, even when the answer is already "no", so timing is flat.
  const matches = await verifyPassword(input.password.slice(0, 1024), stored);
  if (!user || !user.passwordHash || !matches || user.disabled) {
    await recordLoginFailure(kv, key, input.address, now, policy, user?.id);
    return { ok: false, reason: "invalid" };
  }
  await Promise.all([
    clearLoginFailures(kv, key),
    recordSignIn(kv, user.id, now),
  ]);
  let current = user;
  if (needsRehash(user.passwordHash, iterations)) {
    const upgraded = await hashPassword(input.password, iterations);
    if (
      await upgradePasswordHash(kv, user.id, user.passwordHash, upgraded, now)
    ) {
      current = { ...user, passwordHash: upgraded, updatedAt: now };
    }
  }
  const { id, session } = await createSession(
    kv,
    user.id,
    now,
    options.session,
  );
  return { ok: true, user: toPublicUser(current), sessionId: id, session };
}

/** What a signed-in request knows about its session and user. */
export type SignedIn = { session: Session; user: PublicUser };

/**
 * The signed-in user of a session cookie, or null. A role change or
 * disabling takes effect on the next request: the user is read with the
 * session, or taken from this instance's session cache, which holds a
 * lookup at most 2 s and drops it as soon as the user changes (see
 * session_cache.ts). A session of a missing, disabled or anonymised user is
 * ended on the way.
 */
export async function getSignedIn(
  kv: Deno.Kv,
  sessionId: string,
  now: Date,
): Promise<SignedIn | null> {
  const lookup = sessionLookup(sessionId);
  if (!lookup) return null;
  const cache = sessionCacheOf<SignedIn>(kv);
  const cacheKey = lookup.key.at(-1) as string;
  const hit = cache?.get(cacheKey);
  if (hit && hit.userId === lookup.userId && isLive(hit.value.session, now)) {
    return hit.value;
  }
  const generation = cache?.generation(lookup.userId) ?? 0;
  // One read for all three: every signed-in request that misses pays for it.
  const [sessionEntry, userEntry, changeEntry] = await readMany(kv, [
    lookup.key,
    userLookupKey(lookup.userId),
    userChangeKey(lookup.userId),
  ]);
  const session = await liveSession(kv, sessionEntry, now);
  if (!session || session.userId !== lookup.userId) return null;
  const user = userFromEntry(userEntry)?.user;
  if (!user || user.disabled) {
    await endSession(kv, sessionId);
    return null;
  }
  const signedIn = { session, user: toPublicUser(user) };
  cache?.put(
    cacheKey,
    lookup.userId,
    signedIn,
    changeEntry.versionstamp,
    generation,
  );
  return signedIn;
}

/** Whether a session read earlier is still within its idle and absolute expiry. */
function isLive(s: Session, now: Date): boolean {
  const t = now.getTime();
  return t < s.expiresAt.getTime() && t - s.lastSeenAt.getTime() < s.idleMs;
}

/** Signs out: ends the cookie's session. */
export async function signOut(kv: Deno.Kv, sessionId: string): Promise<void> {
  await endSession(kv, sessionId);
}
