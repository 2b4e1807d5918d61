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
  return gradeReply(rubric, text, {
    elements: item.elements,
    must: item.criteria,
    passPercent: DRILL_PASS,
  });
}
