/**
 * What the invitation pages show: the cohorts an inviter may invite into, a
 * cohort's label, an invitee's logins, the pending invitations an inviter
 * sees, a refused CSV file's problems, and the invitation behind a link.
 * Reads only; the stores own the keys and the rules.
 */
import {
  getCohort,
  listCohortsOfTeam,
} from "@/lib/identity/teams/cohort_store.ts";
import Papa from "papaparse";
import {
  getInvitationByToken,
  invitationState,
  listPendingInvitations,
  listPendingStaffInvitations,
  type PendingInvitation,
} from "./invitation_store.ts";
import type { Role } from "@/lib/identity/roles.ts";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import type { CsvError, CsvErrorCode, CsvField } from "./csv_import.ts";
import {
  getTeam,
  listTeamIdsOfManager,
  listTeams,
  type Team,
} from "@/lib/identity/teams/team_store.ts";

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
  /** "" for a staff invitation (no cohort). */
  cohortId: string;
  cohortName: string;
  role: Role;
  name: string;
  contact: string;
  expiresAt: Date;
  /** The link token (null on invitations issued before links were kept). */
  token: string | null;
}

/** The link an invitee opens: the token is the password to it. */
export function inviteLink(origin: string, token: string): string {
  return `${origin}/invite/${token}`;
}

/**
 * Pending invitations of the given cohorts (and the staff invitations, for
 * an admin: only an admin issues them), the newest first, with their links
 * until used or revoked.
 */
export async function pendingInvitations(
  kv: Deno.Kv,
  actor: { role: Role },
  cohorts: readonly CohortOption[],
  now: Date,
): Promise<PendingRow[]> {
  const row = (inv: PendingInvitation, c: CohortOption | null): PendingRow => ({
    id: inv.id,
    cohortId: c?.id ?? "",
    cohortName: c ? cohortLabel(c) : "",
    role: inv.role,
    name: inv.name,
    contact: inviteeContact(inv),
    expiresAt: inv.expiresAt,
    token: inv.token ?? null,
  });
  const lists = await Promise.all(
    cohorts.map(async (c) =>
      (await listPendingInvitations(kv, c.id, now)).map((inv) => row(inv, c))
    ),
  );
  if (actor.role === "admin") {
    lists.push(
      (await listPendingStaffInvitations(kv, now)).map((inv) => row(inv, null)),
    );
  }
  return lists.flat().sort((a, b) => b.id.localeCompare(a.id));
}

/** Pending invitations with their links, as a CSV to hand out. */
export function invitationLinksCsv(
  rows: readonly PendingRow[],
  origin: string,
  labels: { role: (r: Role) => string; date: (d: Date) => string },
): string {
  const safe = (v: string) => /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return "\uFEFF" + Papa.unparse({
    fields: ["name", "contact", "role", "cohort", "expires", "link"],
    data: rows.map((r) =>
      [
        r.name,
        r.contact,
        labels.role(r.role),
        r.cohortName,
        labels.date(r.expiresAt),
        r.token ? inviteLink(origin, r.token) : "",
      ].map(safe)
    ),
  }, { newline: "\r\n" });
}

/** Why a link cannot be used. */
export type UnusableLink = "unknown" | "used" | "expired";

/** The invitation behind a usable link, as its page shows it. */
export interface LinkInvitation {
  name: string;
  role: Role;
  /** The learner's cohort; null for a staff invitation. */
  cohort: { name: string; teamName: string; startDate: string } | null;
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
  if (!inv.cohortId || !inv.teamId) {
    return {
      name: inv.name,
      role: inv.role,
      cohort: null,
      expiresAt: inv.expiresAt,
    };
  }
  const [cohort, team] = await Promise.all([
    getCohort(kv, inv.cohortId),
    getTeam(kv, inv.teamId),
  ]);
  if (!cohort || !team) return "unknown";
  return {
    name: inv.name,
    role: inv.role,
    cohort: {
      name: cohort.name,
      teamName: team.name,
      startDate: cohort.startDate,
    },
    expiresAt: inv.expiresAt,
  };
}

/** A CSV problem as the page shows it: a field and a message, both keys. */
export interface CsvErrorText {
  line: number;
  field: MessageKey;
  message: MessageKey;
  params: Record<string, string | number>;
}

const CSV_FIELDS: Record<CsvField, MessageKey> = {
  file: "invitations.csv.field.file",
  header: "invitations.csv.field.header",
  row: "invitations.csv.field.row",
  name: "invitations.csv.field.name",
  email: "invitations.csv.field.email",
  phone: "invitations.csv.field.phone",
  "email or phone": "invitations.csv.field.contact",
  team: "invitations.csv.field.team",
  "start date": "invitations.csv.field.start_date",
};

const CSV_MESSAGES: Record<CsvErrorCode, MessageKey> = {
  empty: "invitations.csv.empty",
  unclosed_quote: "invitations.csv.unclosed_quote",
  bad_quote: "invitations.csv.bad_quote",
  unreadable: "invitations.csv.unreadable",
  too_many_rows: "invitations.csv.too_many_rows",
  too_large: "invitations.csv.too_large",
  no_rows: "invitations.csv.no_rows",
  missing_contact: "invitations.csv.missing_contact",
  missing_column: "invitations.csv.missing_column",
  field_count: "invitations.csv.field_count",
  required: "invitations.csv.required",
  contact_required: "invitations.csv.contact_required",
  name_too_long: "invitations.csv.name_too_long",
  name_invalid: "invitations.csv.name_invalid",
  email_invalid: "invitations.csv.email_invalid",
  phone_invalid: "invitations.csv.phone_invalid",
  duplicate: "invitations.csv.duplicate",
  taken: "invitations.csv.taken",
  pending: "invitations.csv.pending",
  team_wrong: "invitations.csv.team_wrong",
  date_invalid: "invitations.csv.date_invalid",
  date_wrong: "invitations.csv.date_wrong",
};

/** Long cell values are cut so one bad cell cannot flood the page. */
const clip = (v: string | number) =>
  typeof v === "string" && [...v].length > 60
    ? [...v].slice(0, 60).join("") + "…"
    : v;

/** Turns a CsvError's codes into message keys, its quoted cells clipped. */
export function csvErrorText(e: CsvError): CsvErrorText {
  const params: CsvErrorText["params"] = {};
  for (const [name, v] of Object.entries(e.params ?? {})) {
    params[name] = clip(v);
  }
  return {
    line: e.line,
    field: CSV_FIELDS[e.field],
    message: CSV_MESSAGES[e.code],
    params,
  };
}
