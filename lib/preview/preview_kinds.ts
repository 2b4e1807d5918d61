/**
 * What a trainer can preview, and where. A preview is drawn and scored
 * exactly as a learner's would be, is marked as a preview, counts toward
 * nothing and is stored apart from learners' evidence.
 *
 * Assessments (drawn questions scored in one go: module quizzes, and exams
 * when they exist) go through lib/preview/assessment_preview.ts: a new kind
 * plugs in by adding a source to ASSESSMENT_SOURCES there. Scenarios and
 * drills are previewed on their own practice pages, where a staff member's
 * run writes no evidence (see `isPreviewRole`).
 */
import type { Role } from "@/lib/identity/roles.ts";

/** The kinds of content a trainer previews. */
export type PreviewKind = "quiz" | "exam" | "scenario" | "drill";

/** Assessment kinds: drawn questions, scored at once. */
export const ASSESSMENT_KINDS = ["quiz", "exam"] as const;
/** An assessment kind. */
export type AssessmentKind = typeof ASSESSMENT_KINDS[number];

/** True for a kind previewed by the generic assessment preview. */
export function isAssessmentKind(v: string): v is AssessmentKind {
  return (ASSESSMENT_KINDS as readonly string[]).includes(v);
}

/**
 * Where a trainer previews an item. `ref` is the module id for a module
 * quiz, the exam, scenario or drill id otherwise.
 */
export function previewUrl(
  kind: PreviewKind,
  courseId: string,
  ref: string,
): string {
  const c = encodeURIComponent(courseId);
  const r = encodeURIComponent(ref);
  switch (kind) {
    case "scenario":
      return `/courses/${c}/scenarios/${r}`;
    case "drill":
      return `/courses/${c}/drills/${r}`;
    default:
      return `/preview/${kind}/${c}/${r}`;
  }
}

/**
 * True when what this role does in practice is a preview: everyone but a
 * learner. A preview's runs are scored as usual but write no evidence
 * statement and no progress, so they count toward nothing.
 */
export function isPreviewRole(role: Role): boolean {
  return role !== "learner";
}
