/**
 * POST /invitations, every action (invite a new hire, invite staff, revoke):
 * the form is checked, the store called, and its refusals turned into the
 * field or page message to show. The route only renders the outcome. The
 * stores still decide who may do what (a manager inviting into another
 * team's cohort, or anyone but an admin inviting staff, gets a
 * ForbiddenError, which escapes as the 403 page).
 */
import { type FieldErrors, keptValues } from "@/lib/forms/form.ts";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors.ts";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import type { Role } from "@/lib/identity/roles.ts";
import {
  type InviteField,
  parseInviteForm,
  parseRevokeForm,
} from "./invitation_form.ts";
import {
  createInvitation,
  createStaffInvitation,
  type IssuedInvitation,
  revokeInvitation,
} from "./invitation_store.ts";
import {
  cohortLabel,
  type CohortOption,
  inviteeContact,
} from "./invitation_view.ts";
import { parseStaffInviteForm } from "./staff_invite_form.ts";

/** Every field any of the page's forms sends. */
export const INVITATION_FORM_FIELDS = [
  "action",
  "cohortId",
  "name",
  "email",
  "phone",
  "role",
  "invitationId",
] as const;

const COHORT_FIELDS = ["cohortId", "name", "email", "phone", "role"] as const;
const STAFF_FIELDS = ["role", "name", "email", "phone"] as const;

/** Which of the page's two invite forms. */
export type InviteSlot = "cohort" | "staff";

/** The one invitation just issued: its link is shown once. */
export interface IssuedView {
  token: string;
  name: string;
  contact: string;
  /** The cohort's label, or for a staff invitation the role it makes. */
  place: { cohort: string } | { role: Role };
  expiresAt: Date;
}

/** What the page shows after a submission. */
export type InvitationOutcome =
  | { kind: "revoked" }
  | { kind: "issued"; issued: IssuedView }
  /** A page-level message (a bad or stale revoke, an unknown action). */
  | { kind: "alert"; status: number; alert: MessageKey }
  /** One form again, with its values and why. */
  | {
    kind: "invalid";
    status: number;
    slot: InviteSlot;
    values: Record<string, string>;
    errors: FieldErrors<InviteField>;
  };

/** A store's refusal as a field message, or null for errors that escape. */
export function inviteRefusal(
  error: unknown,
): { status: number; errors: FieldErrors<InviteField> } | null {
  if (error instanceof NotFoundError) {
    return { status: 422, errors: { cohortId: "invitations.cohort_unknown" } };
  }
  if (error instanceof ConflictError) {
    return {
      status: 409,
      errors: {
        contact: error.code === "already-invited"
          ? "invitations.already_invited"
          : "invitations.login_taken",
      },
    };
  }
  if (error instanceof ValidationError) {
    const messages: Record<string, MessageKey> = {
      name: "invitations.name_invalid",
      email: "invitations.email_invalid",
      phone: "invitations.phone_invalid",
    };
    const field = error.field && messages[error.field] ? error.field : null;
    return {
      status: 422,
      errors: field
        ? { [field]: messages[field] }
        : { contact: "invitations.contact_required" },
    };
  }
  return null;
}

/**
 * Handles one submission of the invitations page by `actor`. `cohorts` are
 * the ones the page offers (for the issued cohort's label); the store
 * checks the actor again whatever was submitted.
 */
export async function submitInvitation(
  kv: Deno.Kv,
  actorId: string,
  cohorts: readonly CohortOption[],
  values: Record<string, unknown>,
  now: Date,
): Promise<InvitationOutcome> {
  if (values.action === "revoke") {
    const input = parseRevokeForm(values);
    if (!input) {
      return {
        kind: "alert",
        status: 422,
        alert: "invitations.revoke_invalid",
      };
    }
    try {
      await revokeInvitation(
        kv,
        actorId,
        input.cohortId || null,
        input.invitationId,
        now,
      );
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return { kind: "alert", status: 404, alert: "invitations.revoke_gone" };
    }
    return { kind: "revoked" };
  }
  if (values.action === "invite-staff") {
    const input = parseStaffInviteForm(values);
    return await issue(
      "staff",
      keptValues(values, STAFF_FIELDS),
      input.ok ? { ...input, place: { role: input.data.role } } : input,
      (d) =>
        createStaffInvitation(kv, actorId, d.role, {
          name: d.name,
          email: d.email,
          phone: d.phone,
        }, now),
    );
  }
  if (values.action !== "invite") {
    return { kind: "alert", status: 422, alert: "invitations.action_invalid" };
  }
  const input = parseInviteForm(values);
  return await issue(
    "cohort",
    keptValues(values, COHORT_FIELDS),
    input.ok ? { ...input, place: { cohort: placeOf(input.data) } } : input,
    (d) =>
      createInvitation(kv, actorId, d.cohortId, {
        name: d.name,
        email: d.email,
        phone: d.phone,
      }, now),
  );

  function placeOf({ cohortId }: { cohortId: string }): string {
    const cohort = cohorts.find((c) => c.id === cohortId);
    return cohort ? cohortLabel(cohort) : cohortId;
  }
}

/** Both invite forms: issue, or show the form again in its slot with why. */
async function issue<D>(
  slot: InviteSlot,
  values: Record<string, string>,
  input:
    | { ok: true; data: D; place: IssuedView["place"] }
    | { ok: false; errors: FieldErrors<InviteField> },
  create: (data: D) => Promise<IssuedInvitation>,
): Promise<InvitationOutcome> {
  if (!input.ok) {
    return { kind: "invalid", status: 422, slot, values, errors: input.errors };
  }
  let issued: IssuedInvitation;
  try {
    issued = await create(input.data);
  } catch (error) {
    const refused = inviteRefusal(error);
    if (!refused) throw error;
    return { kind: "invalid", slot, values, ...refused };
  }
  const inv = issued.invitation;
  return {
    kind: "issued",
    issued: {
      token: issued.token,
      name: inv.name,
      contact: inviteeContact(inv),
      place: input.place,
      expiresAt: inv.expiresAt,
    },
  };
}
