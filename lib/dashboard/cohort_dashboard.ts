/**
 * The manager's cohort dashboard: for the cohorts the viewer may see and the
 * filters select, each cohort's day of the plan, progress against the plan,
 * the standing counts, the learners behind or at risk with the reason, and
 * the certification funnel of one level. Reads per-learner rollups (the
 * progress rollup, certificates, exam attempts by index), never statements,
 * so its cost follows the number of learners, not of events.
 */
import {
  type CohortPlace,
  currentPlan,
  hasActivity,
  itemTitles,
  MAX_MEMBERS,
  type PlanContext,
  standingOnDay,
} from "./plan_context.ts";
import type { Certification } from "@/lib/content/schema.ts";
import { listLearnerCertificates } from "@/lib/certification/certificate_store.ts";
import {
  emptyProgress,
  getProgress,
  type Progress,
} from "@/lib/evidence/progress_store.ts";
import {
  type Cohort,
  dayOfPlan,
  listMembers,
  PLAN_DAYS,
} from "@/lib/identity/teams/cohort_store.ts";
import { listPendingInvitations } from "@/lib/identity/invitations/invitation_store.ts";
import {
  userFromEntry,
  userLookupKey,
} from "@/lib/identity/accounts/user_store.ts";
import { getAll } from "@/lib/db/many.ts";
import {
  type PlanStanding,
  planStanding,
} from "@/lib/onboarding/plan_standing.ts";
import { examAssessmentKey, listAttempts } from "@/lib/quiz/attempt_store.ts";
import type { DashboardFilters } from "./filters.ts";
import { countFunnel, type FunnelStage, learnerStages } from "./funnel.ts";
import {
  type DashboardViewer,
  type ScopeOptions,
  scopeOptions,
  selectCohorts,
} from "./scope.ts";
import { type KirkpatrickPanel, kirkpatrickPanel } from "./kirkpatrick.ts";

/** Why a learner needs attention (reason codes; views translate them). */
export interface AttentionLine {
  learnerId: string;
  name: string;
  cohortId: string;
  cohortName: string;
  standing: "behind" | "at-risk";
  overdue: number;
  oldestOverdueDays: number;
  /** The oldest overdue items (kind and title), at most three. */
  items: { kind: string; title: string; day: number }[];
  /** Days since anything was recorded (null: never active). */
  inactiveDays: number | null;
}

/** One member's line, for the members table and its CSV. */
export interface MemberRow {
  learnerId: string;
  name: string;
  cohortId: string;
  cohortName: string;
  standing: PlanStanding["standing"];
  done: number;
  due: number;
  overdue: number;
  quizzesPassed: number;
  lastActiveAt: Date | null;
}

/** A cohort's figures (its `day` is today's day of the plan). */
export interface CohortSummary extends CohortPlace {
  planDays: number;
  members: number;
  /** Tracked plan items in the whole plan. */
  planItems: number;
  /** Tracked items due by today (the same for every member). */
  dueByToday: number;
  /** Percent of the plan due by today. */
  plannedPercent: number;
  /** Percent of the plan the members did, on average (due items only). */
  donePercent: number;
  counts: Record<PlanStanding["standing"], number>;
  funnel: Record<FunnelStage, number>;
}

/** What the dashboard page shows. */
export interface CohortDashboard {
  options: ScopeOptions & {
    levels: { id: string; title: string; titleEn: string }[];
  };
  /** The level whose funnel is shown (the first one when none was chosen). */
  level: { id: string; title: string; titleEn: string } | null;
  cohorts: CohortSummary[];
  funnel: Record<FunnelStage, number>;
  attention: AttentionLine[];
  members: MemberRow[];
  /** Kirkpatrick's four levels per selected cohort (./kirkpatrick.ts). */
  panel: KirkpatrickPanel;
}

const DAY_MS = 86_400_000;

/** The exam whose submission the funnel's "exam" stage counts. */
function levelExam(level: Certification | null): string | null {
  return level?.rules.exam?.ref ?? level?.recertification?.exam ?? null;
}

interface MemberFacts {
  learnerId: string;
  name: string;
  progress: Progress;
  standing: PlanStanding | null;
  stages: Set<FunnelStage>;
}

async function memberFacts(
  kv: Deno.Kv,
  learnerId: string,
  name: string,
  ctx: PlanContext | null,
  level: Certification | null,
  moduleIds: string[],
  day: number,
  now: Date,
): Promise<MemberFacts> {
  const exam = levelExam(level);
  const [progress, certificates, attempts] = await Promise.all([
    ctx
      ? getProgress(kv, learnerId, ctx.view.id, now)
      : emptyProgress(learnerId, "", now),
    level ? listLearnerCertificates(kv, learnerId, 20) : [],
    ctx && exam
      ? listAttempts(kv, learnerId, ctx.view.id, examAssessmentKey(exam), 5)
      : [],
  ]);
  const standing = ctx ? standingOnDay(ctx.plan, day, progress) : null;
  const stages = level
    ? learnerStages(level, moduleIds, {
      active: hasActivity(progress),
      quizzes: progress.quizzes,
      examsTaken: new Set(
        attempts.some((a) => a.status === "submitted") && exam ? [exam] : [],
      ),
      certificates,
    }, now)
    : new Set<FunnelStage>(["invited"]);
  return {
    learnerId,
    name,
    progress: progress as Progress,
    standing,
    stages,
  };
}

