import { isPreviewRole } from "@/lib/preview/preview_kinds.ts";
import type { Handlers } from "$fresh/server.ts";
import { z } from "zod";
import { readJsonInput } from "@/lib/http/json_input.ts";
import { codedErrors } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
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
export const handler: Handlers<unknown, SignedInState> = {
  async POST(req, ctx) {
    const loaded = await findLearnerRun(
      ctx.state.kv,
      ctx.state.user.id,
      ctx.params,
    );
    if (!loaded) return ctx.renderNotFound();
    const { run, found } = loaded;
    const input = await readJsonInput(req, ctx.state.t, 16 * 1024, TurnInput);
    if (!input.ok) return input.response;
    try {
      const next = await takeTurn(
        ctx.state.kv,
        ctx.state.user.id,
        run.id,
        found.scenario,
        found.rubrics,
        gradeReplyForScenario,
        input.data,
        new Date(),
        ctx.state.user.cohortId,
        { preview: isPreviewRole(ctx.state.user.role) },
      );
      return Response.json(
        chatView(found.scenario, next, found.rubrics, ctx.state.t),
      );
    } catch (e) {
      if (e instanceof ScenarioInputError) {
        return codedErrors(ctx.state.t, e);
      }
      throw e;
    }
  },
};
