/**
 * The invitation forms (invite one new hire, revoke, import a CSV, accept a
 * link), checked field by field before the stores see them. Messages are
 * message keys shown beside the field; the stores check again (the cohort
 * must exist, the actor must lead its team, the login must be free).
 */
import { z } from "zod";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import {
  type FieldErrors,
  fieldErrors,
  type FormResult,
  formValues,
} from "@/lib/forms/form.ts";
import {
  CONTROL,
  normalizeEmail,
  normalizePhone,
} from "@/lib/identity/contact.ts";
import { MAX_CSV_BYTES } from "./csv_import.ts";
import { PasswordSchema } from "@/lib/identity/accounts/password.ts";

const blankToUndefined = (v: unknown) =>
  typeof v === "string" && v.trim() === "" ? undefined : v;

const CohortId = z.string({ error: "invitations.cohort_required" }).trim()
  .min(1, "invitations.cohort_required")
  .max(40, "invitations.cohort_unknown")
  .regex(/^[A-Za-z0-9_-]+$/, "invitations.cohort_unknown");

/** An invitee's suggested name. */
export const Name = z.string({ error: "invitations.name_required" }).trim()
  .min(1, "invitations.name_required")
  .max(50, "invitations.name_too_long")
  .refine((v) => !CONTROL.test(v), "invitations.name_invalid");

/** An optional email, normalised. */
export const Email = z.preprocess(
  blankToUndefined,
  z.string({ error: "invitations.email_invalid" }).transform((v, ctx) => {
    const e = normalizeEmail(v);
    if (e === null) {
      ctx.addIssue({ code: "custom", message: "invitations.email_invalid" });
      return z.NEVER;
    }
    return e;
  }).optional(),
);

/** An optional mobile number, normalised. */
export const Phone = z.preprocess(
  blankToUndefined,
  z.string({ error: "invitations.phone_invalid" }).transform((v, ctx) => {
    const p = normalizePhone(v);
    if (p === null) {
      ctx.addIssue({ code: "custom", message: "invitations.phone_invalid" });
      return z.NEVER;
    }
    return p;
  }).optional(),
);

/**
 * POST /invitations, action=invite. Only learners can be invited (the
 * invitation store issues learner accounts only); a form without a role
 * means a learner.
 */
export const InviteForm = z.object({
  cohortId: CohortId,
  name: Name,
  email: Email,
  phone: Phone,
  role: z.preprocess(
    (v) => v ?? "learner",
    z.literal("learner", { error: "invitations.role_invalid" }),
  ),
});
/** The fields the invite form can mark; "contact" sits under email and phone. */
export type InviteField =
  | "cohortId"
  | "name"
  | "email"
  | "phone"
  | "role"
  | "contact";

/** POST /invitations, action=revoke. */
export const RevokeForm = z.object({
  invitationId: z.string({ error: "invitations.revoke_invalid" })
    .regex(/^[0-9A-Z]{26}$/, "invitations.revoke_invalid"),
  // Blank for a staff invitation, which has no cohort.
  cohortId: z.string({ error: "invitations.revoke_invalid" })
    .regex(/^[A-Za-z0-9_-]{0,40}$/, "invitations.revoke_invalid"),
});

/** Checks the invite form; a new hire needs an email or a phone (or both). */
export function parseInviteForm(
  values: Record<string, unknown>,
): FormResult<z.output<typeof InviteForm>, InviteField> {
  const parsed = InviteForm.safeParse(values);
  const errors: FieldErrors<InviteField> = parsed.success
    ? {}
    : fieldErrors<InviteField>(parsed.error, "invitations.form_invalid");
  if (
    blankToUndefined(values.email) === undefined &&
    blankToUndefined(values.phone) === undefined
  ) {
    errors.contact = "invitations.contact_required";
  }
  return parsed.success && Object.keys(errors).length === 0
    ? { ok: true, data: parsed.data }
    : { ok: false, errors };
}

/** Checks the revoke form (hidden fields, so one message for the lot). */
export function parseRevokeForm(
  values: Record<string, unknown>,
): z.output<typeof RevokeForm> | null {
  const parsed = RevokeForm.safeParse(values);
  return parsed.success ? parsed.data : null;
}

/** The fields the import form can mark. */
export type ImportField = "cohortId" | "file";

/**
 * Checks the import form: a cohort and a non-empty CSV file of at most
 * MAX_CSV_BYTES. `tooLarge` tells the route to answer 413.
 */
export function parseImportForm(
  form: FormData,
): FormResult<{ cohortId: string; file: File }, ImportField> & {
  tooLarge?: boolean;
} {
  const errors: Partial<Record<ImportField, MessageKey>> = {};
  const cohort = CohortId.safeParse(formValues(form, ["cohortId"]).cohortId);
  if (!cohort.success) {
    errors.cohortId = fieldErrors(cohort.error, "invitations.cohort_unknown")
      .form;
  }
  const file = form.get("file");
  let tooLarge = false;
  // A browser sends an unnamed, empty file when none was chosen.
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
    errors.file = "invitations.import.file_required";
  } else if (file.size === 0) {
    errors.file = "invitations.import.file_empty";
  } else if (file.size > MAX_CSV_BYTES) {
    errors.file = "invitations.import.file_too_large";
    tooLarge = true;
  }
  if (Object.keys(errors).length > 0 || !cohort.success) {
    return { ok: false, errors, tooLarge };
  }
  return { ok: true, data: { cohortId: cohort.data, file: file as File } };
}

/** The fields the accept form can mark. */
export type AcceptField = "name" | "password" | "repeat";

/** Shortest and longest password, as lib/identity/accounts/password.ts rules them. */
export const PASSWORD_LIMITS = {
  min: PasswordSchema.minLength ?? 10,
  max: PasswordSchema.maxLength ?? 128,
};

/**
 * POST /invite/:token. An empty name keeps the name the inviter typed (the
 * store does that); the password follows PasswordSchema.
 */
export const AcceptForm = z.object({
  name: z.preprocess(
    (v) => v ?? "",
    z.string({ error: "invitations.accept.name_invalid" }).trim()
      .max(50, "invitations.name_too_long")
      .refine((v) => !CONTROL.test(v), "invitations.name_invalid"),
  ),
  password: z.string({ error: "invitations.accept.password_required" })
    .min(1, "invitations.accept.password_required")
    .refine(
      (v) => v.length === 0 || v.length >= PASSWORD_LIMITS.min,
      "invitations.accept.password_too_short",
    )
    .refine(
      (v) => v.length <= PASSWORD_LIMITS.max,
      "invitations.accept.password_too_long",
    )
    .refine(
      (v) => PasswordSchema.safeParse(v).success,
      "invitations.accept.password_invalid",
    ),
  repeat: z.string({ error: "invitations.accept.repeat_mismatch" }),
});

/** Checks the accept form; the repeat must equal the password. */
export function parseAcceptForm(
  values: Record<string, unknown>,
): FormResult<{ name: string; password: string }, AcceptField> {
  const parsed = AcceptForm.safeParse(values);
  const errors: FieldErrors<AcceptField> = parsed.success
    ? {}
    : fieldErrors<AcceptField>(
      parsed.error,
      "invitations.accept.name_invalid",
    );
  // The repeat only matters once the password itself is acceptable.
  if (errors.password) delete errors.repeat;
  else if (values.repeat !== values.password) {
    errors.repeat = "invitations.accept.repeat_mismatch";
  }
  return parsed.success && Object.keys(errors).length === 0
    ? {
      ok: true,
      data: { name: parsed.data.name, password: parsed.data.password },
    }
    : { ok: false, errors };
}
