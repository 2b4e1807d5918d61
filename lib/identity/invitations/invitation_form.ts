/**
 * The invitation forms (invite one new hire, revoke, import a CSV, accept a
 * link), checked field by field before the stores see them. Messages are
 * message keys shown beside the field; the stores check again (the cohort
 * must exist, the actor must lead its team, the login must be free).
 */
import { z } from "zod";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import {
  CONTROL,
  normalizeEmail,
  normalizePhone,
} from "@/lib/identity/contact.ts";
import { listCohortsOfTeam } from "@/lib/identity/teams/cohort_store.ts";
import { MAX_CSV_BYTES } from "./csv_import.ts";
import { PasswordSchema } from "@/lib/identity/accounts/password.ts";
import type { Role } from "@/lib/identity/roles.ts";
import {
  getTeam,
  listTeamIdsOfManager,
  listTeams,
  type Team,
} from "@/lib/identity/teams/team_store.ts";

/** What a parse gives a route: the data, or one message key per field. */
export type FormResult<T, F extends string> =
  | { ok: true; data: T }
  | { ok: false; errors: Partial<Record<F, MessageKey>> };

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

/**
 * Reads a submitted form as plain values: a file where text belongs
 * becomes a value no schema accepts, so it is refused like any other wrong
 * type.
 */
export function formValues(
  form: FormData,
  names: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const v = form.get(name);
    out[name] = v === null ? undefined : typeof v === "string" ? v : 0;
  }
  return out;
}

/** The first message key per field of a failed parse. */
function fieldMessages<F extends string>(
  issues: readonly z.core.$ZodIssue[],
  fallback: MessageKey,
): Partial<Record<F, MessageKey>> {
  const errors: Partial<Record<F, MessageKey>> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form") as F;
    errors[field] ??= (issue.message.startsWith("invitations.")
      ? issue.message
      : fallback) as MessageKey;
  }
  return errors;
}

/** Checks the invite form; a new hire needs an email or a phone (or both). */
export function parseInviteForm(
  values: Record<string, unknown>,
): FormResult<z.output<typeof InviteForm>, InviteField> {
  const parsed = InviteForm.safeParse(values);
  const errors = parsed.success ? {} : fieldMessages<InviteField>(
    parsed.error.issues,
    "invitations.form_invalid",
  );
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
    errors.cohortId = fieldMessages<"form">(
      cohort.error.issues,
      "invitations.cohort_unknown",
    ).form;
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
  const errors = parsed.success ? {} : fieldMessages<AcceptField>(
    parsed.error.issues,
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

/** A cohort the invite and import forms offer. */
export interface CohortOption {
  id: string;
  name: string;
  teamId: string;
  teamName: string;
  startDate: string;
}

/**
 * The cohorts an actor may invite into, newest start first: every cohort
 * for an admin, the cohorts of the teams they lead for a manager, none for
 * anyone else. Only what the select offers: createInvitation and
 * importNewHires check the actor again (assertCanInvite).
 */
export async function invitableCohorts(
  kv: Deno.Kv,
  actor: { id: string; role: Role },
): Promise<CohortOption[]> {
  let teams: Team[] = [];
  if (actor.role === "admin") teams = await listTeams(kv, 200);
  else if (actor.role === "manager") {
    const ids = await listTeamIdsOfManager(kv, actor.id);
    teams = (await Promise.all(ids.map((id) => getTeam(kv, id))))
      .filter((t) => t !== null);
  }
  const perTeam = await Promise.all(
    teams.map(async (team) =>
      (await listCohortsOfTeam(kv, team.id)).map((c) => ({
        id: c.id,
        name: c.name,
        teamId: team.id,
        teamName: team.name,
        startDate: c.startDate,
      }))
    ),
  );
  return perTeam.flat().sort((a, b) =>
    b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name)
  );
}
