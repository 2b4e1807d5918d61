import { isPreviewRole } from "@/lib/preview/preview_kinds.ts";
import type { Handlers } from "$fresh/server.ts";
import { z } from "zod";
import {
  answerDrillItem,
  DrillInputError,
  MAX_DRILL_ANSWER,
} from "@/lib/drill/drill_run_store.ts";
import { drillResults, findLearnerDrillRun } from "@/lib/drill/drill_view.ts";
import { readJsonInput } from "@/lib/http/json_input.ts";
import { codedErrors } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";

const AnswerInput = z.strictObject({
  itemId: z.string().max(100),
  text: z.string().max(MAX_DRILL_ANSWER),
  idempotencyKey: z.string().min(8).max(100),
});

/** One timed answer: the server measures the time and grades the reply. */
export const handler: Handlers<unknown, SignedInState> = {
  async POST(req, ctx) {
    const now = new Date();
    const loaded = await findLearnerDrillRun(
      ctx.state.kv,
      ctx.state.user.id,
      ctx.params,
    );
    if (!loaded) return ctx.renderNotFound();
    const { run, found } = loaded;
    const input = await readJsonInput(req, ctx.state.t, 8 * 1024, AnswerInput);
    if (!input.ok) return input.response;
    try {
      const next = await answerDrillItem(
        ctx.state.kv,
        ctx.state.user.id,
        run.id,
        found.drill,
        found.rubrics,
        input.data,
        now,
        ctx.state.user.cohortId,
        { preview: isPreviewRole(ctx.state.user.role) },
      );
      return Response.json({
        results: drillResults(next, ctx.state.t),
        total: next.score ?? null,
      });
    } catch (e) {
      if (e instanceof DrillInputError) {
        return codedErrors(ctx.state.t, e);
      }
      throw e;
    }
  },
};
