import { isPreviewRole } from "@/lib/preview/preview_kinds.ts";
import { z } from "zod";
import { runStepHandlers } from "@/lib/http/run_step.ts";
import { gradeReplyForScenario } from "@/lib/scenario/grader.ts";
import { MAX_REPLY_LENGTH, ScenarioInputError } from "@/lib/scenario/engine.ts";
import { takeTurn } from "@/lib/scenario/run_store.ts";
import { chatView } from "@/lib/scenario/run_view.ts";
import { findLearnerRun } from "@/lib/scenario/scenario_page.ts";

const Key = z.string().min(8).max(100);
const TurnInput = z.union([
  z.strictObject({
    nodeId: z.string().max(100),
    choiceId: z.string().max(100),
    idempotencyKey: Key,
  }),
  z.strictObject({
    nodeId: z.string().max(100),
    text: z.string().max(MAX_REPLY_LENGTH),
    idempotencyKey: Key,
  }),
]);

/** One learner turn: the server walks the graph, scores and stores it. */
export const handler = runStepHandlers({
  find: findLearnerRun,
  input: TurnInput,
  maxBytes: 16 * 1024,
  refused: ScenarioInputError,
  async step({ run, found }, input, { state }, now) {
    const next = await takeTurn(
      state.kv,
      state.user.id,
      run.id,
      found.scenario,
      found.rubrics,
      gradeReplyForScenario,
      input,
      now,
      state.user.cohortId,
      { preview: isPreviewRole(state.user.role) },
    );
    return chatView(found.scenario, next, found.rubrics, state.t);
  },
});
