/**
 * The generic assessment preview: find the assessment, draw an attempt as a
 * learner's would be drawn, score the answers with the learner's grading
 * function, and keep it in the preview store only. An assessment kind plugs
 * in with a source in ASSESSMENT_SOURCES (the exam engine adds "exam").
 */
import {
  type Attempt,
  AttemptSchema,
  gradeAttempt,
} from "@/lib/quiz/attempt.ts";
import { findExam } from "@/lib/exam/exam_view.ts";
import { drawQuestions, seededRandom } from "@/lib/quiz/draw.ts";
import {
  attemptQuestions,
  findModuleQuiz,
  type ModuleQuizView,
} from "@/lib/quiz/quiz_page.ts";
import type { Answer } from "@/lib/quiz/score.ts";
import type { AssessmentKind } from "./preview_kinds.ts";
import {
  getPreview,
  newPreviewId,
  type Preview,
  savePreview,
} from "./preview_store.ts";

/**
 * Finds an assessment of a course by its reference, in the latest or a given
 * version, as the view a learner's attempt is drawn from; null when missing.
 */
export type AssessmentSource = (
  kv: Deno.Kv,
  courseId: string,
  ref: string,
  version?: number,
) => Promise<ModuleQuizView | null>;

/** Where each assessment kind is found; a new kind adds its source here. */
export const ASSESSMENT_SOURCES: Partial<
  Record<AssessmentKind, AssessmentSource>
> = {
  // A module quiz is named by its module.
  quiz: (kv, courseId, moduleId, version) =>
    findModuleQuiz(kv, courseId, moduleId, version),
  // An exam, drawn from its blueprint as the exam engine draws it.
  exam: async (kv, courseId, examId, version) => {
    const view = await findExam(kv, courseId, examId, version);
    return view && {
      courseId,
      courseTitle: "",
      version: view.version,
      moduleId: view.exam.id,
      moduleTitle: view.exam.title,
      quiz: view.quiz,
      questions: view.questions,
      rubrics: view.rubrics,
      lessonOrder: [],
      skills: {},
    };
  },
};

/** Finds the assessment a preview is of; null when unknown. */
export function findAssessment(
  kv: Deno.Kv,
  kind: AssessmentKind,
  courseId: string,
  ref: string,
  version?: number,
): Promise<ModuleQuizView | null> {
  const source = ASSESSMENT_SOURCES[kind];
  return source ? source(kv, courseId, ref, version) : Promise.resolve(null);
}

/**
 * Starts a preview: draws the questions with the learner's draw rules and a
 * fresh seed. No attempt limit or cool-down applies (they protect learners'
 * records, and a preview is none).
 */
export async function startPreview(
  kv: Deno.Kv,
  userId: string,
  kind: AssessmentKind,
  ref: string,
  found: ModuleQuizView,
  now: Date,
): Promise<Preview> {
  const id = newPreviewId(now);
  const seed = `${id}:${crypto.randomUUID()}`;
  const attempt = AttemptSchema.parse(
    {
      id,
      learnerId: userId,
      courseId: found.courseId,
      version: found.version,
      moduleId: found.moduleId,
      questionIds: drawQuestions(
        found.questions,
        found.quiz.draw,
        seededRandom(seed),
      ),
      seed,
      passPercent: found.quiz.passPercent,
      status: "open",
      startedAt: now,
      deadline: null,
      answers: {},
    } satisfies Attempt,
  );
  const preview: Preview = { id, userId, kind, ref, attempt };
  await savePreview(kv, preview);
  return preview;
}

/**
 * Scores a preview with the same function that grades a learner's attempt.
 * Scoring again replaces the earlier result (a preview is for trying).
 */
export async function scorePreview(
  kv: Deno.Kv,
  userId: string,
  previewId: string,
  answers: Record<string, Answer>,
  now: Date,
): Promise<{ preview: Preview; found: ModuleQuizView }> {
  const preview = await getPreview(kv, userId, previewId);
  const found = await requireAssessment(kv, preview);
  const questions = attemptQuestions(found, preview.attempt);
  const result = gradeAttempt(
    questions,
    answers,
    found.rubrics,
    preview.attempt.passPercent,
    false,
  );
  const scored: Preview = {
    ...preview,
    attempt: {
      ...preview.attempt,
      answers,
      status: "submitted",
      submittedAt: now,
      result,
    },
  };
  await savePreview(kv, scored);
  return { preview: scored, found };
}

/** The assessment version a preview was drawn from. */
export async function requireAssessment(
  kv: Deno.Kv,
  preview: Preview,
): Promise<ModuleQuizView> {
  const found = await findAssessment(
    kv,
    preview.kind,
    preview.attempt.courseId,
    preview.ref,
    preview.attempt.version,
  );
  if (!found) {
    throw new Error(
      `Cannot show preview "${preview.id}": ${preview.kind} "${preview.ref}" version ${preview.attempt.version} is gone`,
    );
  }
  return found;
}
