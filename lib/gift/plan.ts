/**
 * What importing a GIFT file into a bank would do, computed without saving:
 * per question its type, whether it creates or updates (a question whose id,
 * from `[id:…]`, is already in the bank is updated in place, so a re-import
 * never duplicates), counts per type, and every problem and warning at
 * line:col. The preview page, `deno task gift` and the import itself all use
 * this one plan.
 *
 * @module
 */
import type {
  Question,
  QuestionBank,
  QuestionType,
} from "@/lib/content/schema.ts";
import { isDeepStrictEqual } from "node:util";
import { type GiftProblem, type GiftWarning, parseGift } from "./parse.ts";
import {
  type GiftContext,
  giftToQuestion,
  type MappedQuestion,
} from "./to_question.ts";

/** One question of the plan. */
export interface PlannedQuestion extends MappedQuestion {
  /** What saving would do with it (absent when problems stop it). */
  action?: "create" | "update" | "unchanged";
}

/** The import plan of one GIFT text into one bank. */
export interface GiftPlan {
  questions: PlannedQuestion[];
  /** Every problem, in file order; a plan with problems is not imported. */
  problems: GiftProblem[];
  warnings: GiftWarning[];
  /** Importable questions per our type. */
  counts: Partial<Record<QuestionType, number>>;
  /** Questions per GIFT kind read (MC, TF, Short, …), importable or not. */
  giftCounts: Record<string, number>;
  categories: string[];
  creates: number;
  updates: number;
  unchanged: number;
  /** The bank after the import (existing questions updated in place, new ones appended). */
  bank: QuestionBank;
}

const byPosition = (
  a: { line: number; col: number },
  b: { line: number; col: number },
) => a.line - b.line || a.col - b.col;

/** Plans importing `text` into `bank` (see the module notes). */
export function planGiftImport(
  text: string,
  bank: QuestionBank,
  ctx: GiftContext,
): GiftPlan {
  const parsed = parseGift(text);
  const problems: GiftProblem[] = [...parsed.problems];
  const warnings: GiftWarning[] = [];
  const questions: PlannedQuestion[] = [];
  const counts: GiftPlan["counts"] = {};
  const giftCounts: Record<string, number> = {};
  const seen = new Map<string, number>();
  const merged = bank.questions.slice();
  let creates = 0;
  let updates = 0;
  let unchanged = 0;
  for (const item of parsed.items) {
    const mapped: PlannedQuestion = giftToQuestion(item, ctx);
    giftCounts[mapped.giftType] = (giftCounts[mapped.giftType] ?? 0) + 1;
    const q = mapped.question;
    if (q && seen.has(q.id)) {
      mapped.problems.push({
        code: "duplicate_id",
        id: q.id,
        line: mapped.line,
        col: mapped.col,
      });
      delete mapped.question;
    }
    problems.push(...mapped.problems);
    warnings.push(...mapped.warnings);
    questions.push(mapped);
    if (!mapped.question) continue;
    const question: Question = mapped.question;
    seen.set(question.id, mapped.line);
    counts[question.type] = (counts[question.type] ?? 0) + 1;
    const at = merged.findIndex((x) => x.id === question.id);
    if (at < 0) {
      merged.push(question);
      mapped.action = "create";
      creates++;
    } else if (isDeepStrictEqual(merged[at], question)) {
      mapped.action = "unchanged";
      unchanged++;
    } else {
      merged[at] = question;
      mapped.action = "update";
      updates++;
    }
  }
  return {
    questions,
    problems: problems.sort(byPosition),
    warnings: warnings.sort(byPosition),
    counts,
    giftCounts,
    categories: parsed.categories,
    creates,
    updates,
    unchanged,
    bank: { ...bank, questions: merged },
  };
}
