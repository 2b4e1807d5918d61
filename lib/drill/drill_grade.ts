/**
 * Grading of one drill answer: the drill's rubric (limited to the item's
 * `elements`) plus the item's own `criteria`, which every reply must meet
 * (the customer's problem it answers), red lines included. The same grader
 * as a scenario reply node (lib/rubric).
 *
 * @module
 */
import type { Drill, Rubric } from "@/lib/content/schema.ts";
import { gradeReply, type Verdict } from "@/lib/rubric/rubric.ts";
import { DRILL_PASS } from "./drill_score.ts";
import { findPlaceholders } from "@/lib/replies/placeholders.ts";

/** The id of the verdict line an adapt item adds for placeholders left unfilled. */
export const UNFILLED = "placeholders";

/** One item of a drill. */
export type DrillItem = Drill["items"][number];

/** Grades `text` as the answer to `item` of `drill`. */
export function gradeDrillItem(
  drill: Drill,
  rubrics: readonly Rubric[],
  item: DrillItem,
  text: string,
): Verdict {
  const rubric = rubrics.find((r) => r.id === drill.rubric);
  if (!rubric) {
    throw new Error(
      `Cannot grade drill "${drill.id}": rubric "${drill.rubric}" is missing`,
    );
  }
  const verdict = gradeReply(rubric, text, {
    elements: item.elements,
    must: item.criteria,
    passPercent: DRILL_PASS,
  });
  if (!item.reply || verdict.refused) return verdict;
  // An adapt item: a placeholder left in would reach the customer as "{订单号}".
  const left = findPlaceholders(verdict.text);
  const line = {
    id: UNFILLED,
    element: "solution" as const,
    label: UNFILLED,
    met: left.length === 0,
    reason: left.length === 0 ? "met" as const : "missing" as const,
    must: true,
    spans: left.map((p) => ({
      start: p.start,
      end: p.end,
      text: verdict.text.slice(p.start, p.end),
    })),
  };
  if (line.met) return { ...verdict, criteria: [...verdict.criteria, line] };
  const score = Math.min(verdict.score, DRILL_PASS - 1);
  return {
    ...verdict,
    criteria: [...verdict.criteria, line],
    score,
    contentScore: Math.min(verdict.contentScore, DRILL_PASS - 1),
    passed: false,
  };
}
