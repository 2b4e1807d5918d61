/**
 * Where a learner stands against the 30-day onboarding plan on a given day
 * of their cohort: which tracked items are done, due today, overdue or still
 * ahead, and a standing (on track / behind / at risk) a manager can act on.
 * Pure: the plan, the day and the progress rollup in, plain data out.
 */
import type { Plan, PlanItem } from "@/lib/content/schema.ts";
import type { Progress } from "@/lib/evidence/progress_store.ts";

/** Plan item kinds the progress rollup alone records. */
export const TRACKED_KINDS = ["lesson", "quiz", "scenario", "drill"] as const;
type TrackedKind = typeof TRACKED_KINDS[number];

/**
 * Evidence beyond the rollup: submitted exams, survey responses, QA
 * observations and mentor confirmations. With it every kind is tracked.
 */
export interface PlanEvidence {
  /** Exam ids with a submitted attempt. */
  exams: ReadonlySet<string>;
  surveys: ReadonlySet<string>;
  observations: ReadonlySet<string>;
  /** Confirmed offline items by `kind:title` (lib/onboarding/confirmation_store.ts). */
  confirmed: ReadonlySet<string>;
}

/** One plan item as the learner stands with it. */
export interface PlanItemStanding {
  day: number;
  kind: PlanItem["kind"];
  /** Content id for content items (lesson, quiz module, scenario, drill, exam, survey, observation). */
  ref: string | null;
  /** Title for items without content (shadowing, milestone). */
  title: string | null;
  /**
   * done, due (today), overdue, upcoming (not due yet); untracked for a
   * past or today's item of a kind the platform cannot record yet (done
   * offline). A future item is upcoming whatever its kind.
   */
  state: "done" | "due" | "overdue" | "upcoming" | "untracked";
}

/** The learner's standing against the plan. */
export interface PlanStanding {
  /** Day of the plan (1-30; past 30 the plan is over and everything is due). */
  day: number;
  items: PlanItemStanding[];
  /**
   * Tracked items done among those due by today: never more than
   * `dueByToday`, so "done / due" cannot read "18 of 2" for a learner who
   * did the work in an earlier cohort.
   */
  done: number;
  /** Tracked items done before their day (counted apart from `done`). */
  doneAhead: number;
  /** Tracked items whose day has come (including today). */
  dueByToday: number;
  overdue: number;
  /** Days since the oldest overdue item was due (0 when none). */
  oldestOverdueDays: number;
  standing: "on-track" | "behind" | "at-risk";
}

/**
 * More than this many overdue items, or one overdue longer than
 * AT_RISK_DAYS, is "at risk": in a 30-day plan that much backlog rarely
 * clears without a mentor stepping in.
 */
export const AT_RISK_ITEMS = 3;
/** Days an item may stay overdue before the learner is at risk. */
export const AT_RISK_DAYS = 4;

function isTracked(kind: PlanItem["kind"]): kind is TrackedKind {
  return (TRACKED_KINDS as readonly string[]).includes(kind);
}

/** The stable key of a plan item: kind and ref, or kind and title. */
export function planItemKey(item: PlanItem): string {
  return `${item.kind}:${"ref" in item ? item.ref : item.title}`;
}

function isDone(
  item: PlanItem,
  progress: Progress,
  evidence?: PlanEvidence,
): boolean {
  switch (item.kind) {
    case "exam":
      return evidence?.exams.has(item.ref) ?? false;
    case "survey":
      return evidence?.surveys.has(item.ref) ?? false;
    case "observation":
      return evidence?.observations.has(item.ref) ?? false;
    case "shadowing":
    case "milestone":
      return evidence?.confirmed.has(planItemKey(item)) ?? false;
    case "lesson":
      return item.ref in progress.lessons;
    case "quiz":
      return progress.quizzes[item.ref]?.passed === true;
    case "scenario":
      return item.ref in progress.scenarios;
    case "drill":
      return item.ref in progress.drills;
    default:
      return false;
  }
}

/**
 * Computes the standing on `day` (the cohort's day of plan). A quiz counts
 * as done once passed; a lesson once completed; a scenario or drill once
 * played through; with `evidence`, an exam once submitted, a survey once
 * answered, an observation once recorded, shadowing or a milestone once the
 * mentor confirmed it. Items are matched by kind and ref (or title), never by
 * position: an item a trainer moves to another day keeps its done state and
 * counts on its new day.
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { planStanding } from "@/lib/onboarding/plan_standing.ts";
 * const plan = { id: "p", title: "P", course: "c", days: [
 *   { day: 1, items: [{ kind: "lesson" as const, ref: "a" }] },
 *   { day: 2, items: [{ kind: "lesson" as const, ref: "b" }] },
 * ] };
 * const progress = { learnerId: "u", courseId: "c", lessons: { a: new Date() },
 *   quizzes: {}, scenarios: {}, drills: {}, last: null, updatedAt: new Date() };
 * assert.equal(planStanding(plan, 2, progress).standing, "on-track");
 * ```
 */
export function planStanding(
  plan: Plan,
  day: number,
  progress: Progress,
  evidence?: PlanEvidence,
): PlanStanding {
  const items: PlanItemStanding[] = [];
  let done = 0, doneAhead = 0, dueByToday = 0, overdue = 0;
  let oldestOverdueDays = 0;
  for (const d of plan.days) {
    for (const item of d.items ?? []) {
      const ref = "ref" in item ? item.ref : null;
      const title = "title" in item ? item.title : null;
      if (!evidence && !isTracked(item.kind)) {
        items.push({
          day: d.day,
          kind: item.kind,
          ref,
          title,
          state: d.day > day ? "upcoming" : "untracked",
        });
        continue;
      }
      const finished = isDone(item, progress, evidence);
      if (d.day <= day) dueByToday++;
      if (finished && d.day <= day) done++;
      if (finished && d.day > day) doneAhead++;
      const state = finished
        ? "done"
        : d.day > day
        ? "upcoming"
        : d.day === day
        ? "due"
        : "overdue";
      if (state === "overdue") {
        overdue++;
        oldestOverdueDays = Math.max(oldestOverdueDays, day - d.day);
      }
      items.push({ day: d.day, kind: item.kind, ref, title, state });
    }
  }
  const standing = overdue === 0
    ? "on-track"
    : overdue > AT_RISK_ITEMS || oldestOverdueDays > AT_RISK_DAYS
    ? "at-risk"
    : "behind";
  return {
    day,
    items,
    done,
    doneAhead,
    dueByToday,
    overdue,
    oldestOverdueDays,
    standing,
  };
}
