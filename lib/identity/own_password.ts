/**
 * A user changes their own password: the current one must match, the new
 * one follows the password rules, every session ends (a stolen cookie dies
 * with the old password) and this device gets a fresh session so the user
 * stays signed in here.
 */
import { z } from "zod";
import { PBKDF2_ITERATIONS, verifyPassword } from "./password.ts";
import { createSession, type Session } from "./session_store.ts";
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
  | { ok: false; field: "current"; reason: "password.wrong" };

/** Changes the user's own password after checking the current one. */
export async function changeOwnPassword(
  kv: Deno.Kv,
  userId: string,
  input: PasswordChange,
  now: Date,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<PasswordChangeResult> {
  const user = await requireUser(kv, userId);
  if (
    !user.passwordHash ||
    !await verifyPassword(input.current, user.passwordHash)
  ) {
    return { ok: false, field: "current", reason: "password.wrong" };
  }
  await changePassword(kv, userId, input.next, now, iterations);
  const { id, session } = await createSession(kv, userId, now);
  return { ok: true, sessionId: id, session };
}
