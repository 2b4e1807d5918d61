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
import { currentPlan, type PlanContext } from "@/lib/dashboard/plan_context.ts";
import { getProgress, type Progress } from "@/lib/evidence/progress_store.ts";
import {
  type Cohort,
  dayOfPlan,
  getCohort,
  listCohortsOfTeam,
  listMembers,
  listMembershipsOfUser,
  PLAN_DAYS,
} from "@/lib/identity/teams/cohort_store.ts";
import { getTeam } from "@/lib/identity/teams/team_store.ts";
import { getUser } from "@/lib/identity/accounts/user_store.ts";
import {
  type PlanStanding,
  planStanding,
} from "@/lib/onboarding/plan_standing.ts";

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

/** The plan day used for standing: before day 1 nothing is due, after 30 everything. */
function clampDay(day: number): number {
  return Math.min(Math.max(day, 0), PLAN_DAYS);
}

/** True once the learner has recorded anything (an empty rollup is made up on read). */
function hasAny(p: Progress): boolean {
  return [p.lessons, p.quizzes, p.scenarios, p.drills].some((r) =>
    Object.keys(r).length > 0
  );
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
    ? planStanding(ctx.plan, clampDay(day), progress)
    : null;
  return {
    lessonsDone: progress ? Object.keys(progress.lessons).length : 0,
    lessonsTotal,
    quizzesPassed: progress
      ? Object.values(progress.quizzes).filter((q) => q.passed).length
      : 0,
    quizzesTotal,
    lastActiveAt: progress && hasAny(progress) ? progress.updatedAt : null,
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
  cohort: { id: string; name: string; teamName: string; day: number } | null;
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
  const [memberships, ctx] = await Promise.all([
    listMembershipsOfUser(kv, learnerId, 10),
    currentPlan(kv),
  ]);
  const membership = memberships.at(-1);
  const cohort = membership ? await getCohort(kv, membership.cohortId) : null;
  const team = cohort ? await getTeam(kv, cohort.teamId) : null;
  const day = cohort ? dayOfPlan(cohort.startDate, now, cohort.timeZone) : 0;
  const progress = ctx
    ? await getProgress(kv, learnerId, ctx.view.id, now)
    : null;
  const s = summarize(ctx, progress, day);
  const titles: Record<string, string> = {};
  const published = ctx?.view.published;
  for (const l of ctx?.view.lessons ?? []) {
    titles[`lesson:${l.lesson.lesson.id}`] = l.lesson.lesson.title;
  }
  for (const m of published?.modules ?? []) {
    titles[`quiz:${m.module.id}`] = m.module.title;
  }
  for (const x of published?.scenarios ?? []) {
    titles[`scenario:${x.id}`] = x.title;
  }
  for (const x of published?.drills ?? []) titles[`drill:${x.id}`] = x.title;
  for (const x of published?.exams ?? []) titles[`exam:${x.id}`] = x.title;
  for (const x of published?.surveys ?? []) titles[`survey:${x.id}`] = x.title;
  for (const x of published?.observations ?? []) {
    titles[`observation:${x.id}`] = x.title;
  }
  const practice: LearnerProgress["practice"] = [];
  if (progress) {
    for (const [id, q] of Object.entries(progress.quizzes)) {
      practice.push({
        kind: "quiz",
        id,
        title: titles[`quiz:${id}`] ?? id,
        ...pick(q),
      });
    }
    for (const [id, q] of Object.entries(progress.scenarios)) {
      practice.push({
        kind: "scenario",
        id,
        title: titles[`scenario:${id}`] ?? id,
        ...pick(q),
      });
    }
    for (const [id, q] of Object.entries(progress.drills)) {
      practice.push({
        kind: "drill",
        id,
        title: titles[`drill:${id}`] ?? id,
        ...pick(q),
      });
    }
  }
  return {
    id: learnerId,
    name: user.name,
    disabled: user.disabled,
    cohort: cohort
      ? { id: cohort.id, name: cohort.name, teamName: team?.name ?? "", day }
      : null,
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
