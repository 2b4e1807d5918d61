/**
 * Teams of agents, each led by one or more managers. The by-manager index is
 * what access checks read ("which teams does this manager lead?"), so it is
 * rewritten in the same commit as the team. Only this module reads or writes
 * these keys:
 *
 * | key                                     | value  |
 * | --------------------------------------- | ------ |
 * | ["teams", teamId]                       | Team   |
 * | ["teams_by_manager", managerId, teamId] | teamId |
 */
import { monotonicFactory } from "ulid";
import { z } from "zod";
import { addAuditEntry } from "@/lib/identity/audit/audit_store.ts";
import {
  ConflictError,
  found,
  NotFoundError,
  parseInput,
  ValidationError,
} from "@/lib/errors.ts";
import { decodeStored, getStored } from "@/lib/db/decode.ts";
import { getUser } from "@/lib/identity/accounts/user_store.ts";

const ulid = monotonicFactory();
const teamKey = (id: string) => ["teams", id];
const byManager = (managerId: string) => ["teams_by_manager", managerId];

/** A team id: a ULID, or a readable slug (demo data). */
export const TeamIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

/** A stored team. */
export const TeamSchema = z.object({
  id: TeamIdSchema,
  name: z.string().trim().min(1, "name is required").max(50),
  managerIds: z.array(z.string()).max(20),
  createdAt: z.date(),
  updatedAt: z.date(),
});
/** A stored team. */
export type Team = z.infer<typeof TeamSchema>;

async function checkManagers(kv: Deno.Kv, managerIds: readonly string[]) {
  for (const id of managerIds) {
    const u = await getUser(kv, id);
    if (!u || u.role !== "manager") {
      throw new ValidationError("managerIds", `"${id}" is not a manager`);
    }
  }
}

/**
 * Creates a team. Its managers must be users with the manager role. With
 * an `actorId` (a person did it, not the demo seed) it is audited in the
 * same commit.
 */
export async function createTeam(
  kv: Deno.Kv,
  input: { name: string; managerIds?: string[]; id?: string },
  now: Date,
  actorId?: string,
): Promise<Team> {
  const managerIds = [...new Set(input.managerIds ?? [])];
  const team = parseInput(TeamSchema, {
    id: input.id ?? ulid(now.getTime()),
    name: input.name,
    managerIds,
    createdAt: now,
    updatedAt: now,
  });
  await checkManagers(kv, managerIds);
  const op = kv.atomic()
    .check({ key: teamKey(team.id), versionstamp: null })
    .set(teamKey(team.id), team);
  for (const m of managerIds) op.set([...byManager(m), team.id], team.id);
  if (actorId) {
    addAuditEntry(op, {
      actorId,
      action: "team.created",
      targetType: "team",
      targetId: team.id,
      detail: { managers: managerIds.length },
    }, now);
  }
  if (!(await op.commit()).ok) {
    throw new ConflictError(
      `Cannot create team "${team.id}": it exists`,
      "team-exists",
    );
  }
  return team;
}

/** Reads a team, or null. */
export function getTeam(kv: Deno.Kv, id: string): Promise<Team | null> {
  return getStored(kv, teamKey(id), TeamSchema);
}

/** Reads a team; throws NotFoundError when missing. */
export async function requireTeam(kv: Deno.Kv, id: string): Promise<Team> {
  return found(await getTeam(kv, id), `team "${id}"`);
}

/** Replaces a team's managers and the by-manager index in one commit. */
export async function setTeamManagers(
  kv: Deno.Kv,
  teamId: string,
  managerIds: string[],
  now: Date,
): Promise<Team> {
  const ids = [...new Set(managerIds)];
  await checkManagers(kv, ids);
  for (let i = 0; i < 5; i++) {
    const e = await kv.get(teamKey(teamId));
    if (e.versionstamp === null) {
      throw new NotFoundError(
        `Cannot set managers: team "${teamId}" does not exist`,
      );
    }
    const old = decodeStored(TeamSchema, e.key, e.value);
    const next = TeamSchema.parse({ ...old, managerIds: ids, updatedAt: now });
    const op = kv.atomic().check(e).set(e.key, next);
    for (const m of old.managerIds) {
      if (!ids.includes(m)) op.delete([...byManager(m), teamId]);
    }
    for (const m of ids) op.set([...byManager(m), teamId], teamId);
    if ((await op.commit()).ok) return next;
  }
  throw new ConflictError(
    `Cannot set managers of team "${teamId}": too much contention`,
  );
}

/** Lists teams by id (at most `limit`). */
export async function listTeams(kv: Deno.Kv, limit = 100): Promise<Team[]> {
  return await Array.fromAsync(
    kv.list({ prefix: ["teams"] }, { limit }),
    (e) => decodeStored(TeamSchema, e.key, e.value),
  );
}

/** The ids of the teams a manager leads (at most `limit`). */
export async function listTeamIdsOfManager(
  kv: Deno.Kv,
  managerId: string,
  limit = 100,
): Promise<string[]> {
  return await Array.fromAsync(
    kv.list({ prefix: byManager(managerId) }, { limit }),
    (e) => String(e.key.at(-1)),
  );
}

/** True when the manager leads the team (one read). */
export async function managesTeam(
  kv: Deno.Kv,
  managerId: string,
  teamId: string,
): Promise<boolean> {
  return (await kv.get([...byManager(managerId), teamId])).versionstamp !==
    null;
}
