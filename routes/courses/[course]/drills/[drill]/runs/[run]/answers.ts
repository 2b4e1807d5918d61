import { isPreviewRole } from "@/lib/preview/preview_kinds.ts";
import { z } from "zod";
import {
  answerDrillItem,
  DrillInputError,
  MAX_DRILL_ANSWER,
} from "@/lib/drill/drill_run_store.ts";
import { drillResults, findLearnerDrillRun } from "@/lib/drill/drill_view.ts";
import { runStepHandlers } from "@/lib/http/run_step.ts";

const AnswerInput = z.strictObject({
  itemId: z.string().max(100),
  text: z.string().max(MAX_DRILL_ANSWER),
  idempotencyKey: z.string().min(8).max(100),
});

/** One timed answer: the server measures the time and grades the reply. */
export const handler = runStepHandlers({
  find: findLearnerDrillRun,
  input: AnswerInput,
  maxBytes: 8 * 1024,
  refused: DrillInputError,
  async step({ run, found }, input, { state }, now) {
    const next = await answerDrillItem(
      state.kv,
      state.user.id,
      run.id,
      found.drill,
      found.rubrics,
      input,
      now,
      state.user.cohortId,
      { preview: isPreviewRole(state.user.role) },
    );
    return { results: drillResults(next, state.t), total: next.score ?? null };
  },
});
