/**
 * Personal data under China's PIPL: a user may get a copy of what we hold
 * about them, and an admin may erase it. Erasure keeps an anonymised stub
 * (id, role, cohort memberships), so anonymised scores stay usable for
 * statistics, and is one atomic commit with its audit entry. Audit details
 * and memberships never hold personal data, so they need no rewriting.
 */
import {
  addAuditEntry,
  type AuditEntry,
  listAuditAbout,
} from "@/lib/identity/audit/audit_store.ts";
import {
  getCohort,
  listMembershipsOfUser,
  type Membership,
} from "@/lib/identity/teams/cohort_store.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors.ts";
import { userChanged } from "@/lib/identity/sessions/session_cache.ts";
import {
  addSessionRevocations,
  revokeUserSessions,
} from "@/lib/identity/sessions/session_store.ts";
import { addClearLoginFailures } from "@/lib/identity/sessions/throttle_store.ts";
import {
  addUserAnonymisation,
  getUserEntry,
  type PublicUser,
  requireAdmin,
  toPublicUser,
  type User,
} from "@/lib/identity/accounts/user_store.ts";

/** Everything identity holds about one person. */
export interface PersonalDataExport {
  user: PublicUser;
  memberships:
    (Membership & { cohortName: string | null; startDate: string | null })[];
  auditAbout: AuditEntry[];
}

/** Most audit entries an export gathers (pages of 500). */
const MAX_AUDIT = 10_000;

/** The user's own record (without password hash), memberships and audit entries about them. */
export async function exportPersonalData(
  kv: Deno.Kv,
  userId: string,
): Promise<PersonalDataExport> {
  const entry = await getUserEntry(kv, userId);
  if (!entry) {
    throw new NotFoundError(
      `Cannot export personal data: user "${userId}" does not exist`,
    );
  }
  const memberships = await Promise.all(
    (await listMembershipsOfUser(kv, userId, 500)).map(async (m) => {
      const c = await getCohort(kv, m.cohortId);
      return {
        ...m,
        cohortName: c?.name ?? null,
        startDate: c?.startDate ?? null,
      };
    }),
  );
  const auditAbout: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAuditAbout(kv, "user", userId, 500, cursor);
    auditAbout.push(...page.entries);
    cursor = page.cursor;
  } while (cursor && auditAbout.length < MAX_AUDIT);
  return { user: toPublicUser(entry.user), memberships, auditAbout };
}

/**
 * Erases a user's personal data (admins only, not their own): name, logins,
 * password hash, login index entries and throttle counters go; the account
 * is disabled and its sessions end; an anonymised stub and the memberships
 * stay; an audit entry records it. All in one commit (sessions beyond 400
 * are revoked right after). Erasing an already anonymised account returns
 * its stub and writes nothing.
 */
export async function deletePersonalData(
  kv: Deno.Kv,
  adminId: string,
  userId: string,
  now: Date,
): Promise<User> {
  await requireAdmin(kv, adminId, "delete personal data");
  if (adminId === userId) {
    throw new ForbiddenError(
      `Cannot delete personal data of "${userId}": admins cannot erase themselves`,
    );
  }
  for (let i = 0; i < 5; i++) {
    const entry = await getUserEntry(kv, userId);
    if (!entry) {
      throw new NotFoundError(
        `Cannot delete personal data: user "${userId}" does not exist`,
      );
    }
    if (entry.user.anonymisedAt) return entry.user;
    const op = kv.atomic();
    const stub = addUserAnonymisation(op, entry, now);
    for (const login of [entry.user.email, entry.user.phone]) {
      if (login) addClearLoginFailures(op, login);
    }
    const { more } = await addSessionRevocations(kv, op, userId);
    addAuditEntry(op, {
      actorId: adminId,
      action: "personal_data.deleted",
      targetType: "user",
      targetId: userId,
      detail: { role: entry.user.role },
    }, now);
    if ((await op.commit()).ok) {
      // addSessionRevocations staged the change key for other instances.
      userChanged(kv, userId);
      if (more) await revokeUserSessions(kv, userId);
      return stub;
    }
  }
  throw new ConflictError(
    `Cannot delete personal data of "${userId}": too much contention`,
  );
}
