/**
 * The handlers of a run's intro page (a scenario, a drill): GET shows what
 * is found or the 404 page; POST starts a run of it and goes there. The
 * learner's id comes from the session, the content from the published
 * version the finder reads, so the route names only those two steps.
 */
import type { Handlers } from "$fresh/server.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";

/** Finds the published activity a route's params name, or null. */
export type FindActivity<T> = (
  kv: Deno.Kv,
  params: Record<string, string>,
) => Promise<T | null>;

/** Starts a learner's run of `found` and answers the run page's path. */
export type StartRun<T> = (
  kv: Deno.Kv,
  learnerId: string,
  found: T,
  now: Date,
) => Promise<string>;

/** GET and POST of an intro page with a start button. */
export function runIntroHandlers<T>(
  find: FindActivity<T>,
  start: StartRun<T>,
): Handlers<T, SignedInState> {
  return {
    async GET(_req, ctx) {
      const found = await find(ctx.state.kv, ctx.params);
      return found ? ctx.render(found) : ctx.renderNotFound();
    },
    async POST(_req, ctx) {
      const found = await find(ctx.state.kv, ctx.params);
      if (!found) return ctx.renderNotFound();
      return seeOther(
        await start(ctx.state.kv, ctx.state.user.id, found, new Date()),
      );
    },
  };
}
