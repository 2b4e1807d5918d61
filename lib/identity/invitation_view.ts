/**
 * What the invitation pages show: a cohort's label, an invitee's logins, the
 * pending invitations an inviter sees, and the invitation behind a link.
 * Reads only; the stores own the keys and the rules.
 */
import { getCohort } from "./cohort_store.ts";
import type { CohortOption } from "./invitation_form.ts";
import {
  getInvitationByToken,
  invitationState,
  listPendingInvitations,
} from "./invitation_store.ts";
import { getTeam } from "./team_store.ts";

/** How the pages name a cohort: its name and its team's. */
export function cohortLabel(c: { name: string; teamName: string }): string {
  return `${c.name} · ${c.teamName}`;
}

/** An invitee's logins as the pages show them. */
export function inviteeContact(i: { email?: string; phone?: string }): string {
  return [i.email, i.phone].filter(Boolean).join(" / ");
}

/** One pending invitation as the invitations page lists it. */
export interface PendingRow {
  id: string;
  cohortId: string;
  cohortName: string;
  name: string;
  contact: string;
  expiresAt: Date;
}

/** Pending invitations of the given cohorts, the newest first. */
export async function pendingInvitations(
  kv: Deno.Kv,
  cohorts: CohortOption[],
  now: Date,
): Promise<PendingRow[]> {
  const lists = await Promise.all(
    cohorts.map(async (c) =>
      (await listPendingInvitations(kv, c.id, now)).map((inv) => ({
        id: inv.id,
        cohortId: c.id,
        cohortName: cohortLabel(c),
        name: inv.name,
        contact: inviteeContact(inv),
        expiresAt: inv.expiresAt,
      }))
    ),
  );
  return lists.flat().sort((a, b) => b.id.localeCompare(a.id));
}

/** Why a link cannot be used. */
export type UnusableLink = "unknown" | "used" | "expired";

/** The invitation behind a usable link, as its page shows it. */
export interface LinkInvitation {
  name: string;
  cohortName: string;
  teamName: string;
  startDate: string;
  expiresAt: Date;
}

/** The invitation behind a link, or why it is unusable. */
export async function openInvitation(
  kv: Deno.Kv,
  token: string,
  now: Date,
): Promise<LinkInvitation | UnusableLink> {
  const inv = await getInvitationByToken(kv, token);
  const state = invitationState(inv, now);
  // A revoked invitation is deleted, so it reads as unknown.
  if (state !== "usable") return state;
  if (inv?.status !== "pending") return "unknown";
  const [cohort, team] = await Promise.all([
    getCohort(kv, inv.cohortId),
    getTeam(kv, inv.teamId),
  ]);
  if (!cohort || !team) return "unknown";
  return {
    name: inv.name,
    cohortName: cohort.name,
    teamName: team.name,
    startDate: cohort.startDate,
    expiresAt: inv.expiresAt,
  };
}
