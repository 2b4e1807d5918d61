/**
 * Login throttling per account and per client address, in KV so every
 * instance counts the same failures. Counters live in fixed windows and
 * expire by themselves. Only this module reads or writes:
 *
 * | key                                        | value            |
 * | ------------------------------------------ | ---------------- |
 * | ["login_failures", "login", login, window] | number (failures) |
 * | ["login_failures", "addr", address, window]| number (failures) |
 */

/** Failures per account within a window before it is locked. */
export const ACCOUNT_LIMIT = 5;
/** Failures per address within a window before it is locked. */
export const ADDRESS_LIMIT = 20;
/** The window, and so the lock-out time. */
export const WINDOW_MS = 15 * 60 * 1000;

const key = (kind: "login" | "addr", id: string, now: Date) => [
  "login_failures",
  kind,
  id,
  Math.floor(now.getTime() / WINDOW_MS),
];

/** True when this login or address may not try now. */
export async function isLocked(
  kv: Deno.Kv,
  login: string,
  address: string,
  now: Date,
): Promise<boolean> {
  const [a, b] = await kv.getMany<number[]>([
    key("login", login, now),
    key("addr", address, now),
  ]);
  return (a.value ?? 0) >= ACCOUNT_LIMIT || (b.value ?? 0) >= ADDRESS_LIMIT;
}

/** Counts a failed attempt for both the login and the address. */
export async function recordFailure(
  kv: Deno.Kv,
  login: string,
  address: string,
  now: Date,
): Promise<void> {
  const keys = [key("login", login, now), key("addr", address, now)];
  for (let i = 0; i < 10; i++) {
    const [a, b] = await kv.getMany<number[]>(keys);
    // The counters expire with their window, so the store does not grow.
    const res = await kv.atomic().check(a, b)
      .set(keys[0], (a.value ?? 0) + 1, { expireIn: WINDOW_MS })
      .set(keys[1], (b.value ?? 0) + 1, { expireIn: WINDOW_MS })
      .commit();
    if (res.ok) return;
  }
}

/** Clears the account's counter after a successful login. */
export async function clearFailures(
  kv: Deno.Kv,
  login: string,
  now: Date,
): Promise<void> {
  await kv.delete(key("login", login, now));
}
