/**
 * Demo learners whose onboarding is over, played through the real engines
 * (after lib/identity/demo/demo_seed.ts and lib/learning/demo_progress.ts): the
 * whole plan, the pre- and post-test, the surveys, the mentor's
 * confirmations and the certification exam with its required scenarios
 * inside the attempt; the certificate is then issued by the rule engine.
 *
 * - 许佳琪 (graduate@): certified 10 days ago, valid;
 * - 何俊 (revoked@): certified, then revoked by an admin with a reason;
 * - 马丽 (ready@): everything done but the certification exam;
 * - 林晓 (renewal@): certified 11 months ago, inside the renewal reminder;
 * - 郭强 (expired@): certified 13 months ago, expired.
 *
 * Runs once per store (the marker). It lives in lib/demo/ because it drives
 * every domain (identity, learning, quiz, exam, survey, onboarding,
 * certification) and so sits above them all.
 *
 * | key                                 | value |
 * | ----------------------------------- | ----- |
 * | ["demo_seeds", "certification"]     | Date  |
 */
import { type CourseView, getCourseView } from "@/lib/content/course_view.ts";
import type { Plan, Question } from "@/lib/content/schema.ts";
import {
  listLearnerCertificates,
  revokeCertificate,
} from "@/lib/certification/certificate_store.ts";
import { recordGain } from "@/lib/exam/gain_store.ts";
import { examQuestions } from "@/lib/exam/exam_page.ts";
import { findExam } from "@/lib/exam/exam_view.ts";
import { getCohort } from "@/lib/identity/teams/cohort_store.ts";
import {
  DEMO_PASSWORD,
  ensureDemoCohort,
  ensureDemoMember,
  ensureDemoUser,
} from "@/lib/identity/demo/demo_seed.ts";
import {
  hashPassword,
  PBKDF2_ITERATIONS,
} from "@/lib/identity/accounts/password.ts";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";
import {
  playModelScenario,
  type Profile,
  seedLearner,
} from "@/lib/learning/demo_progress.ts";
import { keyAnswer } from "@/lib/quiz/key_answer.ts";
import type { Answer } from "@/lib/quiz/score.ts";
import { startOrResume, submitAttempt } from "@/lib/quiz/attempt_store.ts";
import type { ConfidenceMap } from "@/lib/quiz/confidence.ts";
import { surveyClosesAt } from "@/lib/survey/survey_page.ts";
import { submitResponse } from "@/lib/survey/survey_response_store.ts";
import { reactionAnswers } from "./demo_reaction.ts";
import { seedOnce } from "@/lib/identity/demo/seed_once.ts";
import { getTeam } from "@/lib/identity/teams/team_store.ts";
import {
  confirmItem,
  offlineItemKey,
} from "@/lib/onboarding/confirmation_store.ts";
import { recordObservation } from "@/lib/onboarding/observation_store.ts";
import {
  onboardingRecord,
  refreshCertificates,
} from "@/lib/onboarding/onboarding_record.ts";

const HOUR = 3_600_000;
const DAY = 86_400_000;

interface DemoCohort {
  id: string;
  name: string;
  teamId: string;
  /** The cohort started this many days before today. */
  startedDaysAgo: number;
  mentor: string;
}

const COHORTS: readonly DemoCohort[] = [
  {
    id: "cohort-c",
    name: "第 9 期新人营",
    teamId: "team-aftersale",
    startedDaysAgo: 40,
    mentor: "mentor@demo.academy",
  },
  {
    id: "cohort-e",
    name: "第 2 期新人营",
    teamId: "team-aftersale",
    startedDaysAgo: 365 + 5,
    mentor: "mentor@demo.academy",
  },
  {
    id: "cohort-d",
    name: "第 1 期新人营",
    teamId: "team-aftersale",
    startedDaysAgo: 365 + 55,
    mentor: "mentor@demo.academy",
  },
];

type Outcome = "certified" | "revoked" | "ready";

interface DemoGraduate {
  email: string;
  name: string;
  cohort: string;
  outcome: Outcome;
}

