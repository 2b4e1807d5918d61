/**
 * POST /invite/:token: the accept form is checked, the store called, and
 * its refusals turned into the field or page message to show, as
 * `submitInvitation` does for the invitations page. The route only renders
 * the outcome (and signs the new account in).
 */
import type { FieldErrors } from "@/lib/forms/form.ts";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors.ts";
import type { User } from "@/lib/identity/accounts/user_store.ts";
import { type AcceptField, parseAcceptForm } from "./invitation_form.ts";
import { acceptInvitation } from "./invitation_store.ts";
import type { UnusableLink } from "./invitation_view.ts";

/** The fields the accept form sends. */
export const ACCEPT_FORM_FIELDS = ["name", "password", "repeat"] as const;

/** A gone link says so (410); one never issued or revoked is unknown (404). */
export const LINK_STATUS: Record<UnusableLink, number> = {
  unknown: 404,
  used: 410,
  expired: 410,
};

/** What the accept page shows after a submission. */
export type AcceptOutcome =
  | { kind: "accepted"; user: User }
  /** The link cannot be used (any more). */
  | { kind: "unavailable"; reason: UnusableLink }
  /** The form again, with why ("form" is a message above it). */
  | {
    kind: "invalid";
    status: number;
    errors: FieldErrors<AcceptField | "form">;
  };

/** A store's refusal as the outcome to show, or null for errors that escape. */
export function acceptRefusal(error: unknown): AcceptOutcome | null {
  if (error instanceof NotFoundError) {
    return { kind: "unavailable", reason: "unknown" };
  }
  if (error instanceof ConflictError) {
    if (error.code === "invitation-used") {
      return { kind: "unavailable", reason: "used" };
    }
    if (error.code === "invitation-expired") {
      return { kind: "unavailable", reason: "expired" };
    }
    return {
      kind: "invalid",
      status: 409,
      errors: {
        form: error.code === "login-taken"
          ? "invitations.accept.login_taken"
          : "invitations.accept.retry",
      },
    };
  }
  if (error instanceof ValidationError) {
    return {
      kind: "invalid",
      status: 422,
      errors: error.field === "name"
        ? { name: "invitations.name_invalid" }
        : { password: "invitations.accept.password_invalid" },
    };
  }
  return null;
}

/** Accepts the invitation behind `token` with the submitted form values. */
export async function submitAcceptance(
  kv: Deno.Kv,
  token: string,
  values: Record<string, unknown>,
  now: Date,
): Promise<AcceptOutcome> {
  const input = parseAcceptForm(values);
  if (!input.ok) return { kind: "invalid", status: 422, errors: input.errors };
  try {
    return {
      kind: "accepted",
      user: await acceptInvitation(kv, token, input.data, now),
    };
  } catch (error) {
    const refused = acceptRefusal(error);
    if (!refused) throw error;
    return refused;
  }
}
