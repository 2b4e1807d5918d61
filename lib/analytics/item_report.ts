/**
 * The item analysis report of one module quiz or exam: reads its submitted
 * attempts (lib/quiz/attempt_store.ts), finds each question as it was in the
 * course version the attempt was made on, and runs the pure statistics of
 * item_analysis.ts per question version. Picks and options come from the
 * question-type registry (`picks`, `analysisOptions`).
 *
 * @module
 */
import {
  getCourseVersionView,
  getCourseView,
} from "@/lib/content/course_view.ts";
import type { Question, QuestionType } from "@/lib/content/schema.ts";
import { typeOf } from "@/lib/question_types/registry.ts";
import {
  examAssessmentKey,
  listSubmittedAttempts,
} from "@/lib/quiz/attempt_store.ts";
import {
  analyseItems,
  type AttemptRecord,
  type ItemInfo,
  type ItemStats,
  type QuizStats,
} from "./item_analysis.ts";

/** A quiz or exam of the course that has item statistics. */
export interface AssessmentRef {
  /** The attempt store's key: a module id, or `exam:<id>`. */
  key: string;
  title: string;
  kind: "quiz" | "exam";
}

/** One question version's row of the report. */
export interface ItemRow {
  stats: ItemStats;
  questionId: string;
  type: QuestionType;
  prompt: string;
  /** The first course version the attempts saw this question's text in. */
  version: number;
  /** Option texts by id (for the pick-rate table). */
  optionText: Record<string, string>;
}

/** The report of one assessment. */
export interface ItemReport {
  courseId: string;
  courseTitle: string;
  assessments: AssessmentRef[];
  assessment: AssessmentRef | null;
  attempts: "first" | "all";
  quiz: QuizStats | null;
  items: ItemRow[];
}

/** FNV-1a of a question's JSON: the same content, the same version key. */
function contentKey(q: Question): string {
  const text = JSON.stringify(q);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return `${q.id}@${(h >>> 0).toString(16)}`;
}

/**
 * The report of `assessmentKey` (the first assessment when absent) of the
 * latest version of `courseId`; null for an unknown course.
 */
export async function itemReport(
  kv: Deno.Kv,
  courseId: string,
  assessmentKey: string | null,
  attempts: "first" | "all" = "first",
): Promise<ItemReport | null> {
  const view = await getCourseView(kv, courseId);
  if (!view) return null;
  const published = view.published;
  const assessments: AssessmentRef[] = [
    ...published.modules.filter((m) => m.module.quiz).map((m) => ({
      key: m.module.id,
      title: m.module.title,
      kind: "quiz" as const,
    })),
    ...published.exams.map((e) => ({
      key: examAssessmentKey(e.id),
      title: e.title,
      kind: "exam" as const,
    })),
  ];
  const assessment = assessments.find((a) => a.key === assessmentKey) ??
    assessments[0] ?? null;
  const report: ItemReport = {
    courseId,
    courseTitle: published.course.title,
    assessments,
    assessment,
    attempts,
    quiz: null,
    items: [],
  };
  if (!assessment) return report;

  const stored = await listSubmittedAttempts(kv, courseId, assessment.key);
  const byVersion = new Map<number, Map<string, Question>>();
  const questionsOf = async (version: number) => {
    let found = byVersion.get(version);
    if (!found) {
      const v = await getCourseVersionView(kv, courseId, version);
      found = new Map(
        (v?.published.banks ?? []).flatMap((b) =>
          b.questions.map((q) => [q.id, q])
        ),
      );
      byVersion.set(version, found);
    }
    return found;
  };
  const infos = new Map<
    string,
    { info: ItemInfo; row: Omit<ItemRow, "stats"> }
  >();
  const records: AttemptRecord[] = [];
  for (const a of stored) {
    const questions = await questionsOf(a.version);
    const responses = a.questionIds.flatMap((id, slot) => {
      const q = questions.get(id);
      const result = a.result!.questions.find((r) => r.questionId === id);
      if (!q || !result) return [];
      const item = contentKey(q);
      const def = typeOf(q);
      if (!infos.has(item)) {
        const options = def.analysisOptions(q);
        infos.set(item, {
          info: {
            item,
            options: options.map(({ id, correct }) => ({ id, correct })),
          },
          row: {
            questionId: q.id,
            type: q.type,
            prompt: q.prompt,
            version: a.version,
            optionText: Object.fromEntries(options.map((o) => [o.id, o.text])),
          },
        });
      }
      const answer = a.answers[id];
      const picks = answer && answer.type === q.type
        ? def.picks(q, answer)
        : [];
      return [{ item, slot, score: result.points, picks }];
    });
    records.push({
      learnerId: a.learnerId,
      submittedAt: a.submittedAt!,
      responses,
    });
  }
  const { quiz, items } = analyseItems(
    records,
    [...infos.values()].map((i) => i.info),
    {
      attempts,
    },
  );
  report.quiz = quiz;
  report.items = items.map((stats) => ({
    ...infos.get(stats.item)!.row,
    stats,
  }))
    .filter((r) => r.stats.n > 0)
    // Flagged questions first, then by question id.
    .sort((a, b) =>
      Number(b.stats.flags.length > 0) - Number(a.stats.flags.length > 0) ||
      a.questionId.localeCompare(b.questionId)
    );
  return report;
}
