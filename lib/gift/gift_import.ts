/**
 * GIFT import into a question bank's draft and export of a bank, in the
 * course workspace of lib/authoring/ (drafts over the published version).
 *
 * An import saves the bank's YAML file (`assessments/quizzes/<bank>.yaml`)
 * as a draft through lib/authoring/draft_store.ts: nothing reaches learners
 * until a trainer publishes the course in the workspace, where the draft is
 * checked by the same code as `content:check`. The preview names the draft
 * it was computed on (its versionstamp, or the published version when the
 * file has no draft); saving refuses when that moved since, and the draft
 * store refuses a concurrent save the same way, keeping the text as a
 * conflict copy.
 *
 * @module
 */
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { saveDraft } from "@/lib/authoring/draft_store.ts";
import {
  contentRoot,
  openWorkspace,
  type Workspace,
} from "@/lib/authoring/workspace.ts";
import { getCourseView } from "@/lib/content/course_view.ts";
import type { PublishedCourse } from "@/lib/content/published.ts";
import { type QuestionBank, QuestionBankSchema } from "@/lib/content/schema.ts";
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

/** A bank file of the workspace. */
interface BankFile {
  path: string;
  bank: QuestionBank;
}

const BANK_DIR = "assessments/quizzes/";

/** The workspace's readable banks (drafts applied); an unreadable draft is left out. */
function banksOf(ws: Workspace): BankFile[] {
  return Object.entries(ws.files)
    .filter(([path]) => path.startsWith(BANK_DIR) && /\.ya?ml$/.test(path))
    .flatMap(([path, text]) => {
      try {
        const parsed = QuestionBankSchema.safeParse(parseYaml(text));
        return parsed.success ? [{ path, bank: parsed.data }] : [];
      } catch {
        return [];
      }
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** What the import page offers: the course's banks (drafts included), modules and skills. */
export interface GiftCourseInfo {
  courseId: string;
  title: string;
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
  const ws = await openWorkspace(kv, courseId, contentRoot());
  if (!view || !ws) return null;
  const p = view.published;
  return {
    courseId,
    title: p.course.title,
    banks: banksOf(ws).map(({ bank: b }) => ({
      id: b.id,
      title: b.title,
      questions: b.questions.length,
    })),
    modules: p.modules.map((m) => ({ id: m.module.id, title: m.module.title })),
    skills: p.course.skills.map((s) => ({ id: s.id, title: s.title })),
  };
}

/** A preview: the plan and what it was computed on. */
export interface GiftPreview {
  plan: GiftPlan;
  /** The bank file the import writes. */
  path: string;
  /** The draft versionstamp of that file, or `v<published version>` without a draft. */
  base: string;
  /** True when the bank does not exist yet and the import creates it. */
  newBank: boolean;
}

/** Why an import was not saved. */
export type GiftImportRefusal = "no_course" | "problems" | "nothing" | "moved";

async function preview(
  kv: Deno.Kv,
  courseId: string,
  bank: { id: string; title: string },
  text: string,
  defaults: GiftDefaults,
): Promise<{ preview: GiftPreview; draftStamp: string | null } | null> {
  const view = await getCourseView(kv, courseId);
  const ws = await openWorkspace(kv, courseId, contentRoot());
  if (!view || !ws) return null;
  const banks = banksOf(ws);
  const found = banks.find((b) => b.bank.id === bank.id);
  const path = found?.path ?? `${BANK_DIR}${bank.id}.yaml`;
  const target = found?.bank ??
    { id: bank.id, title: bank.title, questions: [] };
  const takenIds = banks.filter((b) => b.bank.id !== bank.id)
    .flatMap((b) => b.bank.questions.map((q) => q.id));
  const plan = planGiftImport(text, target, {
    ...giftContext(view.published, defaults),
    takenIds,
  });
  const draftStamp = ws.drafts.find((d) => d.path === path)?.versionstamp ??
    null;
  return {
    preview: {
      plan,
      path,
      base: draftStamp ?? `v${ws.baseVersion}`,
      newBank: !found,
    },
    draftStamp,
  };
}

/** Plans importing `text` into `bank` of the course's workspace, saving nothing. */
export async function previewGiftImport(
  kv: Deno.Kv,
  courseId: string,
  bank: { id: string; title: string },
  text: string,
  defaults: GiftDefaults,
): Promise<GiftPreview | null> {
  return (await preview(kv, courseId, bank, text, defaults))?.preview ?? null;
}

/**
 * Saves the planned bank as a draft of its file when the preview had no
 * problems, changes something, and the file is still at `base`.
 */
export async function importGift(
  kv: Deno.Kv,
  courseId: string,
  bank: { id: string; title: string },
  text: string,
  defaults: GiftDefaults,
  base: string,
  actorId: string,
  now: Date,
): Promise<
  { ok: true; preview: GiftPreview } | {
    ok: false;
    reason: GiftImportRefusal;
    preview?: GiftPreview;
  }
> {
  const found = await preview(kv, courseId, bank, text, defaults);
  if (!found) return { ok: false, reason: "no_course" };
  const p = found.preview;
  if (p.plan.problems.length) {
    return { ok: false, reason: "problems", preview: p };
  }
  if (p.base !== base) return { ok: false, reason: "moved", preview: p };
  if (p.plan.creates + p.plan.updates === 0) {
    return { ok: false, reason: "nothing", preview: p };
  }
  const saved = await saveDraft(
    kv,
    {
      courseId,
      path: p.path,
      text: stringifyYaml(p.plan.bank, { lineWidth: 0 }),
      basedOn: found.draftStamp,
    },
    actorId,
    now,
  );
  if (!saved.ok) return { ok: false, reason: "moved", preview: p };
  return { ok: true, preview: p };
}

/** The GIFT text of one bank as the workspace holds it (drafts applied), or null. */
export async function exportBankGift(
  kv: Deno.Kv,
  courseId: string,
  bankId: string,
): Promise<GiftExport | null> {
  const ws = await openWorkspace(kv, courseId, contentRoot());
  const found = ws && banksOf(ws).find((b) => b.bank.id === bankId);
  return found ? exportGift(found.bank) : null;
}
