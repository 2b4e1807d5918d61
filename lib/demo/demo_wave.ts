/**
 * 第 8 期新人营 of 售后二组 (cohort-f), five months ago: eight agents who
 * went through the whole 30-day plan (lessons, quizzes, scenarios, drills
 * played through the real engines by lib/learning/demo_progress.ts
 * seedLearner), each with their own habits and gaps. With 第 9 and 第 10
 * 期 of the same team, who had not started yet in the months around 第 8
 * 期's training, they make the staggered cohorts the evaluator compares
 * (difference-in-differences, docs/evaluation.md); being eight, they are
 * enough for the level 2 -> 3 correlation too. Their QA reviews, surveys,
 * coaching and KPI months are seeded with the other cohorts' by
 * demo_evaluation.ts. Needs the accounts of lib/identity/demo/demo_seed.ts
 * (the password hash is theirs: one password for every demo account).
 * Runs once per store (the marker); a run cut short resumes, since
 * seedLearner leaves a learner with progress alone.
 *
 * | key                          | value |
 * | ---------------------------- | ----- |
 * | ["demo_seeds", "wave"]       | Date  |
 */
import type { CourseView } from "@/lib/content/course_view.ts";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";
import {
  ensureDemoCohort,
  ensureDemoMember,
  ensureDemoUser,
} from "@/lib/identity/demo/demo_seed.ts";
import { recordGain } from "@/lib/exam/gain_store.ts";
import { type Profile, seedLearner } from "@/lib/learning/demo_progress.ts";
import { takeExam } from "./demo_certification.ts";
import { modelAnswer } from "./demo_item_analysis.ts";
import { seedOnce } from "@/lib/identity/demo/seed_once.ts";

const DAY = 86_400_000;

/** The cohort: 售后二组's 第 8 期, started this many days before today. */
export const WAVE_COHORT = {
  id: "cohort-f",
  name: "第 8 期新人营",
  teamId: "team-aftersale",
  startedDaysAgo: 150,
  mentor: "mentor@demo.academy",
} as const;

/** One agent of the wave: login, name, how they learned, how QA went. */
export interface WaveAgent {
  email: string;
  name: string;
  profile: Profile;
  /**
   * Ability (logit) in the pre-test, answered by the item-analysis model
   * (demo_item_analysis.ts modelAnswer); the post-test finds it higher.
   */
  theta: number;
  /** Scorecard items missed at the day 10, 26, 58 and 88 reviews. */
  qaMissed: [number, number, number, number];
}

/** The eight agents of 第 8 期 (password as every demo account). */
export const WAVE_AGENTS: readonly WaveAgent[] = [
  {
    email: "agent1@demo.academy",
    name: "宋雨桐",
    profile: { hour: 9, quizWrong: 0, drills: "quick" },
    theta: 1.2,
    qaMissed: [3, 2, 1, 1],
  },
  {
    email: "agent2@demo.academy",
    name: "韩磊",
    profile: {
      hour: 20,
      quizWrong: 2,
      scenarios: { "double-charge": ["weak"], "lost-parcel": ["slip"] },
      drills: "slow",
    },
    theta: -0.3,
    qaMissed: [5, 4, 3, 3],
  },
  {
    email: "agent3@demo.academy",
    name: "唐诗雨",
    profile: {
      hour: 13,
      quizWrong: 1,
      quizzes: { basics: [3, 1] },
      drills: "quick",
    },
    theta: 0.6,
    qaMissed: [4, 3, 1, 0],
  },
  {
    email: "agent4@demo.academy",
    name: "冯晓东",
    profile: {
      hour: 21,
      quizWrong: 3,
      late: { "core-compliance": 2 },
      scenarios: {
        "late-parcel": ["poor"],
        "malicious-return": ["careless", "weak"],
      },
      drills: "hasty",
    },
    theta: -1.0,
    qaMissed: [6, 5, 5, 3],
  },
  {
    email: "agent5@demo.academy",
    name: "曹可欣",
    profile: {
      hour: 10,
      quizWrong: 1,
      scenarios: { "account-lock": ["slip"] },
      drills: "quick",
    },
    theta: 0.8,
    qaMissed: [3, 3, 1, 1],
  },
  {
    email: "agent6@demo.academy",
    name: "彭博",
    profile: {
      hour: 19,
      quizWrong: 2,
      quizzes: { "core-skills": [4, 2] },
      scenarios: { "social-storm": ["weak"] },
      drills: "slow",
    },
    theta: 0.1,
    qaMissed: [5, 3, 3, 2],
  },
  {
    email: "agent7@demo.academy",
    name: "邓佳怡",
    profile: {
      hour: 14,
      quizWrong: 0,
      scenarios: { "compliance-trap": ["slip"] },
      drills: "quick",
    },
    theta: 1.5,
    qaMissed: [2, 2, 1, 0],
  },
  {
    email: "agent8@demo.academy",
    name: "谢天宇",
    profile: {
      hour: 16,
      quizWrong: 2,
      late: { "abusive-customer": 1 },
      scenarios: {
        "abusive-customer": ["weak"],
        "outage-holding": ["poor"],
      },
      drills: "hasty",
    },
    theta: -0.6,
    qaMissed: [6, 4, 4, 4],
  },
];

/**
 * Seeds 第 8 期 once: the cohort, its eight accounts and their played
 * plan. Does nothing before the demo accounts exist.
 */
export async function seedDemoWave(
  kv: Deno.Kv,
  view: CourseView,
  now: Date,
): Promise<void> {
  await seedOnce(kv, "wave", now, async () => {
    const plan = view.published.plans.find((p) => p.course === view.id);
    const model = await findUserByLogin(kv, "learner@demo.academy");
    const mentor = await findUserByLogin(kv, WAVE_COHORT.mentor);
    if (!plan || !model) return false;
    const cohort = await ensureDemoCohort(kv, {
      ...WAVE_COHORT,
      day: WAVE_COHORT.startedDaysAgo + 1,
      mentorId: mentor?.id,
    }, now);
    const start = Date.parse(`${cohort.startDate}T00:00:00+08:00`);
    // Agents do not share keys but global counters: they run side by side.
    await Promise.all(WAVE_AGENTS.map(async (a) => {
      const user = await ensureDemoUser(kv, {
        name: a.name,
        email: a.email,
        role: "learner",
        passwordHash: model.passwordHash!,
      }, now);
      await ensureDemoMember(kv, WAVE_COHORT.id, user.id, now);
      await seedLearner(kv, view, plan, a.email, a.profile, now);
      // The pre-test on day 1 and the post-test on day 29, at 8:00.
      for (const d of plan.days) {
        for (const item of d.items ?? []) {
          if (item.kind !== "exam") continue;
          // The month of training adds about 1.5 logits of ability.
          const theta =
            ({ pretest: a.theta, posttest: a.theta + 1.5 } as Record<
              string,
              number
            >)[item.ref];
          if (theta === undefined) continue;
          await takeExam(
            kv,
            view,
            { learnerId: user.id, cohortId: cohort.id },
            item.ref,
            new Date(start + (d.day - 1) * DAY + 8 * 3_600_000),
            (q) => modelAnswer(q, a.email, theta),
          );
        }
      }
      await recordGain(
        kv,
        user.id,
        view.id,
        view.published.exams,
        new Date(start + 29 * DAY + 22 * 3_600_000),
      );
    }));
  });
}
