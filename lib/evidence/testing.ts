/**
 * Statements the evidence, export and dashboard tests build by hand.
 * Test-only: no module of the app imports it.
 *
 * @module
 */
import {
  buildStatement,
  type Statement,
  type StatementInput,
} from "./statement.ts";

/**
 * A learner completed lesson "第一课" (lessons/l1) of course "onboarding",
 * version 1, at `at`; `more` overrides any field.
 */
export function lessonCompleted(
  learnerId: string,
  at: Date,
  more: Partial<StatementInput> = {},
): Statement {
  return buildStatement({
    learnerId,
    verb: "completed",
    activity: { kind: "lesson", path: "lessons/l1", name: "第一课" },
    courseId: "onboarding",
    contentVersion: 1,
    at,
    ...more,
  });
}
