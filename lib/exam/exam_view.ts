/**
 * An exam of a published course version, shaped for the attempt engine
 * (lib/quiz/attempt_store.ts, keyed by `exam:<id>`): its blueprint as draw
 * rules, its time limit, attempt limit and cool-down from the content.
 */
import {
  getCourseVersionView,
  getCourseView,
} from "@/lib/content/course_view.ts";
import type {
  Exam,
  ModuleQuiz,
  Question,
  Rubric,
} from "@/lib/content/schema.ts";
import { examAssessmentKey } from "@/lib/quiz/attempt_store.ts";
import { getAttempt } from "@/lib/quiz/attempt_store.ts";
import type { Attempt } from "@/lib/quiz/attempt.ts";

/** One exam ready to run. */
export interface ExamView {
  courseId: string;
  version: number;
  exam: Exam;
  /** The attempt engine's assessment key. */
  key: string;
  /** The exam as the engine's quiz spec. */
  quiz: ModuleQuiz;
  questions: Question[];
  rubrics: Rubric[];
  /** Scenario id -> title, for the required scenarios. */
  scenarioTitles: Record<string, string>;
}

/** The exam in the latest (or given) version of a course, or null. */
export async function findExam(
  kv: Deno.Kv,
  courseId: string,
  examId: string,
  version?: number,
): Promise<ExamView | null> {
  const view = version === undefined
    ? await getCourseView(kv, courseId)
    : await getCourseVersionView(kv, courseId, version);
  const exam = view?.published.exams.find((e) => e.id === examId);
  if (!view || !exam) return null;
  const questions = view.published.banks.filter((b) => exam.bank.includes(b.id))
    .flatMap((b) => b.questions);
  return {
    courseId,
    version: view.version,
    exam,
    key: examAssessmentKey(exam.id),
    quiz: {
      bank: exam.bank[0],
      // Exam rules may filter by module; the draw honours every filter.
      draw: exam.draw,
      passPercent: exam.passPercent,
      timeLimitMinutes: exam.timeLimitMinutes,
      ...(exam.maxAttempts ? { maxAttempts: exam.maxAttempts } : {}),
      ...(exam.cooldownHours
        ? { cooldownMinutes: Math.round(exam.cooldownHours * 60) }
        : {}),
    },
    questions,
    rubrics: view.published.rubrics,
    scenarioTitles: Object.fromEntries(
      view.published.scenarios.filter((s) => exam.scenarios?.includes(s.id))
        .map((s) => [s.id, s.title]),
    ),
  };
}

/**
 * A learner's exam attempt with the exam as published in the version the
 * attempt is pinned to, or null when the address names another course or
 * exam than the attempt's (another learner's attempt throws NotFoundError).
 */
export async function findLearnerExamAttempt(
  kv: Deno.Kv,
  learnerId: string,
  params: Record<string, string>,
): Promise<{ attempt: Attempt; view: ExamView } | null> {
  const attempt = await getAttempt(kv, learnerId, params.attempt);
  const view = await findExam(
    kv,
    attempt.courseId,
    params.exam,
    attempt.version,
  );
  return view && view.courseId === params.course &&
      view.key === attempt.moduleId
    ? { attempt, view }
    : null;
}
