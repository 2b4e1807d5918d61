/**
 * What a manager sees of their teams: each cohort's day of the 30-day plan
 * and every member's standing against it, read from the progress rollups
 * (never from attempts or statements). Who may see whom is decided in
 * lib/auth/record_access.ts: admins see every team, managers only the teams
 * they lead, and a learner outside is "not found", exactly like a missing
 * one.
 */
import {
  ledTeams,
  requireVisibleLearner,
  type Viewer,
} from "@/lib/auth/record_access.ts";
import {
  type CohortPlace,
  currentPlan,
  hasActivity,
  itemTitles,
  learnerCohort,
  type PlanContext,
  standingOnDay,
} from "@/lib/dashboard/plan_context.ts";
import { getProgress, type Progress } from "@/lib/evidence/progress_store.ts";
import {
  type Cohort,
  dayOfPlan,
  listCohortsOfTeam,
  listMembers,
  PLAN_DAYS,
} from "@/lib/identity/teams/cohort_store.ts";
import { getUser } from "@/lib/identity/accounts/user_store.ts";
import type { PlanStanding } from "@/lib/onboarding/plan_standing.ts";

/** One member's line in a cohort table. */
export interface MemberLine {
  id: string;
  name: string;
  disabled: boolean;
  lessonsDone: number;
  lessonsTotal: number;
  quizzesPassed: number;
  quizzesTotal: number;
  lastActiveAt: Date | null;
  standing: Pick<PlanStanding, "done" | "dueByToday" | "overdue" | "standing">;
}

/** A cohort with its members' standing. */
export interface CohortProgress {
  id: string;
  name: string;
  startDate: string;
  /** Day of the plan today (may be below 1 before the start, above 30 after). */
  day: number;
  planDays: number;
  members: MemberLine[];
  counts: Record<PlanStanding["standing"], number>;
}

/** A team with its cohorts. */
export interface TeamProgress {
  id: string;
  name: string;
  cohorts: CohortProgress[];
}

function summarize(
  ctx: PlanContext | null,
  progress: Progress | null,
  day: number,
) {
  const lessonsTotal = ctx?.view.lessons.length ?? 0;
  const quizzesTotal = ctx
    ? ctx.view.published.modules.filter((m) => m.module.quiz).length
    : 0;
  const standing = ctx && progress
    ? standingOnDay(ctx.plan, day, progress)
    : null;
  return {
    lessonsDone: progress ? Object.keys(progress.lessons).length : 0,
    lessonsTotal,
    quizzesPassed: progress
      ? Object.values(progress.quizzes).filter((q) => q.passed).length
      : 0,
    quizzesTotal,
    lastActiveAt: progress && hasActivity(progress) ? progress.updatedAt : null,
    standing,
  };
}

async function cohortProgress(
  kv: Deno.Kv,
  cohort: Cohort,
  ctx: PlanContext | null,
  now: Date,
): Promise<CohortProgress> {
  const day = dayOfPlan(cohort.startDate, now, cohort.timeZone);
  const members = await listMembers(kv, cohort.id, 500);
  const lines = await Promise.all(members.map(async (m) => {
    const [user, progress] = await Promise.all([
      getUser(kv, m.userId),
      ctx ? getProgress(kv, m.userId, ctx.view.id, now) : null,
    ]);
    const s = summarize(ctx, progress, day);
    return {
      id: m.userId,
      name: user?.name || "",
      disabled: user?.disabled ?? true,
      lessonsDone: s.lessonsDone,
      lessonsTotal: s.lessonsTotal,
      quizzesPassed: s.quizzesPassed,
      quizzesTotal: s.quizzesTotal,
      lastActiveAt: s.lastActiveAt,
      standing: s.standing ?? {
        done: 0,
        dueByToday: 0,
        overdue: 0,
        standing: "on-track" as const,
      },
    };
  }));
  // Those who need help first, then by name, so the table reads as a to-do list.
  const rank = { "at-risk": 0, behind: 1, "on-track": 2 };
  lines.sort((a, b) =>
    rank[a.standing.standing] - rank[b.standing.standing] ||
    b.standing.overdue - a.standing.overdue ||
    a.name.localeCompare(b.name, "zh-CN")
  );
  const counts = { "on-track": 0, behind: 0, "at-risk": 0 };
  for (const l of lines) counts[l.standing.standing]++;
  return {
    id: cohort.id,
    name: cohort.name,
    startDate: cohort.startDate,
    day,
    planDays: PLAN_DAYS,
    members: lines.map(({ standing, ...rest }) => ({
      ...rest,
      standing: {
        done: standing.done,
        dueByToday: standing.dueByToday,
        overdue: standing.overdue,
        standing: standing.standing,
      },
    })),
    counts,
  };
}