/**
 * Builds the dashboard for `viewer` with `filters`. A team or cohort in the
 * filters that the viewer may not see is NotFoundError, like a missing one.
 */
export async function cohortDashboard(
  kv: Deno.Kv,
  viewer: DashboardViewer,
  filters: DashboardFilters,
  now: Date,
): Promise<CohortDashboard> {
  const [scope, ctx] = await Promise.all([
    selectCohorts(kv, viewer, filters),
    currentPlan(kv),
  ]);
  const levels = ctx?.view.published.certifications ?? [];
  const level = levels.find((l) => l.id === filters.level) ?? levels[0] ??
    null;
  const moduleIds = ctx
    ? ctx.view.published.modules.filter((m) => m.module.quiz).map((m) =>
      m.module.id
    )
    : [];
  const titles = ctx ? itemTitles(ctx.view) : new Map<string, string>();
  const teamName = new Map(scope.teams.map((t) => [t.id, t.name]));
  const selected = scope.selected;
  const planItems = ctx
    ? planStanding(ctx.plan, PLAN_DAYS, emptyProgress("", "", now)).dueByToday
    : 0;

  const attention: AttentionLine[] = [];
  const members: MemberRow[] = [];
  const panelPromise = kirkpatrickPanel(kv, selected);
  const cohorts = await Promise.all(selected.map(async (cohort: Cohort) => {
    const day = dayOfPlan(cohort.startDate, now, cohort.timeZone);
    const [list, pending] = await Promise.all([
      listMembers(kv, cohort.id, MAX_MEMBERS),
      listPendingInvitations(kv, cohort.id, now, MAX_MEMBERS),
    ]);
    // Names in batches of ten keys per read, not one read per learner.
    const users = await getAll(kv, list.map((m) => userLookupKey(m.userId)));
    const facts = await Promise.all(
      list.map((m, i) =>
        memberFacts(
          kv,
          m.userId,
          userFromEntry(users[i])?.user.name ?? "",
          ctx,
          level,
          moduleIds,
          day,
          now,
        )
      ),
    );
    const counts = { "on-track": 0, behind: 0, "at-risk": 0 };
    let done = 0;
    const dueByToday = facts[0]?.standing?.dueByToday ??
      (ctx
        ? standingOnDay(ctx.plan, day, emptyProgress("", "", now)).dueByToday
        : 0);
    for (const f of facts) {
      const s = f.standing;
      if (!s) continue;
      counts[s.standing]++;
      done += s.done;
      const active = hasActivity(f.progress);
      members.push({
        learnerId: f.learnerId,
        name: f.name,
        cohortId: cohort.id,
        cohortName: cohort.name,
        standing: s.standing,
        done: s.done,
        due: s.dueByToday,
        overdue: s.overdue,
        quizzesPassed: Object.values(f.progress.quizzes).filter((q) =>
          q.passed
        ).length,
        lastActiveAt: active ? f.progress.updatedAt : null,
      });
      if (s.standing === "on-track") continue;
      attention.push({
        learnerId: f.learnerId,
        name: f.name,
        cohortId: cohort.id,
        cohortName: cohort.name,
        standing: s.standing,
        overdue: s.overdue,
        oldestOverdueDays: s.oldestOverdueDays,
        items: s.items.filter((i) => i.state === "overdue").slice(0, 3).map(
          (i) => ({
            kind: i.kind,
            day: i.day,
            title: i.title ?? titles.get(`${i.kind}:${i.ref}`) ?? i.ref ?? "",
          }),
        ),
        inactiveDays: active
          ? Math.floor(
            (now.getTime() - f.progress.updatedAt.getTime()) / DAY_MS,
          )
          : null,
      });
    }
    const n = facts.length;
    return {
      id: cohort.id,
      name: cohort.name,
      teamId: cohort.teamId,
      teamName: teamName.get(cohort.teamId) ?? "",
      startDate: cohort.startDate,
      day,
      planDays: PLAN_DAYS,
      members: n,
      planItems,
      dueByToday,
      plannedPercent: planItems ? round1(100 * dueByToday / planItems) : 0,
      donePercent: planItems && n ? round1(100 * done / (n * planItems)) : 0,
      counts,
      funnel: countFunnel(facts.map((f) => f.stages), pending.length),
    };
  }));
  const rank = { "at-risk": 0, behind: 1 };
  attention.sort((a, b) =>
    rank[a.standing] - rank[b.standing] || b.overdue - a.overdue ||
    a.name.localeCompare(b.name, "zh-CN")
  );
  members.sort((a, b) =>
    a.cohortName.localeCompare(b.cohortName, "zh-CN") ||
    a.name.localeCompare(b.name, "zh-CN")
  );
  const funnel = countFunnel([], 0);
  for (const c of cohorts) {
    for (const k of Object.keys(funnel) as FunnelStage[]) {
      funnel[k] += c.funnel[k];
    }
  }
  return {
    options: {
      ...scopeOptions(scope),
      levels: levels.map((l) => ({
        id: l.id,
        title: l.title,
        titleEn: l.titleEn,
      })),
    },
    level: level
      ? { id: level.id, title: level.title, titleEn: level.titleEn }
      : null,
    cohorts,
    funnel,
    attention,
    members,
    panel: await panelPromise,
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
