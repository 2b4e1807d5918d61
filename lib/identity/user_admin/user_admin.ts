/**
 * The admin's pages about one account: what they show (the account, its
 * cohorts, its latest audit entries) and their actions (change the role,
 * disable, enable, delete the personal data), each store refusal named as
 * the message the page shows. The stores decide: an admin never acts on
 * their own account, an anonymised account keeps its state, a learner
 * leaves their cohorts only when the admin confirms it.
 *
 * A folder of its own because it sits above accounts, teams, audit and
 * personal data: it uses all four, and they use accounts.
 */
import { type FieldErrors, parseForm } from "@/lib/forms/form.ts";
import { ConflictError, ForbiddenError } from "@/lib/errors.ts";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import {
  type AuditEntry,
  listAuditAbout,
} from "@/lib/identity/audit/audit_store.ts";
import {
  type AuditNames,
  auditNames,
} from "@/lib/identity/audit/report/audit_names.ts";
import {
  getCohort,
  listMembershipsOfUser,
} from "@/lib/identity/teams/cohort_store.ts";
import { changeUserRole } from "@/lib/identity/teams/role_change.ts";
import { deletePersonalData } from "@/lib/identity/personal_data/personal_data.ts";
import {
  DeleteConfirmForm,
  shownLogin,
  type UserAction,
  type UserActionField,
} from "@/lib/identity/accounts/user_admin_form.ts";
import {
  type PublicUser,
  requireUser,
  setDisabled,
  toPublicUser,
} from "@/lib/identity/accounts/user_store.ts";

/** Audit entries shown on the page (the full log is on /admin/audit). */
export const AUDIT_SHOWN = 50;

/** The actions a `?done=` can confirm. */
const DONE = ["role", "disable", "enable"] as const;
export type UserDone = typeof DONE[number];

/** The action a `?done=` names, or null for anything else. */
export function userDone(value: string | null): UserDone | null {
  return DONE.find((d) => d === value) ?? null;
}

/** A cohort the account belongs to, named for the page. */
export interface MembershipLine {
  cohortId: string;
  name: string;
  startDate: string | null;
}

/** Everything the page shows about one account. */
export interface UserRecordView {
  user: PublicUser;
  memberships: MembershipLine[];
  audit: AuditEntry[];
  names: AuditNames;
  moreAudit: boolean;
  /** The page is about the signed-in admin themself. */
  self: boolean;
}

/** Reads the page's account; NotFoundError (404) when unknown. */
export async function userRecord(
  kv: Deno.Kv,
  userId: string,
  adminId: string,
): Promise<UserRecordView> {
  const user = await requireUser(kv, userId);
  const memberships = await Promise.all(
    (await listMembershipsOfUser(kv, user.id)).map(async (m) => {
      const cohort = await getCohort(kv, m.cohortId);
      return {
        cohortId: m.cohortId,
        name: cohort?.name ?? m.cohortId,
        startDate: cohort?.startDate ?? null,
      };
    }),
  );
  const audit = await listAuditAbout(kv, "user", user.id, AUDIT_SHOWN);
  return {
    user: toPublicUser(user),
    memberships,
    audit: audit.entries,
    names: await auditNames(kv, audit.entries),
    moreAudit: audit.cursor !== "",
    self: user.id === adminId,
  };
}

/** What a refused action shows: a status and the field (or form) message. */
export interface UserActionRefusal {
  status: number;
  errors: FieldErrors<UserActionField | "form">;
}

/** What the admin is told when refused on their own account, by action. */
const SELF_REFUSED: Record<UserAction["action"], MessageKey> = {
  role: "admin.user.self_role",
  disable: "admin.user.self_status",
  enable: "admin.user.self_status",
};

/**
 * A store's refusal as the page's message, or null for one that escapes
 * (any other ForbiddenError, such as an actor no longer an admin: a 403).
 */
export function userActionRefusal(
  error: unknown,
  action: UserAction["action"],
  self: boolean,
): UserActionRefusal | null {
  if (error instanceof ForbiddenError && self) {
    return { status: 403, errors: { form: SELF_REFUSED[action] } };
  }
  if (error instanceof ConflictError && error.code === "memberships-active") {
    return {
      status: 409,
      errors: { endMemberships: "staff.role.confirm_needed" },
    };
  }
  if (error instanceof ConflictError && error.code === "anonymised") {
    return { status: 409, errors: { form: "admin.user.anonymised_refused" } };
  }
  return null;
}

/** Carries out a checked action on an account; null when done. */
export async function applyUserAction(
  kv: Deno.Kv,
  adminId: string,
  targetId: string,
  action: UserAction,
  now: Date,
): Promise<UserActionRefusal | null> {
  try {
    if (action.action === "role") {
      await changeUserRole(kv, adminId, targetId, action.role, now, {
        endMemberships: action.endMemberships,
      });
    } else {
      await setDisabled(
        kv,
        adminId,
        targetId,
        action.action === "disable",
        now,
      );
    }
    return null;
  } catch (error) {
    const refused = userActionRefusal(
      error,
      action.action,
      targetId === adminId,
    );
    if (!refused) throw error;
    return refused;
  }
}

/** The account a deletion page is about. */
export interface DeletionTarget {
  userId: string;
  name: string;
  /** The login the admin must type ("" once anonymised). */
  login: string;
  anonymised: boolean;
  /** The page is about the signed-in admin themself. */
  self: boolean;
}

/** Reads the account to delete; NotFoundError (404) when unknown. */
export async function deletionTarget(
  kv: Deno.Kv,
  userId: string,
  adminId: string,
): Promise<DeletionTarget> {
  const user = await requireUser(kv, userId);
  return {
    userId: user.id,
    name: user.name,
    login: shownLogin(user),
    anonymised: Boolean(user.anonymisedAt),
    self: user.id === adminId,
  };
}

/**
 * Deletes the account's personal data once the admin has typed its login;
 * null when done, else why not (already anonymised, a wrong confirmation,
 * the admin's own account).
 */
export async function eraseAccount(
  kv: Deno.Kv,
  adminId: string,
  target: DeletionTarget,
  values: Record<string, unknown>,
  now: Date,
): Promise<
  { status: number; errors: FieldErrors<"confirm" | "form"> } | null
> {
  if (target.anonymised) {
    return { status: 409, errors: { form: "admin.delete.already" } };
  }
  const input = parseForm(
    DeleteConfirmForm(target.login),
    values,
    "admin.delete.confirm_required",
    { formField: "confirm" },
  );
  if (!input.ok) return { status: 422, errors: input.errors };
  try {
    await deletePersonalData(kv, adminId, target.userId, now);
  } catch (error) {
    // The store refuses an admin erasing themself; the page picks the words.
    if (error instanceof ForbiddenError && target.self) {
      return { status: 403, errors: { form: "admin.delete.self" } };
    }
    throw error;
  }
  return null;
}
