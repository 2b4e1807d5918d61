/**
 * Scenario `when` conditions: the one definition the engine and the content
 * checks share, so a condition means the same thing while playing and while
 * validating.
 */
import type { Condition, ScenarioChoice } from "@/lib/content/schema.ts";

/** Conversation state a scenario `when` condition is tested against. */
export interface ConditionState {
  mood: number;
  /** `node.choice` ids picked so far. */
  chose: ReadonlySet<string>;
}

/** Whether every test of a `when` condition holds. */
export function evaluateCondition(
  when: Condition,
  state: ConditionState,
): boolean {
  if (when.moodAtLeast !== undefined && state.mood < when.moodAtLeast) {
    return false;
  }
  if (when.moodBelow !== undefined && state.mood >= when.moodBelow) {
    return false;
  }
  if (when.chose?.some((c) => !state.chose.has(c))) return false;
  if (when.notChose?.some((c) => state.chose.has(c))) return false;
  return true;
}

/** Total of a choice's dimension scores; the model path takes the highest. */
export function choiceTotal(choice: Pick<ScenarioChoice, "scores">): number {
  return Object.values(choice.scores).reduce(
    (a: number, b) => a + (b ?? 0),
    0,
  );
}
