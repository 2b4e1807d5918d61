/**
 * Sessions in KV, so any instance can serve any request. The cookie holds a
 * random 256-bit id; the store keys sessions by its SHA-256, so a leaked
 * store does not leak live cookies. A session carries what pages need of
 * its user (name, role, cohort), so a request costs one read; revoking a
 * user's sessions (password change, disabled, role change) deletes them via
 * the per-user index. Only this module reads or writes:
 *
 * | key                                        | value   |
 * | ------------------------------------------ | ------- |
 * | ["sessions", idHash]                       | Session |
 * | ["sessions_by_user", userId, idHash]       | true    |
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { ROLES } from "./policy.ts";

/** A session ends after this long without a request. */
export const IDLE_MS = 2 * 60 * 60 * 1000;
/** A session ends this long after sign-in, whatever happens. */
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** `lastSeenAt` is written at most this often (not on every request). */
const TOUCH_MS = 5 * 60 * 1000;

const sessionKey = (hash: string) => ["sessions", hash];
const byUser = (userId: string) => ["sessions_by_user", userId];

/** A stored session. */
export const SessionSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  cohortId: z.string().optional(),
  csrfToken: z.string().min(32),
  createdAt: z.date(),
  lastSeenAt: z.date(),
});
export type Session = z.infer<typeof SessionSchema>;

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll(
    "/",
    "_",
  ).replace(/=+$/, "");
}

function hashId(id: string): string {
  // Synchronous: it runs on every request, and WebCrypto's digest is async.
  return createHash("sha256").update(id).digest("hex");
}

/** Starts a session; returns the cookie value (the raw id) and the session. */
export async function createSession(
  kv: Deno.Kv,
  user: { id: string; name: string; role: Session["role"]; cohortId?: string },
  now: Date,
): Promise<{ id: string; session: Session }> {
  const id = randomToken();
  const hash = hashId(id);
  const session = SessionSchema.parse({
    userId: user.id,
    name: user.name,
    role: user.role,
    cohortId: user.cohortId,
    csrfToken: randomToken(),
    createdAt: now,
    lastSeenAt: now,
  });
  await kv.atomic()
    .check({ key: sessionKey(hash), versionstamp: null })
    .set(sessionKey(hash), session, { expireIn: ABSOLUTE_MS })
    .set([...byUser(user.id), hash], true, { expireIn: ABSOLUTE_MS })
    .commit();
  return { id, session };
}

/** The live session of a cookie value, or null (unknown, idle too long or too old). */
export async function getSession(
  kv: Deno.Kv,
  id: string,
  now: Date,
): Promise<Session | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const hash = hashId(id);
  const entry = await kv.get(sessionKey(hash));
  if (entry.versionstamp === null) return null;
  const parsed = SessionSchema.safeParse(entry.value);
  if (!parsed.success) {
    throw new Error(
      `Cannot read ${JSON.stringify(entry.key)}: ${parsed.error.message}`,
    );
  }
  const s = parsed.data;
  const t = now.getTime();
  if (
    t - s.createdAt.getTime() > ABSOLUTE_MS ||
    t - s.lastSeenAt.getTime() > IDLE_MS
  ) {
    await kv.atomic().check(entry).delete(entry.key).delete([
      ...byUser(s.userId),
      hash,
    ]).commit();
    return null;
  }
  if (t - s.lastSeenAt.getTime() > TOUCH_MS) {
    const left = ABSOLUTE_MS - (t - s.createdAt.getTime());
    // Losing this race only means the next request touches it instead.
    await kv.atomic().check(entry).set(entry.key, { ...s, lastSeenAt: now }, {
      expireIn: left,
    }).commit();
  }
  return s;
}

/** Ends one session (logout). */
export async function deleteSession(kv: Deno.Kv, id: string): Promise<void> {
  const hash = hashId(id);
  const entry = await kv.get<Session>(sessionKey(hash));
  const op = kv.atomic().delete(sessionKey(hash));
  if (entry.value) op.delete([...byUser(entry.value.userId), hash]);
  await op.commit();
}

/** Ends every session of a user (password change, disabled account, role change). */
export async function revokeUserSessions(
  kv: Deno.Kv,
  userId: string,
): Promise<number> {
  let n = 0;
  for await (const e of kv.list({ prefix: byUser(userId) }, { limit: 1000 })) {
    const hash = e.key.at(-1) as string;
    await kv.atomic().delete(sessionKey(hash)).delete(e.key).commit();
    n++;
  }
  return n;
}
