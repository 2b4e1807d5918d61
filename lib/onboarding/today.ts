/**
 * The learner's Today: the day of the plan, what is due today, overdue and
 * next, a rest day as one, progress against the plan, and certification
 * status with what is still missing and the renewal reminder. Built from
 * the onboarding record; reading it also issues any certificate that has
 * become due.
 */
import { listCourseViews } from "@/lib/content/course_view.ts";
import type { Certification } from "@/lib/content/schema.ts";
import {
  type Certificate,
  type CertificateStatus,
  certificateStatus,
} from "@/lib/certification/certificate_store.ts";
import type { Explanation } from "@/lib/certification/rules.ts";
import { publicOrigin } from "@/lib/http/public_origin.ts";
import { PLAN_DAYS } from "@/lib/identity/teams/cohort_store.ts";
import {
  type OnboardingRecord,
  onboardingRecord,
  refreshCertificates,
} from "./onboarding_record.ts";
import type { PlanItemStanding } from "./plan_standing.ts";

/** The course whose plan drives onboarding (the first course with a plan). */
export async function onboardingCourseId(kv: Deno.Kv): Promise<string | null> {
  const views = await listCourseViews(kv);
  return views.find((v) => v.published.plans.length > 0)?.id ?? null;
}

/** One level on Today: its explanation and the latest certificate, if any. */
export interface LevelStatus {
  level: Certification;
  explanation: Explanation;
  certificate: Certificate | null;
  status: CertificateStatus | null;
  /** Days until expiry when inside the reminder window (valid only). */
  renewInDays: number | null;
}

/** The Today page's data. */
export interface TodayView {
  record: OnboardingRecord;
  day: number;
  started: boolean;
  finished: boolean;
  restDay: boolean;
  dayTitle: string | null;
  dueToday: PlanItemStanding[];
  overdue: PlanItemStanding[];
  next: { day: number; items: PlanItemStanding[] } | null;
  levels: LevelStatus[];
}

/** Reads the record, issues what became due, and shapes Today. */
export async function todayView(
  kv: Deno.Kv,
  user: { id: string; name: string },
  origin: string,
  now: Date,
): Promise<TodayView | null> {
  const courseId = await onboardingCourseId(kv);
  if (!courseId) return null;
  let record = await onboardingRecord(kv, user.id, courseId, now);
  if (!record || !record.cohort) return null;
  const issued = await refreshCertificates(kv, record, user.name, origin, now);
  if (issued.length > 0) {
    record = (await onboardingRecord(kv, user.id, courseId, now))!;
  }
  const { standing, plan } = record;
  const day = record.day;
  const planDay = plan.days.find((d) => d.day === day);
  const upcoming = standing.items.filter((i) => i.day > day);
  const nextDay = upcoming.length
    ? Math.min(...upcoming.map((i) => i.day))
    : null;
  return {
    record,
    day,
    started: day >= 1,
    finished: day > PLAN_DAYS,
    restDay: planDay?.rest === true,
    dayTitle: planDay?.title ?? null,
    dueToday: standing.items.filter((i) => i.day === day),
    overdue: standing.items.filter((i) => i.state === "overdue"),
    next: nextDay === null ? null : {
      day: nextDay,
      items: upcoming.filter((i) => i.day === nextDay),
    },
    levels: record.levels.map(({ level, explanation }) =>
      levelStatus(level, explanation, record!.certificates, now)
    ),
  };
}

function levelStatus(
  level: Certification,
  explanation: Explanation,
  certificates: readonly Certificate[],
  now: Date,
): LevelStatus {
  const certificate = certificates.find((c) => c.levelId === level.id) ??
    null;
  const status = certificate ? certificateStatus(certificate, now) : null;
  const daysLeft = certificate
    ? Math.ceil((certificate.validUntil.getTime() - now.getTime()) / 86_400_000)
    : null;
  return {
    level,
    explanation,
    certificate,
    status,
    renewInDays: status === "valid" && daysLeft !== null &&
        daysLeft <= level.reminderDays
      ? daysLeft
      : null,
  };
}

/** After an event that may complete a level: issue what became due. */
export async function refreshForLearner(
  kv: Deno.Kv,
  user: { id: string; name: string; role: string },
  requestUrl: URL,
  now: Date,
): Promise<void> {
  if (user.role !== "learner") return;
  const courseId = await onboardingCourseId(kv);
  if (!courseId) return;
  const record = await onboardingRecord(kv, user.id, courseId, now);
  if (record) {
    await refreshCertificates(
      kv,
      record,
      user.name,
      publicOrigin(requestUrl),
      now,
    );
  }
}

