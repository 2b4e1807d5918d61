/** The rubric engine adapted to the scenario engine's grader shape. */
import type { ReplyGrader } from "./engine.ts";
import { gradeReply } from "@/lib/rubric/rubric.ts";

/** Grades a scenario reply with its rubric, limited to the node's elements. */
export const gradeReplyForScenario: ReplyGrader = (rubric, text, elements) => {
  const result = gradeReply(rubric, text, { elements });
  return {
    score: result.score,
    criteria: result.criteria.map((c) => ({
      id: c.id,
      label: c.label,
      passed: c.passed,
      reason: c.reason,
    })),
  };
};