/** The demo learners; the first one's certificate is printed at start-up. */
export const GRADUATES: readonly DemoGraduate[] = [
  {
    email: "graduate@demo.academy",
    name: "许佳琪",
    cohort: "cohort-c",
    outcome: "certified",
  },
  {
    email: "revoked@demo.academy",
    name: "何俊",
    cohort: "cohort-c",
    outcome: "revoked",
  },
  {
    email: "ready@demo.academy",
    name: "马丽",
    cohort: "cohort-c",
    outcome: "ready",
  },
  {
    email: "renewal@demo.academy",
    name: "林晓",
    cohort: "cohort-e",
    outcome: "certified",
  },
  {
    email: "expired@demo.academy",
    name: "郭强",
    cohort: "cohort-d",
    outcome: "certified",
  },
];

const MODEL: Profile = { hour: 10, quizWrong: 0, drills: "quick" };

/** A plan day's moment (Beijing time) for a cohort start date. */
function dayAt(startDate: string, day: number, hour: number): Date {
  return new Date(
    Date.parse(`${startDate}T00:00:00+08:00`) + (day - 1) * DAY + hour * HOUR,
  );
}

/**
 * Seeds the graduates once; returns the id of a valid demo certificate (the
 * first graduate's), also on later starts.
 */
export async function seedDemoCertification(
  kv: Deno.Kv,
  courseId: string,
  origin: string,
  today: Date,
  options: { iterations?: number } = {},
): Promise<string | null> {
  await seedOnce(
    kv,
    "certification",
    today,
    () => seed(kv, courseId, origin, today, options),
  );
  const first = await findUserByLogin(kv, GRADUATES[0].email);
  if (!first) return null;
  const certs = await listLearnerCertificates(kv, first.id);
  return certs.find((c) => !c.revoked)?.id ?? null;
}

async function seed(
  kv: Deno.Kv,
  courseId: string,
  origin: string,
  today: Date,
  options: { iterations?: number },
): Promise<boolean> {
  const view = await getCourseView(kv, courseId);
  const plan = view?.published.plans.find((p) => p.course === courseId);
  const admin = await findUserByLogin(kv, "admin@demo.academy");
  if (!view || !plan || !admin) return false;
  const hash = await hashPassword(
    DEMO_PASSWORD,
    options.iterations ?? PBKDF2_ITERATIONS,
  );
  for (const c of COHORTS) {
    const mentor = await findUserByLogin(kv, c.mentor);
    await ensureDemoCohort(kv, {
      ...c,
      day: c.startedDaysAgo + 1,
      mentorId: mentor?.id,
    }, today);
  }
  await Promise.all(GRADUATES.map(async (g) => {
    const user = await ensureDemoUser(kv, {
      name: g.name,
      email: g.email,
      role: "learner",
      passwordHash: hash,
    }, today);
    await ensureDemoMember(kv, g.cohort, user.id, today);
    const cohort = (await getCohort(kv, g.cohort))!;
    await graduate(kv, view, plan, {
      learnerId: user.id,
      name: g.name,
      email: g.email,
      cohortId: cohort.id,
      startDate: cohort.startDate,
      mentorId: cohort.mentorId ?? admin.id,
      reviewerId: (await getTeam(kv, cohort.teamId))?.managerIds[0] ?? admin.id,
      outcome: g.outcome,
      adminId: admin.id,
      origin,
    });
  }));
  return true;
}

interface Graduate {
  learnerId: string;
  name: string;
  email: string;
  cohortId: string;
  startDate: string;
  mentorId: string;
  /** Who scores the QA observation: the team's manager. */
  reviewerId: string;
  outcome: Outcome;
  adminId: string;
  origin: string;
}

