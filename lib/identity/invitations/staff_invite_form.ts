/**
 * The admin's staff invitation form (mentor, trainer, manager, admin; no
 * cohort), checked with the shared form helper: every field's problem at
 * once, as message keys. The store checks again (admins only, logins free).
 */
import { z } from "zod";
import { type FormResult, parseForm } from "@/lib/forms/form.ts";
import { Email, Name, Phone } from "./invitation_form.ts";
import { STAFF_INVITE_ROLES } from "./invitation_store.ts";

/** POST /invitations, action=invite-staff. */
export const StaffInviteForm = z.object({
  role: z.enum(STAFF_INVITE_ROLES, "staff.invite.role_invalid"),
  name: Name,
  email: Email,
  phone: Phone,
}).refine((v) => v.email || v.phone, {
  message: "invitations.contact_required",
  path: ["contact"],
});

/** The fields the staff form marks. */
export type StaffInviteField = "role" | "name" | "email" | "phone" | "contact";

/** Checks the staff invitation form. */
export function parseStaffInviteForm(
  values: Record<string, unknown>,
): FormResult<z.output<typeof StaffInviteForm>, StaffInviteField> {
  const parsed = parseForm<typeof StaffInviteForm, StaffInviteField>(
    StaffInviteForm,
    values,
    "invitations.form_invalid",
  );
  // A refine runs only once the fields parse: say "email or phone" at once.
  if (
    !parsed.ok && !values.email && !values.phone && !parsed.errors.contact
  ) {
    parsed.errors.contact = "invitations.contact_required";
  }
  return parsed;
}
