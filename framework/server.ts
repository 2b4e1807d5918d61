/**
 * `$fresh/server.ts`: the server-side API of the Fresh 1.7-compatible layer.
 * See README.md ("The Fresh layer") for what is and is not supported.
 */
import type { ComponentChildren } from "preact";
import { createHandler, type RequestHandler } from "./src/app.ts";
import type {
  AppProps,
  AsyncRoute,
  FreshConfig,
  FreshContext,
  LayoutProps,
  Manifest,
  PageProps,
} from "./src/types.ts";

export { createHandler, HttpError } from "./src/app.ts";
export { RenderCache } from "./src/render.ts";
export type { RequestHandler } from "./src/app.ts";
export type * from "./src/types.ts";

/** Starts the HTTP server on `PORT` (default 8000) and serves until aborted. */
export async function start(
  manifest: Manifest,
  config: FreshConfig = {},
): Promise<void> {
  const handler: RequestHandler = await createHandler(manifest, config);
  const port = Number(Deno.env.get("PORT") ?? config.server?.port ?? 8000);
  const hostname = config.server?.hostname ?? Deno.env.get("HOST") ?? "0.0.0.0";
  const server = Deno.serve({
    port,
    hostname,
    signal: config.server?.signal,
    onListen: config.server?.onListen ?? ((addr) => {
      const host = addr.hostname === "0.0.0.0" ? "localhost" : addr.hostname;
      console.log(`Listening on http://${host}:${addr.port}/`);
    }),
  }, (req, info) => handler(req, info));
  await server.finished;
}

/** Types an async route component (`(req, ctx) => JSX | Response`). */
// deno-lint-ignore no-explicit-any
export function defineRoute<State = any, Data = any>(
  fn: (
    req: Request,
    ctx: FreshContext<State, Data>,
  ) => ComponentChildren | Response | Promise<ComponentChildren | Response>,
): AsyncRoute<Data, State> {
  return asAsync(fn) as AsyncRoute<Data, State>;
}

/** Types a `_layout` component, plain or async. */
// deno-lint-ignore no-explicit-any
export function defineLayout<State = any, Data = any>(
  fn: (
    req: Request,
    ctx: FreshContext<State, Data>,
  ) => ComponentChildren | Response | Promise<ComponentChildren | Response>,
): AsyncRoute<Data, State> {
  return asAsync(fn) as AsyncRoute<Data, State>;
}

/** Types the `_app` component, plain or async. */
// deno-lint-ignore no-explicit-any
export function defineApp<State = any, Data = any>(
  fn: (
    req: Request,
    ctx: FreshContext<State, Data>,
  ) => ComponentChildren | Response | Promise<ComponentChildren | Response>,
): AsyncRoute<Data, State> {
  return asAsync(fn) as AsyncRoute<Data, State>;
}

export type { AppProps, LayoutProps, PageProps };

// The renderer calls `async` components with (req, ctx) and plain ones with
// props, so a synchronous function given to a define* helper is made async.
function asAsync<F extends (...args: never[]) => unknown>(fn: F): F {
  if (fn.constructor.name === "AsyncFunction") return fn;
  // deno-lint-ignore require-await
  return (async (...args: Parameters<F>) => fn(...args)) as unknown as F;
}