async function graduate(
  kv: Deno.Kv,
  view: CourseView,
  plan: Plan,
  g: Graduate,
): Promise<void> {
  const planEnd = dayAt(g.startDate, 30, 22);
  await seedLearner(kv, view, plan, g.email, MODEL, planEnd);
  let certificationAt: Date | null = null;
  for (const d of plan.days) {
    for (const item of d.items ?? []) {
      if (item.kind === "exam") {
        if (item.ref === "certification") {
          if (g.outcome === "ready") continue;
          certificationAt = dayAt(g.startDate, d.day, 14);
          await takeExam(kv, view, g, item.ref, certificationAt, 0);
        } else {
          // The pre-test finds gaps; the post-test shows the gain.
          const wrong = item.ref === "pretest" ? 8 : 2;
          await takeExam(
            kv,
            view,
            g,
            item.ref,
            dayAt(g.startDate, d.day, 8),
            wrong,
          );
        }
      } else if (item.kind === "survey") {
        const survey = view.published.surveys.find((s) => s.id === item.ref);
        if (survey) {
          await submitResponse(kv, {
            survey,
            learnerId: g.learnerId,
            courseId: view.id,
            contentVersion: view.version,
            cohortId: g.cohortId,
            answers: reactionAnswers(survey, g.email),
            closesAt: surveyClosesAt(plan, survey.id, g.startDate),
          }, dayAt(g.startDate, d.day, 20));
        }
      } else if (item.kind === "observation") {
        const card = view.published.observations.find((o) => o.id === item.ref);
        if (card) {
          await recordObservation(kv, {
            card,
            learnerId: g.learnerId,
            by: g.reviewerId,
            met: card.sections.flatMap((s) => s.items.map((i) => i.id)),
            breached: [],
            note: "",
          }, dayAt(g.startDate, d.day, 16));
        }
      } else if (item.kind === "shadowing" || item.kind === "milestone") {
        await confirmItem(kv, {
          itemKey: offlineItemKey(item),
          learnerId: g.learnerId,
          by: g.mentorId,
          note: "",
        }, dayAt(g.startDate, d.day, 18));
      }
    }
  }
  await recordGain(kv, g.learnerId, view.id, view.published.exams, planEnd);
  if (!certificationAt) return;
  const issuedAt = new Date(certificationAt.getTime() + 2 * HOUR);
  const record = await onboardingRecord(kv, g.learnerId, view.id, issuedAt);
  if (!record) return;
  const [cert] = await refreshCertificates(
    kv,
    record,
    g.name,
    g.origin,
    issuedAt,
  );
  if (cert && g.outcome === "revoked") {
    await revokeCertificate(kv, cert.id, {
      by: g.adminId,
      reason: "演示：考试期间使用了未经允许的资料，复核后撤销",
    }, new Date(issuedAt.getTime() + 3 * DAY));
  }
}

/**
 * An exam attempt as the exam pages make it, with `wrong` closed questions
 * left blank (or each question answered by `wrong` when it is a function);
 * required scenarios played inside the window. 第 8 期's pre- and
 * post-tests use it too (demo_wave.ts).
 */
export async function takeExam(
  kv: Deno.Kv,
  view: CourseView,
  g: Pick<Graduate, "learnerId" | "cohortId">,
  examId: string,
  at: Date,
  wrong: number | ((q: Question) => Answer),
): Promise<void> {
  const exam = await findExam(kv, view.id, examId);
  if (!exam) return;
  const { attempt } = await startOrResume(kv, {
    learnerId: g.learnerId,
    courseId: view.id,
    version: exam.version,
    moduleId: exam.key,
    quiz: exam.quiz,
    questions: exam.questions,
  }, at);
  let minute = 5;
  for (const scenarioId of exam.exam.scenarios ?? []) {
    await playModelScenario(
      kv,
      view,
      g.learnerId,
      g.cohortId,
      scenarioId,
      new Date(at.getTime() + minute * 60_000),
    );
    minute += 15;
  }
  const questions = examQuestions(exam, attempt);
  // An exam that asks how sure: a graduate is sure but for the hardest.
  const confidence = exam.quiz.confidence
    ? Object.fromEntries(
      questions.map((q) => [q.id, q.difficulty === 3 ? "likely" : "sure"]),
    ) as ConfidenceMap
    : undefined;
  await submitAttempt(kv, {
    learnerId: g.learnerId,
    attemptId: attempt.id,
    idempotencyKey: `demo-${attempt.id}`,
    answers: typeof wrong === "number"
      ? keyedAnswers(questions, wrong)
      : Object.fromEntries(questions.map((q) => [q.id, wrong(q)])),
    questions,
    rubrics: exam.rubrics,
    moduleTitle: exam.exam.title,
    cohortId: g.cohortId,
    confidence,
  }, new Date(at.getTime() + (minute + 10) * 60_000));
}

/** The key to every question but `wrong` closed ones, which are left blank. */
function keyedAnswers(
  questions: readonly Question[],
  wrong: number,
): Record<string, Answer> {
  const skipped = new Set(
    questions.filter((q) => q.type !== "written").slice(0, wrong).map((q) =>
      q.id
    ),
  );
  return Object.fromEntries(
    questions.filter((q) => !skipped.has(q.id)).map((
      q,
    ) => [q.id, keyAnswer(q)]),
  );
}
