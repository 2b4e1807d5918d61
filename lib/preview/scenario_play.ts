/**
 * Test-play of a scenario before it is published: from any node, with a
 * chosen customer mood, through the engine learners play (choices applied by
 * `applyChoice`, replies graded by the same rubric grader). Stateless: the
 * moves so far are replayed on every step, so nothing is stored and nothing
 * counts toward anyone's record, like every other preview.
 *
 * @module
 */
import { z } from "zod";
import type { Rubric, Scenario } from "@/lib/content/schema.ts";
import {
  applyChoice,
  applyReply,
  type RunState,
  ScenarioInputError,
  startRun,
} from "@/lib/scenario/engine.ts";
import { gradeReplyForScenario } from "@/lib/scenario/grader.ts";

/** One move of a test-play. */
export const PlayMove = z.union([
  z.strictObject({ choice: z.string().max(100) }),
  z.strictObject({ reply: z.string().max(5000) }),
]);
export type PlayMove = z.infer<typeof PlayMove>;

/** Where a test-play starts and what was played. */
export const PlayInput = z.strictObject({
  node: z.string().max(100),
  mood: z.coerce.number().int().min(0).max(100),
  moves: z.array(PlayMove).max(200),
});
export type PlayInput = z.infer<typeof PlayInput>;

/** A test-play's state, or the move the engine refused. */
export interface PlayResult {
  state: RunState;
  /** The refused last move's field and reason code, if any (earlier moves were applied). */
  refused?: { field: string; code: string };
}

/** Replays `moves` from `node` with the customer's mood set to `mood`. */
export function playScenario(
  scenario: Scenario,
  rubrics: readonly Rubric[],
  input: PlayInput,
): PlayResult | null {
  const { node, mood, moves } = PlayInput.parse(input);
  if (!scenario.nodes[node]) return null;
  let state: RunState = { ...startRun(scenario), nodeId: node, mood };
  for (const move of moves) {
    if (!state.nodeId) break;
    try {
      state = "choice" in move
        ? applyChoice(scenario, state, state.nodeId, move.choice)
        : applyReply(
          scenario,
          state,
          state.nodeId,
          move.reply,
          rubrics,
          gradeReplyForScenario,
        );
    } catch (e) {
      if (e instanceof ScenarioInputError) {
        return { state, refused: { field: e.field, code: e.code } };
      }
      throw e;
    }
  }
  return { state };
}
