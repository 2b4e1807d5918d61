/**
 * Onboarding cohorts: new hires of one team who start the 30-day plan on the
 * same day, with a mentor. Memberships are indexed both ways; a membership
 * copies the cohort's team id, which never changes, so access checks need no
 * extra read. Only this module reads or writes these keys:
 *
 * | key                                        | value                         |
 * | ------------------------------------------ | ----------------------------- |
 * | ["cohorts", cohortId]                      | Cohort                        |
 * | ["cohorts_by_team", teamId, cohortId]      | cohortId                      |
 * | ["cohort_members", cohortId, userId]       | Membership                    |
 * | ["cohorts_by_member", userId, cohortId]    | Membership (copy; immutable)  |
 */
import { getAll } from "@/lib/db/many.ts";
import { isCalendarDate } from "@/lib/identity/dates.ts";
import { monotonicFactory } from "ulid";
import { z } from "zod";
import { addAuditEntry } from "@/lib/identity/audit/audit_store.ts";
import {
  ConflictError,
  found,
  parseInput,
  ValidationError,
} from "@/lib/errors.ts";
import { decodeStored, getStored } from "@/lib/db/decode.ts";
import { requireTeam, TeamIdSchema } from "./team_store.ts";
import { getUser } from "@/lib/identity/accounts/user_store.ts";

const ulid = monotonicFactory();
const cohortKey = (id: string) => ["cohorts", id];
const byTeam = (teamId: string) => ["cohorts_by_team", teamId];
const memberKey = (
  cohortId: string,
  userId: string,
) => ["cohort_members", cohortId, userId];
const byMember = (userId: string) => ["cohorts_by_member", userId];

/** Length of the onboarding plan in days. */
export const PLAN_DAYS = 30;
/** A cohort's time zone when none was chosen (and for cohorts stored before time zones). */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";
const DAY_MS = 86_400_000;

/**
 * The canonical IANA name of a time zone ("asia/shanghai" ->
 * "Asia/Shanghai"), or null when the runtime does not know it. Offsets such
 * as "+08:00" are refused: a cohort's days follow a region's rules.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name })
      .resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The IANA time zone names this runtime knows, for the cohort form's suggestions. */
export function timeZoneNames(): string[] {
  return Intl.supportedValuesOf("timeZone");
}

/** The calendar day `at` falls on in `timeZone`, as days since 1970-01-01. */
function localDayNumber(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(at);
  const part = (type: string) =>
    Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day")) / DAY_MS;
}

/** A calendar date, YYYY-MM-DD, that exists. */
export const DateSchema = z.string().superRefine((v, ctx) => {
  if (!isCalendarDate(v)) {
    ctx.addIssue({
      code: "custom",
      message: `"${v}" is not a date (YYYY-MM-DD)`,
    });
  }
});

/**
 * The day of the plan `today` falls on: 1 on the start date, 30 on the last
 * day; 0 or less before the start, above 30 after the plan. Days change at
 * midnight in the cohort's time zone (Beijing time unless given).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dayOfPlan } from "@/lib/identity/teams/cohort_store.ts";
 * assert.equal(dayOfPlan("2026-03-01", new Date("2026-03-12T09:00:00+08:00")), 12);
 * ```
 */
export function dayOfPlan(
  startDate: string,
  today: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): number {
  if (!isCalendarDate(startDate)) {
    throw new RangeError(
      `Cannot count plan days: "${startDate}" is not a date`,
    );
  }
  const start = Date.parse(`${startDate}T00:00:00Z`) / DAY_MS;
  return localDayNumber(today, timeZone) - start + 1;
}

/** The start date (YYYY-MM-DD) that makes `today` day `day` of the plan. */
export function startDateForDay(
  day: number,
  today: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const local = localDayNumber(today, timeZone);
  return new Date((local - day + 1) * DAY_MS).toISOString().slice(0, 10);
}

/** A stored cohort. `teamId` never changes (memberships copy it). */
export const CohortSchema = z.object({
  id: TeamIdSchema,
  name: z.string().trim().min(1, "name is required").max(50),
  teamId: TeamIdSchema,
  startDate: DateSchema,
  /** IANA name; the plan's days change at midnight there. Old records have none. */
  timeZone: z.string().refine(
    (v) => canonicalTimeZone(v) !== null,
    "not a known IANA time zone",
  ).default(DEFAULT_TIME_ZONE),
  mentorId: z.string().optional(),
  createdAt: z.date(),
});
/** A stored cohort. */
export type Cohort = z.infer<typeof CohortSchema>;

/** A learner's place in a cohort. */
export const MembershipSchema = z.object({
  cohortId: z.string(),
  teamId: z.string(),
  userId: z.string(),
  joinedAt: z.date(),
});
/** A learner's place in a cohort. */
export type Membership = z.infer<typeof MembershipSchema>;

/**
 * Creates a cohort of an existing team; the mentor must be an active staff
 * account. With an `actorId` it is audited in the same commit.
 */
