/**
 * The handler of one JSON step on a learner's own run (a scenario turn, a
 * drill answer): find the run (another learner's is the 404 page), read the
 * body against the step's schema, let the engine grade and store it on the
 * server, answer the JSON it returns. The engine's refusal of the input
 * answers its code; anything else escapes to the error middleware.
 */
import type { z } from "zod";
import type { FreshContext, Handlers } from "$fresh/server.ts";
import type { DomainError } from "@/lib/errors.ts";
import { type FindLearnerRun, learnerRun } from "@/lib/http/found_page.ts";
import { readJsonInput } from "@/lib/http/json_input.ts";
import { codedErrors } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";

/** What a step route names: its run, its input and the engine's step. */
export interface RunStep<T, S extends z.ZodType> {
  find: FindLearnerRun<T>;
  input: S;
  /** The largest body read, in bytes. */
  maxBytes: number;
  /** The engine's error class for an input it refuses. */
  // deno-lint-ignore no-explicit-any
  refused: abstract new (...args: any[]) => DomainError;
  /**
   * Stores the step and returns the JSON body to answer; `now` is when the
   * request came in (a timed answer is measured to then, not to the body's end).
   */
  step: (
    found: T,
    input: z.output<S>,
    ctx: FreshContext<SignedInState>,
    now: Date,
  ) => Promise<unknown>;
}

/** POST of a JSON step on a learner's run. */
export function runStepHandlers<T, S extends z.ZodType>(
  { find, input, maxBytes, refused, step }: RunStep<T, S>,
): Handlers<unknown, SignedInState> {
  return {
    async POST(req, ctx) {
      const now = new Date();
      const found = await learnerRun(find)(ctx);
      if (!found) return ctx.renderNotFound();
      const body = await readJsonInput(req, ctx.state.t, maxBytes, input);
      if (!body.ok) return body.response;
      try {
        return Response.json(await step(found, body.data, ctx, now));
      } catch (e) {
        if (e instanceof refused) return codedErrors(ctx.state.t, e);
        throw e;
      }
    },
  };
}
