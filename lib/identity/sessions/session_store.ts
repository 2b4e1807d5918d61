/**
 * Sign-in sessions, in KV so any instance serves any request and nothing
 * lives in process memory. The cookie holds the session id: the user id, a
 * dot and a random 256-bit token (base64url). The user id lets a request
 * read its session and its user in one KV read; only the token is secret.
 * The store keys the session by the id's SHA-256, so a leaked store does not
 * leak live cookies. Each session has its own CSRF token, an idle expiry
 * (default 2 h) and an absolute one (default 12 h); KV `expireIn` removes
 * dead sessions by itself. A session holds only the user id: role, name and
 * disabled flag are read from the user record with it (or from the
 * instance's session cache, at most 2 s old and dropped on any change, see
 * session_cache.ts). Only this module reads or writes these keys:
 *
 * | key                                   | value                      |
 * | ------------------------------------- | -------------------------- |
 * | ["sessions", idHash]                  | Session                    |
 * | ["sessions_by_user", userId, idHash]  | Date (absolute expiry)     |
 */
import { z } from "zod";
import { decodeStored } from "@/lib/db/decode.ts";
import { addUserChange, userChanged } from "./session_cache.ts";
import {
  constantTimeEqual,
  hashToken,
  hashTokenSync,
  randomToken,
  TOKEN_PATTERN,
} from "@/lib/identity/token.ts";

/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** A session ends this long after sign-in, however active. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/**
 * `lastSeenAt` is rewritten at most this often: one write per request would
 * cost more than an idle expiry a minute late.
 */
export const SESSION_TOUCH_MS = 60 * 1000;
/** Sessions revoked in one commit (KV allows 1000 mutations; 2 per session). */
const REVOKE_BATCH = 400;

const sessionKey = (idHash: string) => ["sessions", idHash];
const USER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Where a session id's session is stored and which user it claims, or null
 * for a malformed id. The claim is only trusted once the stored session
 * (found by the secret token) names the same user.
 */
export function sessionLookup(
  id: string,
): { key: Deno.KvKey; userId: string } | null {
  const dot = id.indexOf(".");
  const userId = id.slice(0, dot);
  if (
    dot < 1 || !USER_ID_PATTERN.test(userId) ||
    !TOKEN_PATTERN.test(id.slice(dot + 1))
  ) return null;
  return { key: sessionKey(hashTokenSync(id)), userId };
}
const byUser = (userId: string) => ["sessions_by_user", userId];

/** A stored session. */
export const SessionSchema = z.object({
  userId: z.string().min(1),
  csrfToken: z.string().regex(TOKEN_PATTERN),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  idleMs: z.number().int().positive(),
  expiresAt: z.date(),
});
/** A stored session. */
export type Session = z.infer<typeof SessionSchema>;

/** Session lifetimes; both default to the constants above. */
export interface SessionOptions {
  idleMs?: number;
  absoluteMs?: number;
}

/** When KV may drop the session: the idle deadline, never past the absolute one. */
function ttl(s: Session, now: Date): number {
  const idleEnd = s.lastSeenAt.getTime() + s.idleMs;
  return Math.max(1, Math.min(idleEnd, s.expiresAt.getTime()) - now.getTime());
}

/**
 * Starts a session. Returns the raw id for the cookie (shown only now; the
 * store keeps its hash) and the session with its CSRF token.
 */
export async function createSession(
  kv: Deno.Kv,
  userId: string,
  now: Date,
  options: SessionOptions = {},
): Promise<{ id: string; session: Session }> {
  const id = `${userId}.${randomToken()}`;
  const idHash = await hashToken(id);
  const session = SessionSchema.parse({
    userId,
    csrfToken: randomToken(),
    createdAt: now,
    lastSeenAt: now,
    idleMs: options.idleMs ?? SESSION_IDLE_MS,
    expiresAt: new Date(
      now.getTime() + (options.absoluteMs ?? SESSION_ABSOLUTE_MS),
    ),
  });
  const res = await kv.atomic()
    .check({ key: sessionKey(idHash), versionstamp: null })
    .set(sessionKey(idHash), session, { expireIn: ttl(session, now) })
    .set([...byUser(userId), idHash], session.expiresAt, {
      expireIn: session.expiresAt.getTime() - now.getTime(),
    })
    .commit();
  if (!res.ok) throw new Error(`Cannot create session: id hash collided`);
  return { id, session };
}