export async function createCohort(
  kv: Deno.Kv,
  input: {
    name: string;
    teamId: string;
    startDate: string;
    timeZone?: string;
    mentorId?: string;
    id?: string;
  },
  now: Date,
  actorId?: string,
): Promise<Cohort> {
  const cohort = parseInput(CohortSchema, {
    ...input,
    id: input.id ?? ulid(now.getTime()),
    createdAt: now,
  });
  await requireTeam(kv, cohort.teamId);
  if (cohort.mentorId) {
    const mentor = await getUser(kv, cohort.mentorId);
    if (!mentor || mentor.disabled || mentor.role === "learner") {
      throw new ValidationError(
        "mentorId",
        `"${cohort.mentorId}" cannot mentor: not an active staff account`,
      );
    }
  }
  const op = kv.atomic()
    .check({ key: cohortKey(cohort.id), versionstamp: null })
    .set(cohortKey(cohort.id), cohort)
    .set([...byTeam(cohort.teamId), cohort.id], cohort.id);
  if (actorId) {
    addAuditEntry(op, {
      actorId,
      action: "cohort.created",
      targetType: "cohort",
      targetId: cohort.id,
      detail: {
        teamId: cohort.teamId,
        startDate: cohort.startDate,
        timeZone: cohort.timeZone,
      },
    }, now);
  }
  const res = await op.commit();
  if (!res.ok) {
    throw new ConflictError(
      `Cannot create cohort "${cohort.id}": it exists`,
      "cohort-exists",
    );
  }
  return cohort;
}

/** Reads a cohort, or null. */
export function getCohort(kv: Deno.Kv, id: string): Promise<Cohort | null> {
  return getStored(kv, cohortKey(id), CohortSchema);
}

/** Reads a cohort; throws NotFoundError when missing. */
export async function requireCohort(kv: Deno.Kv, id: string): Promise<Cohort> {
  return found(await getCohort(kv, id), `cohort "${id}"`);
}

/** Lists a team's cohorts (at most `limit`). */
export async function listCohortsOfTeam(
  kv: Deno.Kv,
  teamId: string,
  limit = 100,
): Promise<Cohort[]> {
  const ids = await Array.fromAsync(
    kv.list({ prefix: byTeam(teamId) }, { limit }),
    (e) => String(e.key.at(-1)),
  );
  const entries = await getAll(kv, ids.map(cohortKey));
  return entries.filter((e) => e.versionstamp !== null).map((e) =>
    decodeStored(CohortSchema, e.key, e.value)
  );
}

/** Adds a membership (both index keys) to a commit; fails it if the user is already a member. */
export function addMembership(
  op: Deno.AtomicOperation,
  membership: Membership,
): Membership {
  const m = MembershipSchema.parse(membership);
  op.check({ key: memberKey(m.cohortId, m.userId), versionstamp: null })
    .set(memberKey(m.cohortId, m.userId), m)
    .set([...byMember(m.userId), m.cohortId], m);
  return m;
}

/** Puts an existing learner into a cohort. */
export async function addMember(
  kv: Deno.Kv,
  cohortId: string,
  userId: string,
  now: Date,
): Promise<Membership> {
  const cohort = await requireCohort(kv, cohortId);
  const user = await getUser(kv, userId);
  if (!user || user.role !== "learner") {
    throw new ValidationError("userId", `"${userId}" is not a learner`);
  }
  const op = kv.atomic();
  const m = addMembership(op, {
    cohortId,
    teamId: cohort.teamId,
    userId,
    joinedAt: now,
  });
  if (!(await op.commit()).ok) {
    throw new ConflictError(
      `Cannot add "${userId}" to cohort "${cohortId}": already a member`,
      "already-member",
    );
  }
  return m;
}

/** Takes a learner out of a cohort (both index keys). */
export async function removeMember(
  kv: Deno.Kv,
  cohortId: string,
  userId: string,
): Promise<void> {
  const op = kv.atomic();
  addMembershipRemoval(op, cohortId, userId);
  await op.commit();
}

/**
 * Adds the removal of a membership (both index keys) to a commit; with the
 * versionstamp it was read at, the commit fails if it changed meanwhile.
 */
export function addMembershipRemoval(
  op: Deno.AtomicOperation,
  cohortId: string,
  userId: string,
  versionstamp?: string,
): void {
  if (versionstamp) {
    op.check({ key: memberKey(cohortId, userId), versionstamp });
  }
  op.delete(memberKey(cohortId, userId)).delete([
    ...byMember(userId),
    cohortId,
  ]);
}

/** A membership with its versionstamp (for a checked removal), or null. */
export async function getMembership(
  kv: Deno.Kv,
  cohortId: string,
  userId: string,
): Promise<{ membership: Membership; versionstamp: string } | null> {
  const e = await kv.get(memberKey(cohortId, userId));
  if (e.versionstamp === null) return null;
  return {
    membership: decodeStored(MembershipSchema, e.key, e.value),
    versionstamp: e.versionstamp,
  };
}

/** Lists a cohort's members (at most `limit`). */
export async function listMembers(
  kv: Deno.Kv,
  cohortId: string,
  limit = 200,
): Promise<Membership[]> {
  return await Array.fromAsync(
    kv.list({ prefix: ["cohort_members", cohortId] }, { limit }),
    (e) => decodeStored(MembershipSchema, e.key, e.value),
  );
}

/** Lists a user's cohort memberships (at most `limit`). */
export async function listMembershipsOfUser(
  kv: Deno.Kv,
  userId: string,
  limit = 50,
): Promise<Membership[]> {
  return await Array.fromAsync(
    kv.list({ prefix: byMember(userId) }, { limit }),
    (e) => decodeStored(MembershipSchema, e.key, e.value),
  );
}

/**
 * The user's current cohort: their latest membership's (memberships list
 * oldest first), or null outside any. Every page that places a learner in
 * the plan reads it through here.
 */
export async function latestCohortOf(
  kv: Deno.Kv,
  userId: string,
): Promise<Cohort | null> {
  const membership = (await listMembershipsOfUser(kv, userId, 10)).at(-1);
  return membership ? await getCohort(kv, membership.cohortId) : null;
}
