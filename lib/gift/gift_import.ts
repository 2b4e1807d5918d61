/**
 * GIFT import into a course's question bank and export of a bank, on the
 * published course in the content store (lib/content/content_store.ts).
 *
 * Until the authoring workspace's drafts exist, an import is saved as a new
 * immutable course version whose bank is the planned bank: attempts already
 * started keep their version, new attempts use the new one. The version's
 * hash is `gift-<sha256>` of its content, so importing the same result twice
 * writes nothing. The preview names the version it was computed on; saving
 * refuses when the course moved on since (the trainer previews again).
 *
 * @module
 */
import type { QuestionBank } from "@/lib/content/schema.ts";
import { importCourse } from "@/lib/content/content_store.ts";
import { forgetCourseHeads, getCourseView } from "@/lib/content/course_view.ts";
import {
  type PublishedCourse,
  PublishedCourseSchema,
} from "@/lib/content/published.ts";
import { exportGift, type GiftExport } from "./export.ts";
import { type GiftPlan, planGiftImport } from "./plan.ts";
import type { GiftContext } from "./to_question.ts";

/** What the trainer chose for questions that carry no bank fields. */
export interface GiftDefaults {
  module: string;
  skill: string;
  difficulty: 1 | 2 | 3;
}

/** The importer's context from a published course. */
export function giftContext(
  published: PublishedCourse,
  defaults: GiftDefaults,
): GiftContext {
  return {
    modules: published.modules.map((m) => m.module.id),
    skills: published.course.skills.map((s) => s.id),
    rubrics: published.rubrics.map((r) => r.id),
    defaults: {
      module: defaults.module,
      skills: [defaults.skill],
      difficulty: defaults.difficulty,
    },
  };
}

/** What the import page offers: the course's banks, modules and skills. */
export interface GiftCourseInfo {
  courseId: string;
  title: string;
  version: number;
  banks: { id: string; title: string; questions: number }[];
  modules: { id: string; title: string }[];
  skills: { id: string; title: string }[];
}

/** The course's import choices, or null for an unknown course. */
export async function giftCourseInfo(
  kv: Deno.Kv,
  courseId: string,
): Promise<GiftCourseInfo | null> {
  const view = await getCourseView(kv, courseId);
  if (!view) return null;
  const p = view.published;
  return {
    courseId,
    title: p.course.title,
    version: view.version,
    banks: p.banks.map((b) => ({
      id: b.id,
      title: b.title,
      questions: b.questions.length,
    })),
    modules: p.modules.map((m) => ({ id: m.module.id, title: m.module.title })),
    skills: p.course.skills.map((s) => ({ id: s.id, title: s.title })),
  };
}

/** A preview: the plan and the version it was computed on. */
export interface GiftPreview {
  plan: GiftPlan;
  version: number;
  /** True when the bank does not exist yet and the import creates it. */
  newBank: boolean;
}

/** Why an import was not saved. */
export type GiftImportRefusal = "no_course" | "problems" | "nothing" | "moved";

/** Plans importing `text` into `bankId` of the latest version of `courseId`, saving nothing. */
export async function previewGiftImport(
  kv: Deno.Kv,
  courseId: string,
  bank: { id: string; title: string },
  text: string,
  defaults: GiftDefaults,
): Promise<GiftPreview | null> {
  const view = await getCourseView(kv, courseId);
  if (!view) return null;
  const existing = view.published.banks.find((b) => b.id === bank.id);
  const target: QuestionBank = existing ??
    { id: bank.id, title: bank.title, questions: [] };
  const takenIds = view.published.banks.filter((b) => b.id !== bank.id)
    .flatMap((b) => b.questions.map((q) => q.id));
  const plan = planGiftImport(text, target, {
    ...giftContext(view.published, defaults),
    takenIds,
  });
  return { plan, version: view.version, newBank: !existing };
}

/**
 * Saves the planned bank as a new course version when the preview had no
 * problems, changes something, and the course is still at `baseVersion`.
 */
export async function importGift(
  kv: Deno.Kv,
  courseId: string,
  bank: { id: string; title: string },
  text: string,
  defaults: GiftDefaults,
  baseVersion: number,
  now: Date,
): Promise<
  { ok: true; version: number; preview: GiftPreview } | {
    ok: false;
    reason: GiftImportRefusal;
    preview?: GiftPreview;
  }
> {
  const preview = await previewGiftImport(kv, courseId, bank, text, defaults);
  if (!preview) return { ok: false, reason: "no_course" };
  if (preview.plan.problems.length) {
    return { ok: false, reason: "problems", preview };
  }
  if (preview.version !== baseVersion) {
    return { ok: false, reason: "moved", preview };
  }
  if (preview.plan.creates + preview.plan.updates === 0) {
    return { ok: false, reason: "nothing", preview };
  }
  const view = (await getCourseView(kv, courseId))!;
  const banks = view.published.banks.some((b) => b.id === bank.id)
    ? view.published.banks.map((
      b,
    ) => (b.id === bank.id ? preview.plan.bank : b))
    : [...view.published.banks, preview.plan.bank];
  const content = PublishedCourseSchema.parse({ ...view.published, banks });
  const bytes = new TextEncoder().encode(JSON.stringify(content));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hash = `gift-${
    [...digest].map((b) => b.toString(16).padStart(2, "0")).join("")
  }`;
  const result = await importCourse(kv, courseId, hash, content, now);
  forgetCourseHeads();
  return { ok: true, version: result.version, preview };
}

/** The GIFT text of one bank of the latest version, or null when there is no such bank. */
export async function exportBankGift(
  kv: Deno.Kv,
  courseId: string,
  bankId: string,
): Promise<GiftExport | null> {
  const view = await getCourseView(kv, courseId);
  const bank = view?.published.banks.find((b) => b.id === bankId);
  return bank ? exportGift(bank) : null;
}
