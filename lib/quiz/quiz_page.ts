/**
 * What module quiz pages show: the quiz of a module in a course version, the
 * questions of an attempt without their keys, and the review after it.
 */
import {
  type CourseView,
  getCourseVersionView,
  getCourseView,
} from "@/lib/content/course_view.ts";
import type { ModuleQuiz, Question, Rubric } from "@/lib/content/schema.ts";
import type { Attempt } from "./attempt.ts";
import { getAttempt } from "./attempt_store.ts";
import { type PublicQuestion, toPublicQuestion } from "./public_question.ts";
import type { Answer } from "./score.ts";
import { labelOptionRefs } from "./option_labels.ts";
import { typeOf } from "@/lib/question_types/registry.ts";
import type { TrueFalseWords } from "@/lib/question_types/common/types.ts";

/** A module quiz as published in one course version. */
export interface ModuleQuizView {
  courseId: string;
  courseTitle: string;
  version: number;
  moduleId: string;
  moduleTitle: string;
  quiz: ModuleQuiz;
  questions: Question[];
  rubrics: Rubric[];
  /** Lesson URLs of the course in course order. */
  lessonOrder: string[];
  /** Skill id -> title and the lessons of the course that teach it. */
  skills: Record<
    string,
    { title: string; lessons: { url: string; title: string }[] }
  >;
}

/** The module's quiz in the latest (or given) course version, or null. */
export async function findModuleQuiz(
  kv: Deno.Kv,
  courseId: string,
  moduleId: string,
  version?: number,
): Promise<ModuleQuizView | null> {
  const view = version === undefined
    ? await getCourseView(kv, courseId)
    : await getCourseVersionView(kv, courseId, version);
  if (!view) return null;
  // A version is immutable: build each module's quiz view once per version.
  let perView = quizViews.get(view);
  if (!perView) quizViews.set(view, perView = new Map());
  if (!perView.has(moduleId)) {
    perView.set(moduleId, buildQuizView(view, courseId, moduleId));
  }
  return perView.get(moduleId)!;
}

const quizViews = new WeakMap<CourseView, Map<string, ModuleQuizView | null>>();

function buildQuizView(
  view: CourseView,
  courseId: string,
  moduleId: string,
): ModuleQuizView | null {
  const module = view.published.modules.find((m) => m.module.id === moduleId);
  const quiz = module?.module.quiz;
  const bank = quiz && view.published.banks.find((b) => b.id === quiz.bank);
  if (!module || !quiz || !bank) return null;
  const skills: ModuleQuizView["skills"] = {};
  for (const s of view.published.course.skills) {
    skills[s.id] = {
      title: s.title,
      lessons: view.lessons.filter((l) => l.lesson.lesson.skills.includes(s.id))
        .map((l) => ({
          url: l.url,
          title: l.lesson.lesson.title,
        })),
    };
  }
  return {
    courseId,
    courseTitle: view.published.course.title,
    version: view.version,
    moduleId,
    moduleTitle: module.module.title,
    quiz,
    questions: bank.questions,
    rubrics: view.published.rubrics,
    lessonOrder: view.lessons.map((l) => l.url),
    skills,
  };
}

/** The attempt's questions, in its order. */
export function attemptQuestions(
  found: ModuleQuizView,
  attempt: Attempt,
): Question[] {
  const byId = new Map(found.questions.map((q) => [q.id, q]));
  return attempt.questionIds.map((id) => {
    const q = byId.get(id);
    if (!q) {
      throw new Error(
        `Cannot show attempt "${attempt.id}": question "${id}" is not in version ${attempt.version}`,
      );
    }
    return q;
  });
}

/** The attempt's questions as the learner may see them before submitting. */
export function publicQuestions(
  questions: readonly Question[],
  attempt: Attempt,
): { id: string; question: PublicQuestion }[] {
  return questions.map((q) => ({
    id: q.id,
    question: toPublicQuestion(q, `${attempt.seed}/${q.id}`, true),
  }));
}

/** One reviewed question. */
export interface ReviewItem {
  id: string;
  prompt: string;
  yours: string;
  key: string;
  explanation?: string;
  points: number;
  correct: boolean;
}

/** The review shown after a quiz. */
export interface QuizReview {
  items: ReviewItem[];
  weakSkills: {
    id: string;
    title: string;
    lessons: { url: string; title: string }[];
  }[];
}

/** Builds the review: each question with both answers, and the skills to revisit. */
export function reviewAttempt(
  found: ModuleQuizView,
  attempt: Attempt,
  words: TrueFalseWords,
): QuizReview {
  const questions = attemptQuestions(found, attempt);
  const results = new Map(
    attempt.result?.questions.map((r) => [r.questionId, r]),
  );
  const weak = new Set<string>();
  // Labels follow the order this attempt showed the options in.
  const shown = new Map(
    publicQuestions(questions, attempt).map((p) => [
      p.id,
      "options" in p.question ? p.question.options.map((o) => o.id) : [],
    ]),
  );
  const items = questions.map((q): ReviewItem => {
    const r = results.get(q.id);
    if (!r?.correct) q.skills.forEach((s) => weak.add(s));
    const ids = shown.get(q.id) ?? [];
    return {
      id: q.id,
      prompt: q.prompt,
      yours: describeAnswer(q, attempt.answers[q.id], words, ids),
      key: describeKey(q, words, ids),
      explanation: q.explanation && labelOptionRefs(q.explanation, ids),
      points: r?.points ?? 0,
      correct: r?.correct ?? false,
    };
  });
  return {
    items,
    weakSkills: [...weak].map((id) => ({
      id,
      title: found.skills[id]?.title ?? id,
      lessons: found.skills[id]?.lessons ?? [],
    })),
  };
}

export type { TrueFalseWords } from "@/lib/question_types/common/types.ts";

/** The learner's answer in words ("—" when unanswered or of another type). */
export function describeAnswer(
  q: Question,
  a: Answer | undefined,
  words: TrueFalseWords,
  shownIds: readonly string[] = [],
): string {
  if (!a || a.type !== q.type) return "—";
  return typeOf(q).describeAnswer(q, a, words, shownIds);
}

/** The expected answer in words. */
export function describeKey(
  q: Question,
  words: TrueFalseWords,
  shownIds: readonly string[] = [],
): string {
  return typeOf(q).describeKey(q, words, shownIds);
}

/**
 * A learner's quiz attempt with the module quiz as published in the version
 * the attempt is pinned to, or null when the address names another course or
 * module than the attempt's (another learner's attempt throws NotFoundError).
 */
export async function findLearnerAttempt(
  kv: Deno.Kv,
  learnerId: string,
  params: Record<string, string>,
): Promise<{ attempt: Attempt; found: ModuleQuizView } | null> {
  const attempt = await getAttempt(kv, learnerId, params.attempt);
  const found = await findModuleQuiz(
    kv,
    attempt.courseId,
    attempt.moduleId,
    attempt.version,
  );
  return found && found.courseId === params.course &&
      found.moduleId === params.module
    ? { attempt, found }
    : null;
}
