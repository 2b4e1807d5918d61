/**
 * The admin's user pages: the list filter, the role and disable/enable
 * forms, and the typed confirmation before personal data is deleted. Each
 * problem is a message key shown beside its field; the stores check again
 * (admins only, never on their own account).
 */
import { z } from "zod";
import { parseLogin } from "@/lib/identity/contact.ts";
import { ROLES } from "@/lib/identity/roles.ts";
import type { User } from "./user_store.ts";

// Deno KV cursors are base64 of a key suffix. Anything else is refused here;
// a well-formed but stale one is caught where the list is read.
const Cursor = z.string().max(500, "admin.cursor_invalid")
  .regex(/^[A-Za-z0-9+/=_-]*$/, "admin.cursor_invalid").optional();

/** An empty query value means "not given". */
const blank = (v: unknown) => v === "" || v === null ? undefined : v;

/** GET /admin/users: `?role=` (empty means every role), `?q=` and `?cursor=`. */
export const UserListQuery = z.object({
  role: z.preprocess(
    blank,
    z.enum(ROLES, "admin.users.role_invalid").optional(),
  ),
  q: z.preprocess(
    blank,
    z.string().trim().max(100, "staff.users.search_too_long").optional(),
  ),
  cursor: z.preprocess(blank, Cursor),
});

/** GET /admin/audit: `?cursor=`. */
export const AuditListQuery = z.object({
  cursor: z.preprocess(blank, Cursor),
});

/** POST /admin/users/[user]: change the role, or disable/enable the account. */
export const UserActionForm = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("role"),
    role: z.enum(ROLES, "admin.user.role_invalid"),
    // The admin's confirmation that a learner leaving the learner role
    // leaves their cohorts (lib/identity/teams/role_change.ts).
    endMemberships: z.preprocess(
      (v) => v === "yes" ? true : undefined,
      z.literal(true).optional(),
    ),
  }),
  z.object({ action: z.literal("disable") }),
  z.object({ action: z.literal("enable") }),
], "admin.user.action_invalid");

/** A parsed user action. */
export type UserAction = z.infer<typeof UserActionForm>;

/** The fields the user page can mark. */
export type UserActionField = "action" | "role" | "endMemberships";

/**
 * The login an admin sees for an account and types to confirm a deletion:
 * the email, else the phone; "" for an anonymised account.
 */
export function shownLogin(user: Pick<User, "email" | "phone">): string {
  return user.email ?? user.phone ?? "";
}

/**
 * POST /admin/users/[user]/delete: `confirm` must be the account's shown
 * login. Spelling differences a login tolerates (case, spaces, a +86) are
 * accepted, a different account's login is not.
 */
export function DeleteConfirmForm(login: string) {
  return z.object({
    confirm: z.string("admin.delete.confirm_required").trim()
      .min(1, "admin.delete.confirm_required")
      .max(254, "admin.delete.confirm_too_long")
      .refine(
        (v) => login !== "" && (v === login || parseLogin(v)?.value === login),
        "admin.delete.confirm_mismatch",
      ),
  });
}
