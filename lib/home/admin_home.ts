/**
 * The admin's home: accounts by role, teams and cohorts, invitations
 * waiting to be accepted, and the latest audit entries with names.
 */
import {
  type AuditNames,
  auditNames,
} from "@/lib/identity/audit/report/audit_names.ts";
import {
  type AuditEntry,
  listAudit,
} from "@/lib/identity/audit/audit_store.ts";
import { listCohortsOfTeam } from "@/lib/identity/teams/cohort_store.ts";
import { listPendingInvitations } from "@/lib/identity/invitations/invitation_store.ts";
import { type Role, ROLES } from "@/lib/identity/roles.ts";
import { listTeams } from "@/lib/identity/teams/team_store.ts";
import { listUsersUpTo } from "@/lib/identity/accounts/user_store.ts";

/** What the admin's home shows. */
export interface AdminHome {
  /** Active (not disabled) accounts per role. */
  users: Record<Role, number>;
  disabled: number;
  teams: number;
  cohorts: number;
  pendingInvitations: number;
  recent: AuditEntry[];
  names: AuditNames;
}

/** Most accounts counted (the users page pages through the rest). */
const MAX_SCAN = 5000;

/** The admin's home data. */
export async function adminHome(kv: Deno.Kv, now: Date): Promise<AdminHome> {
  const [users, teams, audit] = await Promise.all([
    listUsersUpTo(kv, MAX_SCAN),
    listTeams(kv, 200),
    listAudit(kv, 5),
  ]);
  const counts = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<
    Role,
    number
  >;
  let disabled = 0;
  for (const u of users) {
    if (u.disabled) disabled++;
    else counts[u.role]++;
  }
  const cohorts = (await Promise.all(
    teams.map((t) => listCohortsOfTeam(kv, t.id, 100)),
  )).flat();
  const pending = await Promise.all(
    cohorts.map((c) => listPendingInvitations(kv, c.id, now)),
  );
  return {
    users: counts,
    disabled,
    teams: teams.length,
    cohorts: cohorts.length,
    pendingInvitations: pending.reduce((n, p) => n + p.length, 0),
    recent: audit.entries,
    names: await auditNames(kv, audit.entries),
  };
}
