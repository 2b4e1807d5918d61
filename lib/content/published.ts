/**
 * A published course: the exact content a learner sees, as stored in one
 * immutable version of the content store. Inline `ref:` checks are resolved
 * to their bank question at publish time so a version never depends on a
 * bank that changes later.
 */
import { z } from "zod";
import type { ContentTree, LoadedCourse } from "./loader.ts";
import {
  CertificationSchema,
  CourseSchema,
  DrillSchema,
  ExamSchema,
  InlineQuestionSchema,
  LessonFrontmatterSchema,
  ModuleSchema,
  ObservationSchema,
  PlanSchema,
  type Question,
  QuestionBankSchema,
  RubricSchema,
  ScenarioSchema,
  SurveySchema,
} from "./schema.ts";
import { ReplySetSchema } from "./reply_schema.ts";

/** One lesson as published: frontmatter, Markdown body, resolved inline checks. */
export const PublishedLessonSchema = z.object({
  lesson: LessonFrontmatterSchema,
  body: z.string(),
  checks: z.array(InlineQuestionSchema),
});
export type PublishedLesson = z.infer<typeof PublishedLessonSchema>;

/** One module as published. */
export const PublishedModuleSchema = z.object({
  dir: z.string(),
  module: ModuleSchema,
  lessons: z.array(PublishedLessonSchema),
});
export type PublishedModule = z.infer<typeof PublishedModuleSchema>;

/** A whole course version with the assessments it can use. */
export const PublishedCourseSchema = z.object({
  course: CourseSchema,
  modules: z.array(PublishedModuleSchema),
  banks: z.array(QuestionBankSchema),
  rubrics: z.array(RubricSchema),
  scenarios: z.array(ScenarioSchema),
  drills: z.array(DrillSchema),
  surveys: z.array(SurveySchema),
  observations: z.array(ObservationSchema),
  exams: z.array(ExamSchema),
  plans: z.array(PlanSchema),
  // Versions imported before levels existed have none.
  certifications: z.array(CertificationSchema).default([]),
  // The reply library; versions imported before it existed have none.
  replies: z.array(ReplySetSchema).optional(),
});
export type PublishedCourse = z.infer<typeof PublishedCourseSchema>;

/**
 * Builds the published form of a course from a checked tree. Throws when an
 * inline `ref:` names no bank question (content:check reports that first).
 */
export function publishCourse(
  tree: ContentTree,
  course: LoadedCourse,
): PublishedCourse {
  const questions = new Map<string, Question>();
  for (const bank of tree.banks) {
    for (const q of bank.data.questions) questions.set(q.id, q);
  }
  return PublishedCourseSchema.parse({
    course: course.data,
    modules: course.modules.map((m) => ({
      dir: m.dir,
      module: m.data,
      lessons: m.lessons.map((l) => ({
        lesson: l.data,
        body: l.body,
        checks: l.checks.map(({ data }) => {
          if (!("ref" in data)) return data;
          const q = questions.get(data.ref);
          if (!q) {
            throw new Error(
              `Cannot publish lesson "${l.data.id}": question "${data.ref}" does not exist`,
            );
          }
          return q;
        }),
      })),
    })),
    banks: tree.banks.map((b) => b.data),
    rubrics: tree.rubrics.map((r) => r.data),
    scenarios: tree.scenarios.map((s) => s.data),
    drills: tree.drills.map((d) => d.data),
    surveys: tree.surveys.map((s) => s.data),
    observations: tree.observations.map((o) => o.data),
    exams: tree.exams.map((e) => e.data),
    plans: tree.plans.map((p) => p.data),
    certifications: tree.certifications.map((c) => c.data),
    replies: (tree.replySets ?? []).map((r) => r.data),
  });
}