/**
 * The teams the viewer may follow, newest cohorts first, with every
 * member's standing against the plan. Other roles get an empty list.
 */
export async function teamProgress(
  kv: Deno.Kv,
  viewer: Viewer,
  now: Date,
): Promise<TeamProgress[]> {
  const [teams, ctx] = await Promise.all([
    ledTeams(kv, viewer),
    currentPlan(kv),
  ]);
  return await Promise.all(teams.map(async (team) => {
    const cohorts = await listCohortsOfTeam(kv, team.id, 50);
    const sorted = cohorts.toSorted((a, b) =>
      b.startDate.localeCompare(a.startDate)
    );
    return {
      id: team.id,
      name: team.name,
      cohorts: await Promise.all(
        sorted.map((c) => cohortProgress(kv, c, ctx, now)),
      ),
    };
  }));
}

/** One learner's record as their manager sees it. */
export interface LearnerProgress {
  id: string;
  name: string;
  disabled: boolean;
  cohort: CohortPlace | null;
  lessonsDone: number;
  lessonsTotal: number;
  quizzesPassed: number;
  quizzesTotal: number;
  lastActiveAt: Date | null;
  plan: PlanStanding | null;
  /** Titles of content ids in the plan, for display. */
  titles: Record<string, string>;
  modules: { id: string; title: string; done: number; total: number }[];
  practice: {
    kind: "quiz" | "scenario" | "drill";
    id: string;
    title: string;
    best: number;
    latest: number;
    count: number;
    passed: boolean;
  }[];
}

/** Practice kinds in the order the learner page lists them, by rollup. */
const PRACTICE_KINDS = ["quiz", "scenario", "drill"] as const;
const ROLLUP = {
  quiz: "quizzes",
  scenario: "scenarios",
  drill: "drills",
} as const;

/**
 * A learner's progress for a viewer who may see them
 * (lib/auth/record_access.ts `requireVisibleLearner`). Anyone else, and an
 * id that is not a learner, gets NotFoundError, so the answer does not
 * reveal who exists in other teams.
 */
export async function learnerProgress(
  kv: Deno.Kv,
  viewer: Viewer,
  learnerId: string,
  now: Date,
): Promise<LearnerProgress> {
  const user = await requireVisibleLearner(kv, viewer, learnerId);
  const [cohort, ctx] = await Promise.all([
    learnerCohort(kv, learnerId, now),
    currentPlan(kv),
  ]);
  const progress = ctx
    ? await getProgress(kv, learnerId, ctx.view.id, now)
    : null;
  const s = summarize(ctx, progress, cohort?.day ?? 0);
  const titles: Record<string, string> = ctx
    ? Object.fromEntries(itemTitles(ctx.view))
    : {};
  const published = ctx?.view.published;
  const practice: LearnerProgress["practice"] = progress
    ? PRACTICE_KINDS.flatMap((kind) =>
      Object.entries(progress[ROLLUP[kind]]).map(([id, q]) => ({
        kind,
        id,
        title: titles[`${kind}:${id}`] ?? id,
        ...pick(q),
      }))
    )
    : [];
  return {
    id: learnerId,
    name: user.name,
    disabled: user.disabled,
    cohort,
    lessonsDone: s.lessonsDone,
    lessonsTotal: s.lessonsTotal,
    quizzesPassed: s.quizzesPassed,
    quizzesTotal: s.quizzesTotal,
    lastActiveAt: s.lastActiveAt,
    plan: cohort ? s.standing : null,
    titles,
    modules: (published?.modules ?? []).map((m) => ({
      id: m.module.id,
      title: m.module.title,
      done: m.lessons.filter((l) => progress?.lessons[l.lesson.id]).length,
      total: m.lessons.length,
    })),
    practice,
  };
}

function pick(
  q: { best: number; latest: number; count: number; passed: boolean },
) {
  return { best: q.best, latest: q.latest, count: q.count, passed: q.passed };
}
