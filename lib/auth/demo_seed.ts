/**
 * Demo data for the README's start command: an account per role, two teams,
 * a cohort on day 12 and one on day 27 whose learners have made realistic
 * progress (lessons completed through the real domain function, so their
 * statements and rollups are real too). Runs once per store (a marker key);
 * never when SA_PRODUCTION is set.
 *
 * | key             | value         |
 * | --------------- | ------------- |
 * | ["demo_seeded"] | Date          |
 */
import { getCourseView } from "@/lib/content/course_view.ts";
import { completeLesson } from "@/lib/learning/lesson_completion.ts";
import { saveCohort, saveTeam, startDateForDay } from "@/lib/org/org_store.ts";
import { hashPassword } from "./password.ts";
import { createUser, findByLogin } from "./user_store.ts";

/** The password of every demo account (printed at start). */
export const DEMO_PASSWORD = "Demo-2026-academy";

/** True unless the environment says this is production. */
export function shouldSeedDemo(
  env: { get(key: string): string | undefined } = Deno.env,
): boolean {
  return !env.get("SA_PRODUCTION");
}

const ACCOUNTS = [
  { login: "admin@demo.academy", name: "系统管理员", role: "admin" },
  { login: "trainer@demo.academy", name: "林培训师", role: "trainer" },
  { login: "manager@demo.academy", name: "周主管(售前一组)", role: "manager" },
  { login: "manager2@demo.academy", name: "吴主管(售后二组)", role: "manager" },
  {
    login: "learner@demo.academy",
    name: "李小雨",
    role: "learner",
    cohort: "cohort-a",
    done: 10,
  },
  {
    login: "learner2@demo.academy",
    name: "王晨",
    role: "learner",
    cohort: "cohort-a",
    done: 7,
  },
  {
    login: "learner3@demo.academy",
    name: "张一鸣",
    role: "learner",
    cohort: "cohort-a",
    done: 11,
  },
  {
    login: "learner4@demo.academy",
    name: "陈思思",
    role: "learner",
    cohort: "cohort-b",
    done: 22,
  },
  {
    login: "learner5@demo.academy",
    name: "刘洋",
    role: "learner",
    cohort: "cohort-b",
    done: 18,
  },
  {
    login: "learner6@demo.academy",
    name: "赵敏",
    role: "learner",
    cohort: "cohort-b",
    done: 25,
  },
] as const;

/** Seeds the demo data once; returns the demo logins. */
export async function seedDemo(
  kv: Deno.Kv,
  courseId: string,
  now: Date,
): Promise<{ login: string; role: string; name: string }[]> {
  const logins = ACCOUNTS.map(({ login, role, name }) => ({
    login,
    role,
    name,
  }));
  if ((await kv.get(["demo_seeded"])).versionstamp !== null) return logins;
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  for (const a of ACCOUNTS) {
    const existing = await findByLogin(kv, a.login);
    const user = existing ?? await createUser(kv, {
      name: a.name,
      role: a.role,
      email: a.login,
      passwordHash: hash,
      cohortId: "cohort" in a ? a.cohort : undefined,
    }, now);
    ids.set(a.login, user.id);
  }
  await saveTeam(kv, {
    id: "team-presale",
    name: "售前一组",
    managerIds: [ids.get("manager@demo.academy")!],
  });
  await saveTeam(kv, {
    id: "team-aftersale",
    name: "售后二组",
    managerIds: [ids.get("manager2@demo.academy")!],
  });
  await saveCohort(kv, {
    id: "cohort-a",
    name: "第 11 期新人营",
    teamId: "team-presale",
    startDate: startDateForDay(12, now),
    mentorId: ids.get("trainer@demo.academy"),
  });
  await saveCohort(kv, {
    id: "cohort-b",
    name: "第 10 期新人营",
    teamId: "team-aftersale",
    startDate: startDateForDay(27, now),
    mentorId: ids.get("trainer@demo.academy"),
  });
  const view = await getCourseView(kv, courseId);
  if (view) {
    for (const a of ACCOUNTS) {
      if (!("done" in a)) continue;
      for (const [i, l] of view.lessons.slice(0, a.done).entries()) {
        // Spread completions over the past days, oldest first.
        const at = new Date(now.getTime() - (a.done - i) * 20 * 3600_000);
        await completeLesson(
          kv,
          ids.get(a.login)!,
          {
            courseId,
            version: view.version,
            moduleId: l.module.module.id,
            lessonId: l.lesson.lesson.id,
            title: l.lesson.lesson.title,
            url: l.url,
          },
          at,
          a.cohort,
        );
      }
    }
  }
  await kv.set(["demo_seeded"], now);
  return logins;
}
