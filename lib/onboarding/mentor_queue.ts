/**
 * The mentor's queue: their mentees' shadowing and milestones whose day has
 * come and that nobody has confirmed yet, and the one-click confirmation
 * (only by the mentor of the learner's cohort, or an admin).
 */
import {
  cohortsOfTeams,
  ledTeams,
  mentoredCohorts,
  type Viewer,
} from "@/lib/auth/record_access.ts";
import { getCourseView } from "@/lib/content/course_view.ts";
import type { Plan } from "@/lib/content/schema.ts";
import {
  type Cohort,
  dayOfPlan,
  getCohort,
  listMembers,
  listMembershipsOfUser,
} from "@/lib/identity/teams/cohort_store.ts";
import { ForbiddenError, NotFoundError } from "@/lib/errors.ts";
import { getUser } from "@/lib/identity/accounts/user_store.ts";
import {
  type Confirmation,
  confirmItem,
  listConfirmations,
  offlineItemKey,
} from "./confirmation_store.ts";
import { onboardingCourseId } from "./today.ts";

/** One item waiting for the mentor. */
export interface WaitingItem {
  learnerId: string;
  learnerName: string;
  cohortName: string;
  day: number;
  kind: "shadowing" | "milestone";
  title: string;
  itemKey: string;
}

function offlineItems(plan: Plan) {
  return plan.days.flatMap((d) =>
    (d.items ?? []).flatMap((i) =>
      i.kind === "shadowing" || i.kind === "milestone"
        ? [{ day: d.day, kind: i.kind, title: i.title, key: offlineItemKey(i) }]
        : []
    )
  );
}

async function planOf(kv: Deno.Kv): Promise<Plan | null> {
  const courseId = await onboardingCourseId(kv);
  const view = courseId ? await getCourseView(kv, courseId) : null;
  return view?.published.plans.find((p) => p.course === courseId) ?? null;
}

/** Cohorts the actor mentors (every cohort for an admin). */
async function queueCohorts(kv: Deno.Kv, actor: Viewer): Promise<Cohort[]> {
  return actor.role === "admin"
    ? await cohortsOfTeams(kv, await ledTeams(kv, actor))
    : await mentoredCohorts(kv, actor.id);
}

/** The actor's waiting items, oldest day first. */
export async function mentorQueue(
  kv: Deno.Kv,
  actor: Viewer,
  now: Date,
): Promise<{ items: WaitingItem[]; cohorts: number }> {
  const plan = await planOf(kv);
  const cohorts = await queueCohorts(kv, actor);
  if (!plan) return { items: [], cohorts: cohorts.length };
  const offline = offlineItems(plan);
  const items: WaitingItem[] = [];
  for (const cohort of cohorts) {
    const today = dayOfPlan(cohort.startDate, now, cohort.timeZone);
    for (const m of await listMembers(kv, cohort.id)) {
      const [user, confirmed] = await Promise.all([
        getUser(kv, m.userId),
        listConfirmations(kv, m.userId),
      ]);
      if (!user || user.disabled) continue;
      for (const it of offline) {
        if (it.day > today || confirmed.has(it.key)) continue;
        items.push({
          learnerId: m.userId,
          learnerName: user.name,
          cohortName: cohort.name,
          day: it.day,
          kind: it.kind,
          title: it.title,
          itemKey: it.key,
        });
      }
    }
  }
  items.sort((a, b) =>
    a.day - b.day || a.learnerName.localeCompare(b.learnerName)
  );
  return { items, cohorts: cohorts.length };
}

/**
 * Confirms one item for a learner. Only the mentor of the learner's cohort
 * or an admin may; the item must be an offline item of the plan.
 */
export async function confirmByMentor(
  kv: Deno.Kv,
  actor: { id: string; role: string },
  input: { learnerId: string; itemKey: string; note: string },
  now: Date,
): Promise<Confirmation> {
  const plan = await planOf(kv);
  if (!plan || !offlineItems(plan).some((i) => i.key === input.itemKey)) {
    throw new NotFoundError(`No offline plan item "${input.itemKey}"`);
  }
  const membership = (await listMembershipsOfUser(kv, input.learnerId, 10))
    .at(-1);
  const cohort = membership ? await getCohort(kv, membership.cohortId) : null;
  if (!cohort) throw new NotFoundError(`"${input.learnerId}" has no cohort`);
  if (actor.role !== "admin" && cohort.mentorId !== actor.id) {
    throw new ForbiddenError("Only the cohort's mentor may confirm");
  }
  return await confirmItem(kv, {
    itemKey: input.itemKey,
    learnerId: input.learnerId,
    by: actor.id,
    note: input.note,
  }, now);
}
