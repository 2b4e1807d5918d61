/** The rubric grader adapted to the scenario engine's grader shape. */
import type { ReplyGrader } from "./engine.ts";
import { gradeReply, verdictLines } from "@/lib/rubric/rubric.ts";

/**
 * Grades a scenario reply with its rubric, limited to the node's elements.
 * The score is 0 when a red line is crossed or the reply is refused, so the
 * node fails whatever its pass mark; the lines keep the blockers, criteria
 * and deductions with their reason codes and spans. Blockers also go to the
 * engine as such, so the run records each breach with its words.
 */
export const gradeReplyForScenario: ReplyGrader = (rubric, text, elements) => {
  const verdict = gradeReply(rubric, text, { elements });
  return {
    score: verdict.score,
    criteria: verdictLines(verdict),
    blockers: verdict.blockers.map((b) => ({
      category: b.category,
      text: b.span.text,
      start: b.span.start,
      end: b.span.end,
    })),
  };
};
