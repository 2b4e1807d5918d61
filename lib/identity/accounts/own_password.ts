/**
 * A user changes their own password: the current one must match, the new
 * one follows the password rules, every session ends (a stolen cookie dies
 * with the old password) and this device gets a fresh session so the user
 * stays signed in here.
 */
import { z } from "zod";
import { PBKDF2_ITERATIONS, verifyPassword } from "./password.ts";
import {
  createSession,
  type Session,
} from "@/lib/identity/sessions/session_store.ts";
import {
  clearLoginFailures,
  isLoginLocked,
  recordLoginFailure,
  type ThrottlePolicy,
} from "@/lib/identity/sessions/throttle_store.ts";
import { changePassword, requireUser } from "./user_store.ts";

/** Form fields of the password page. Messages are message keys shown beside the field. */
export const PasswordChangeForm = z.object({
  current: z.string().min(1, "password.current_required").max(
    128,
    "password.too_long",
  ),
  next: z.string().min(10, "password.too_short").max(128, "password.too_long"),
  repeat: z.string().max(128, "password.too_long"),
}).refine((f) => f.next === f.repeat, {
  path: ["repeat"],
  message: "password.mismatch",
});
/** Parsed password form. */
export type PasswordChange = z.infer<typeof PasswordChangeForm>;

/** The outcome: a new session for this device, or which field is wrong. */
export type PasswordChangeResult =
  | { ok: true; sessionId: string; session: Session }
  | {
    ok: false;
    field: "current";
    reason: "password.wrong" | "password.locked";
  };

/** Where wrong current passwords are counted (apart from sign-in logins). */
function throttleKey(userId: string): string {
  return `password-change:${userId}`;
}

/**
 * Changes the user's own password after checking the current one. Wrong
 * guesses are throttled like sign-ins (per user and per address), so a
 * stolen session cannot be used to guess the password and take the account.
 */
export async function changeOwnPassword(
  kv: Deno.Kv,
  userId: string,
  input: PasswordChange,
  now: Date,
  address: string,
  options: { iterations?: number; throttle?: ThrottlePolicy } = {},
): Promise<PasswordChangeResult> {
  const key = throttleKey(userId);
  if (await isLoginLocked(kv, key, address, now)) {
    return { ok: false, field: "current", reason: "password.locked" };
  }
  const user = await requireUser(kv, userId);
  if (
    !user.passwordHash ||
    !await verifyPassword(input.current, user.passwordHash)
  ) {
    const locked = await recordLoginFailure(
      kv,
      key,
      address,
      now,
      options.throttle,
    );
    return {
      ok: false,
      field: "current",
      reason: locked ? "password.locked" : "password.wrong",
    };
  }
  await clearLoginFailures(kv, key);
  await changePassword(
    kv,
    userId,
    input.next,
    now,
    options.iterations ?? PBKDF2_ITERATIONS,
  );
  const { id, session } = await createSession(kv, userId, now);
  return { ok: true, sessionId: id, session };
}