/**
 * The live session of a cookie value, or null when it is malformed, unknown,
 * idle too long or too old (an expired one is deleted on the way). Slides the
 * idle expiry forward.
 */
export async function getSession(
  kv: Deno.Kv,
  id: string,
  now: Date,
): Promise<Session | null> {
  const lookup = sessionLookup(id);
  if (!lookup) return null;
  const session = await liveSession(kv, await kv.get(lookup.key), now);
  return session?.userId === lookup.userId ? session : null;
}

/**
 * The live session of an entry read at a `sessionLookup` key (so a caller
 * can read it together with other keys), or null when it is missing, idle
 * too long or too old (an expired one is deleted on the way). Slides the
 * idle expiry forward.
 */
export async function liveSession(
  kv: Deno.Kv,
  entry: Deno.KvEntryMaybe<unknown>,
  now: Date,
): Promise<Session | null> {
  if (entry.versionstamp === null) return null;
  const idHash = entry.key.at(-1) as string;
  const s = decodeStored(SessionSchema, entry.key, entry.value);
  const t = now.getTime();
  if (t >= s.expiresAt.getTime() || t - s.lastSeenAt.getTime() >= s.idleMs) {
    await kv.atomic().check(entry).delete(entry.key)
      .delete([...byUser(s.userId), idHash]).commit();
    return null;
  }
  if (t - s.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    const next = { ...s, lastSeenAt: now };
    // Losing this race to a concurrent request only means it touched first.
    await kv.atomic().check(entry)
      .set(entry.key, next, { expireIn: ttl(next, now) }).commit();
    return next;
  }
  return s;
}

/** True when a submitted CSRF token is the session's (constant time). */
export function verifyCsrfToken(session: Session, submitted: unknown): boolean {
  return typeof submitted === "string" &&
    constantTimeEqual(submitted, session.csrfToken);
}

/**
 * Ends one session (logout). Unknown ids are ignored. Other instances that
 * cached the session learn of it through the user's change key.
 */
export async function endSession(kv: Deno.Kv, id: string): Promise<void> {
  const lookup = sessionLookup(id);
  if (!lookup) return;
  const idHash = await hashToken(id);
  const entry = await kv.get(sessionKey(idHash));
  const op = kv.atomic().delete(sessionKey(idHash));
  if (entry.versionstamp !== null) {
    const s = decodeStored(SessionSchema, entry.key, entry.value);
    op.delete([...byUser(s.userId), idHash]);
  }
  addUserChange(op, lookup.userId, new Date());
  await op.commit();
  userChanged(kv, lookup.userId);
}

/**
 * Adds the deletion of a user's sessions to a commit being built (password
 * change, disabled account, personal-data deletion), so the change and the
 * revocation land together. Covers up to 400 sessions; returns how many it
 * added and whether more remain (then call `revokeUserSessions` after).
 */
export async function addSessionRevocations(
  kv: Deno.Kv,
  op: Deno.AtomicOperation,
  userId: string,
): Promise<{ count: number; more: boolean }> {
  const entries = await Array.fromAsync(
    kv.list({ prefix: byUser(userId) }, { limit: REVOKE_BATCH + 1 }),
  );
  for (const e of entries.slice(0, REVOKE_BATCH)) {
    op.delete(sessionKey(e.key.at(-1) as string)).delete(e.key);
  }
  // The caller's commit tells every instance; it calls `userChanged` after.
  addUserChange(op, userId, new Date());
  return {
    count: Math.min(entries.length, REVOKE_BATCH),
    more: entries.length > REVOKE_BATCH,
  };
}

/** Ends every session of a user; returns how many ended. */
export async function revokeUserSessions(
  kv: Deno.Kv,
  userId: string,
): Promise<number> {
  let total = 0;
  while (true) {
    const op = kv.atomic();
    const { count, more } = await addSessionRevocations(kv, op, userId);
    if (count > 0) {
      await op.commit();
      userChanged(kv, userId);
    }
    total += count;
    if (!more) return total;
  }
}

/** Counts a user's sessions that the store still holds (for "signed in on N devices"). */
export async function countUserSessions(
  kv: Deno.Kv,
  userId: string,
  limit = 100,
): Promise<number> {
  let n = 0;
  for await (const _ of kv.list({ prefix: byUser(userId) }, { limit })) n++;
  return n;
}
