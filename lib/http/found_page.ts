/**
 * The handlers of a page that starts from one loader (a learner's run, an
 * exam, a survey, a course): each method gets what the loader found, and
 * nothing found answers the 404 page. Learner-run finders read the run under
 * the signed-in learner's own key, so another learner's run is not found
 * either: the route never compares owners itself.
 */
import type { FreshContext, Handlers } from "$fresh/server.ts";
import type { SignedInState } from "@/lib/http/state.ts";

/** Loads what a page is about from the request's context, or null. */
export type LoadFound<T, S> = (
  ctx: FreshContext<S>,
) => Promise<T | null | undefined>;

/** One method's work once the loader found `found`. */
export type WithFound<T, D, S> = (
  found: T,
  req: Request,
  ctx: FreshContext<S, D>,
) => Response | Promise<Response>;

/** GET and POST of a page whose every method starts from `load`. */
export function foundHandlers<T, D, S>(
  load: LoadFound<T, S>,
  methods: { GET?: WithFound<T, D, S>; POST?: WithFound<T, D, S> },
): Handlers<D, S> {
  const handlers: Handlers<D, S> = {};
  for (const method of ["GET", "POST"] as const) {
    const handle = methods[method];
    if (!handle) continue;
    handlers[method] = async (req, ctx) => {
      const found = await load(ctx);
      return found ? await handle(found, req, ctx) : ctx.renderNotFound();
    };
  }
  return handlers;
}

/** A GET that renders what was found as the page's data. */
export function renderFound<D, S>(
  found: D,
  _req: Request,
  ctx: FreshContext<S, D>,
): Promise<Response> {
  return ctx.render(found);
}

/** Finds a learner's own run (an attempt, a scenario or drill run) by the route's params. */
export type FindLearnerRun<T> = (
  kv: Deno.Kv,
  learnerId: string,
  params: Record<string, string>,
) => Promise<T | null>;

/** The loader of a run page: the finder gets the store, the signed-in learner and the params. */
export function learnerRun<T>(
  find: FindLearnerRun<T>,
): LoadFound<T, SignedInState> {
  return (ctx) => find(ctx.state.kv, ctx.state.user.id, ctx.params);
}

/** Whole seconds from `since` to now (a timer the page shows on its first paint). */
export function secondsSince(since: Date, now = new Date()): number {
  return Math.floor((now.getTime() - since.getTime()) / 1000);
}