/** A plan item's title and where it is done (null: done offline). */
export interface ItemLink {
  title: string;
  href: string | null;
}

/** Titles and links of a plan's items in a course version. */
export function itemLink(
  record: Pick<OnboardingRecord, "view">,
  item: Pick<PlanItemStanding, "kind" | "ref" | "title">,
): ItemLink {
  const { view } = record;
  const c = `/courses/${view.id}`;
  const p = view.published;
  const ref = item.ref ?? "";
  switch (item.kind) {
    case "lesson": {
      const l = view.lessons.find((x) => x.lesson.lesson.id === ref);
      return { title: l?.lesson.lesson.title ?? ref, href: l?.url ?? null };
    }
    case "quiz": {
      const m = p.modules.find((x) => x.module.id === ref);
      return { title: m?.module.title ?? ref, href: `${c}/${ref}/quiz` };
    }
    case "scenario":
      return {
        title: p.scenarios.find((s) => s.id === ref)?.title ?? ref,
        href: `${c}/scenarios/${ref}`,
      };
    case "drill":
      return {
        title: p.drills.find((d) => d.id === ref)?.title ?? ref,
        href: `${c}/drills/${ref}`,
      };
    case "exam":
      return {
        title: p.exams.find((e) => e.id === ref)?.title ?? ref,
        href: `${c}/exams/${ref}`,
      };
    case "survey":
      return {
        title: p.surveys.find((s) => s.id === ref)?.title ?? ref,
        href: `${c}/surveys/${ref}`,
      };
    case "observation":
      return {
        title: p.observations.find((o) => o.id === ref)?.title ?? ref,
        href: null,
      };
    default:
      return { title: item.title ?? "", href: null };
  }
}

/** What a criterion's `missing` ids are called, for the explanation. */
export function missingTitles(
  record: Pick<OnboardingRecord, "view">,
  criterion: Explanation["criteria"][number],
): string[] {
  const p = record.view.published;
  return criterion.missing.map((id) => {
    switch (criterion.id) {
      case "plan-items": {
        const at = id.indexOf(":");
        const kind = id.slice(0, at) as PlanItemStanding["kind"];
        const rest = id.slice(at + 1);
        const offline = kind === "shadowing" || kind === "milestone";
        return itemLink(record, {
          kind,
          ref: offline ? null : rest,
          title: offline ? rest : null,
        }).title;
      }
      case "quizzes":
        return p.modules.find((m) => m.module.id === id)?.module.title ?? id;
      case "scenario-average":
      case "red-lines":
        return p.scenarios.find((s) => s.id === id)?.title ?? id;
      case "exam":
        return p.exams.find((e) => e.id === id)?.title ?? id;
      case "surveys":
        return p.surveys.find((s) => s.id === id)?.title ?? id;
      case "observation":
        return p.observations.find((o) => o.id === id)?.title ?? id;
      case "prerequisite":
        return p.certifications.find((c) => c.id === id)?.title ?? id;
    }
  });
}

/** One level as the learner's manager sees it: explanation and titles. */
export interface LearnerLevel {
  level: Certification;
  explanation: Explanation;
  /** Titles of what each criterion still misses, one list per criterion. */
  missing: string[][];
  certificate: Certificate | null;
  status: CertificateStatus | null;
}

/**
 * Every certification level explained for one learner (read only: a
 * manager looking does not issue anything). Empty when no course has a
 * plan or the learner is in no cohort. The caller checks access first.
 */
export async function learnerLevels(
  kv: Deno.Kv,
  learnerId: string,
  now: Date,
): Promise<LearnerLevel[]> {
  const courseId = await onboardingCourseId(kv);
  if (!courseId) return [];
  const record = await onboardingRecord(kv, learnerId, courseId, now);
  if (!record || !record.cohort) return [];
  return record.levels.map(({ level, explanation }) => {
    const s = levelStatus(level, explanation, record.certificates, now);
    return {
      level,
      explanation,
      missing: explanation.criteria.map((c) => missingTitles(record, c)),
      certificate: s.certificate,
      status: s.status,
    };
  });
}
