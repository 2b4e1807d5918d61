/**
 * Demo data for trying the platform: an account per role, two teams, a
 * cohort on day 12 and one on day 27 of the plan (start dates computed from
 * `today`), mentors, and five learners with Chinese names in each cohort.
 * Idempotent: a marker key says it ran, and a run cut short reuses what it
 * finds. The caller must not seed in production (`shouldSeedDemo`).
 *
 * | key                          | value |
 * | ---------------------------- | ----- |
 * | ["demo_seeds", "identity"]   | Date  |
 */
import {
  addMember,
  type Cohort,
  createCohort,
  getCohort,
  listMembershipsOfUser,
  startDateForDay,
} from "@/lib/identity/teams/cohort_store.ts";
import {
  hashPassword,
  PBKDF2_ITERATIONS,
} from "@/lib/identity/accounts/password.ts";
import type { Role } from "@/lib/identity/roles.ts";
import { createTeam, getTeam } from "@/lib/identity/teams/team_store.ts";
import {
  createUser,
  findUserByLogin,
  type NewUser,
  type User,
} from "@/lib/identity/accounts/user_store.ts";
import { seedOnce } from "./seed_once.ts";

/** The password of every demo account (print it with the logins). */
export const DEMO_PASSWORD = "Demo-2026-academy";

/** A demo account, for the start-up banner. */
export interface DemoLogin {
  login: string;
  password: string;
  role: Role;
  name: string;
  note: string;
}

/** True unless `SA_PRODUCTION` is set (to anything). */
export function shouldSeedDemo(
  env: { get(key: string): string | undefined } = Deno.env,
): boolean {
  return !env.get("SA_PRODUCTION");
}

/**
 * The demo account with `input.email` as its login, created when missing:
 * a seed cut short finds the accounts it made and goes on.
 */
export async function ensureDemoUser(
  kv: Deno.Kv,
  input: NewUser & { email: string },
  now: Date,
): Promise<User> {
  return await findUserByLogin(kv, input.email) ??
    await createUser(kv, input, now);
}

/**
 * The demo cohort `c.id`, created when missing so that it is on day `c.day`
 * of its plan on `today`.
 */
export async function ensureDemoCohort(
  kv: Deno.Kv,
  c: {
    id: string;
    name: string;
    teamId: string;
    day: number;
    mentorId?: string;
  },
  today: Date,
): Promise<Cohort> {
  return await getCohort(kv, c.id) ?? await createCohort(kv, {
    id: c.id,
    name: c.name,
    teamId: c.teamId,
    startDate: startDateForDay(c.day, today),
    mentorId: c.mentorId,
  }, today);
}

/** Adds a demo learner to a cohort unless they already are in it. */
export async function ensureDemoMember(
  kv: Deno.Kv,
  cohortId: string,
  userId: string,
  now: Date,
): Promise<void> {
  const memberships = await listMembershipsOfUser(kv, userId);
  if (!memberships.some((m) => m.cohortId === cohortId)) {
    await addMember(kv, cohortId, userId, now);
  }
}

interface DemoAccount {
  email: string;
  phone?: string;
  name: string;
  role: Role;
  cohort?: "cohort-a" | "cohort-b";
  note: string;
}

const ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "admin@demo.academy",
    name: "系统管理员",
    role: "admin",
    note: "users, teams, cohorts, roles",
  },
  {
    email: "trainer@demo.academy",
    name: "林培训",
    role: "trainer",
    note: "authors content; mentor of 第 11 期",
  },
  {
    email: "mentor@demo.academy",
    name: "郑导师",
    role: "mentor",
    note: "mentor of 第 10 期",
  },
  {
    email: "manager@demo.academy",
    name: "周主管",
    role: "manager",
    note: "leads 售前一组",
  },
  {
    email: "manager2@demo.academy",
    name: "吴主管",
    role: "manager",
    note: "leads 售后二组",
  },
  {
    email: "learner@demo.academy",
    phone: "13800000001",
    name: "李小雨",
    role: "learner",
    cohort: "cohort-a",
    note: "售前一组, day 12; also signs in with 13800000001",
  },
  {
    email: "learner2@demo.academy",
    name: "王晨",
    role: "learner",
    cohort: "cohort-a",
    note: "售前一组, day 12",
  },
  {
    email: "learner3@demo.academy",
    name: "张一鸣",
    role: "learner",
    cohort: "cohort-a",
    note: "售前一组, day 12",
  },
  {
    email: "learner4@demo.academy",
    name: "陈思思",
    role: "learner",
    cohort: "cohort-a",
    note: "售前一组, day 12",
  },
  {
    email: "learner5@demo.academy",
    name: "刘洋",
    role: "learner",
    cohort: "cohort-a",
    note: "售前一组, day 12",
  },
  {
    email: "learner6@demo.academy",
    name: "赵敏",
    role: "learner",
    cohort: "cohort-b",
    note: "售后二组, day 27",
  },
  {
    email: "learner7@demo.academy",
    name: "孙浩然",
    role: "learner",
    cohort: "cohort-b",
    note: "售后二组, day 27",
  },
  {
    email: "learner8@demo.academy",
    name: "周静怡",
    role: "learner",
    cohort: "cohort-b",
    note: "售后二组, day 27",
  },
  {
    email: "learner9@demo.academy",
    name: "黄子涵",
    role: "learner",
    cohort: "cohort-b",
    note: "售后二组, day 27",
  },
  {
    email: "learner10@demo.academy",
    name: "杨帆",
    role: "learner",
    cohort: "cohort-b",
    note: "售后二组, day 27",
  },
];

/** The demo logins (also what `seedDemo` returns). */
export function demoLogins(): DemoLogin[] {
  return ACCOUNTS.map((a) => ({
    login: a.email,
    password: DEMO_PASSWORD,
    role: a.role,
    name: a.name,
    note: a.note,
  }));
}

/**
 * Seeds the demo data once per store and returns the demo logins. `today`
 * fixes the cohorts' start dates (day 12 and day 27 on that day).
 */
export async function seedDemo(
  kv: Deno.Kv,
  today: Date,
  options: { iterations?: number } = {},
): Promise<DemoLogin[]> {
  await seedOnce(kv, "identity", today, async () => {
    // One hash for all: same password, and start-up pays PBKDF2 only once.
    const passwordHash = await hashPassword(
      DEMO_PASSWORD,
      options.iterations ?? PBKDF2_ITERATIONS,
    );
    const ids = new Map<string, string>();
    for (const a of ACCOUNTS) {
      const user = await ensureDemoUser(kv, {
        name: a.name,
        email: a.email,
        phone: a.phone,
        role: a.role,
        passwordHash,
      }, today);
      ids.set(a.email, user.id);
    }
    const teams = [
      { id: "team-presale", name: "售前一组", manager: "manager@demo.academy" },
      {
        id: "team-aftersale",
        name: "售后二组",
        manager: "manager2@demo.academy",
      },
    ];
    for (const t of teams) {
      if (!await getTeam(kv, t.id)) {
        await createTeam(kv, {
          id: t.id,
          name: t.name,
          managerIds: [ids.get(t.manager)!],
        }, today);
      }
    }
    const cohorts = [
      {
        id: "cohort-a",
        name: "第 11 期新人营",
        teamId: "team-presale",
        day: 12,
        mentor: "trainer@demo.academy",
      },
      {
        id: "cohort-b",
        name: "第 10 期新人营",
        teamId: "team-aftersale",
        day: 27,
        mentor: "mentor@demo.academy",
      },
    ];
    for (const c of cohorts) {
      await ensureDemoCohort(kv, { ...c, mentorId: ids.get(c.mentor) }, today);
    }
    for (const a of ACCOUNTS) {
      if (a.cohort) {
        await ensureDemoMember(kv, a.cohort, ids.get(a.email)!, today);
      }
    }
  });
  return demoLogins();
}
