import { isPreviewRole } from "@/lib/preview/preview_kinds.ts";
import type { Handlers } from "$fresh/server.ts";
import { z } from "zod";
import {
  answerDrillItem,
  DrillInputError,
  getDrillRun,
  MAX_DRILL_ANSWER,
} from "@/lib/drill/drill_run_store.ts";
import { drillResults, findDrill } from "@/lib/drill/drill_view.ts";
import { readJsonBody } from "@/lib/http/body.ts";
import { codedErrors, invalidFields } from "@/lib/http/responses.ts";
import { parseForm } from "@/lib/forms/form.ts";
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
    const run = await getDrillRun(
      ctx.state.kv,
      ctx.state.user.id,
      ctx.params.run,
    );
    const found = await findDrill(
      ctx.state.kv,
      run.courseId,
      run.drillId,
      run.version,
    );
    if (
      !found || run.courseId !== ctx.params.course ||
      run.drillId !== ctx.params.drill
    ) return ctx.renderNotFound();
    const body = await readJsonBody(req, 8 * 1024);
    if (!body.ok) return codedErrors(ctx.state.t, body, "body", body.status);
    const input = parseForm(AnswerInput, body.value, "error.code.invalid", {
      formField: "body",
      fullPath: true,
    });
    if (!input.ok) return invalidFields(ctx.state.t, input.errors);
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
