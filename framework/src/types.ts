/**
 * Public types of the Fresh 1.7-compatible layer. Names and shapes follow
 * Fresh 1.x so route files read exactly as they would upstream.
 */
import type { ComponentChildren, ComponentType, JSX, VNode } from "preact";

/** The module shape of fresh.gen.ts. */
export interface Manifest {
  routes: Record<string, RouteModule>;
  islands: Record<string, IslandModule>;
  baseUrl: string;
}

/** What a route, layout, app, middleware or error page module may export. */
export interface RouteModule {
  // deno-lint-ignore no-explicit-any
  default?: any;
  handler?:
    // deno-lint-ignore no-explicit-any
    | Handler<any, any>
    // deno-lint-ignore no-explicit-any
    | Handlers<any, any>
    // deno-lint-ignore no-explicit-any
    | MiddlewareHandler<any>
    // deno-lint-ignore no-explicit-any
    | MiddlewareHandler<any>[];
  config?: RouteConfig;
}

/** An island module: every exported function is an island component. */
export interface IslandModule {
  // deno-lint-ignore no-explicit-any
  [name: string]: any;
  config?: IslandConfig;
}

/**
 * When the browser hydrates an island (beyond Fresh): `eager` at once,
 * `idle` when the main thread is idle, `visible` when it scrolls into view.
 */
export type IslandLoad = "eager" | "idle" | "visible";

/** Per-island-module settings, exported as `config` from the island file. */
export interface IslandConfig {
  load?: IslandLoad;
}

/** `export const config` of a route or layout. */
export interface RouteConfig {
  /** A URLPattern pathname that replaces the file-derived one. */
  routeOverride?: string;
  /** Render the page without the `_app` wrapper. */
  skipAppWrapper?: boolean;
  /** Drop the layouts of parent folders. */
  skipInheritedLayouts?: boolean;
}

/** Where a request is going, as middleware sees it. */
export type Destination = "route" | "static" | "internal" | "notFound";

/** Connection details of the request. */
export interface ServeHandlerInfo {
  remoteAddr: Deno.NetAddr | Deno.UnixAddr | {
    transport: string;
    hostname?: string;
    port?: number;
  };
  completed?: Promise<void>;
}

/** The context passed to handlers, middleware and async route components. */
// deno-lint-ignore no-explicit-any
export interface FreshContext<State = Record<string, unknown>, Data = any> {
  /** The request URL, parsed. */
  url: URL;
  basePath: string;
  /** The matched route pattern, e.g. `/courses/:id`, or null. */
  route: string | null;
  /** Decoded path parameters. */
  params: Record<string, string>;
  /** Request-scoped state shared by middleware, handlers and components. */
  state: State;
  destination: Destination;
  remoteAddr: ServeHandlerInfo["remoteAddr"];
  /** The thrown value on the 500 page. */
  error?: unknown;
  data: Data;
  config: ResolvedConfig;
  isPartial: boolean;
  /** Runs the next middleware, or the route itself. */
  next(): Promise<Response>;
  /** Renders the route's page with `data`; the Response may still be changed. */
  render(data?: Data, init?: RenderInit): Promise<Response>;
  /** Renders the _404 page. */
  renderNotFound(data?: Data): Promise<Response>;
  // deno-lint-ignore no-explicit-any
  Component: ComponentType<any>;
}

/** Options for `ctx.render`. */
export interface RenderInit {
  status?: number;
  statusText?: string;
  headers?: HeadersInit;
}

/** Fresh 1.x alias kept for old code. */
// deno-lint-ignore no-explicit-any
export type HandlerContext<Data = any, State = Record<string, unknown>> =
  FreshContext<State, Data>;
/** Fresh 1.x alias for middleware. */
export type MiddlewareHandlerContext<State = Record<string, unknown>> =
  FreshContext<State>;

/** A request handler. */
// deno-lint-ignore no-explicit-any
export type Handler<Data = any, State = Record<string, unknown>> = (
  req: Request,
  ctx: FreshContext<State, Data>,
) => Response | Promise<Response>;

/** Handlers per HTTP method. */
// deno-lint-ignore no-explicit-any
export type Handlers<Data = any, State = Record<string, unknown>> = {
  [K in "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS"]?:
    Handler<Data, State>;
};

/** A `_middleware.ts` handler. */
export type MiddlewareHandler<State = Record<string, unknown>> = (
  req: Request,
  ctx: FreshContext<State>,
) => Response | Promise<Response>;

/** Props a page component receives. */
// deno-lint-ignore no-explicit-any
export interface PageProps<Data = any, State = Record<string, unknown>> {
  url: URL;
  route: string | null;
  params: Record<string, string>;
  data: Data;
  state: State;
  error?: unknown;
  // deno-lint-ignore no-explicit-any
  Component: ComponentType<any>;
}

/** Props of `_layout` and `_app` components: the page props plus the inner component. */
// deno-lint-ignore no-explicit-any
export type LayoutProps<Data = any, State = Record<string, unknown>> =
  & PageProps<Data, State>
  & {
    Component: ComponentType<Record<string, never>>;
  };
/** Props of the `_app` component. */
// deno-lint-ignore no-explicit-any
export type AppProps<Data = any, State = Record<string, unknown>> = LayoutProps<
  Data,
  State
>;
/** Props of the `_404` page. */
// deno-lint-ignore no-explicit-any
export type UnknownPageProps<Data = any, State = Record<string, unknown>> =
  PageProps<Data, State>;
/** Props of the `_500` page. */
// deno-lint-ignore no-explicit-any
export type ErrorPageProps<Data = any, State = Record<string, unknown>> =
  & PageProps<Data, State>
  & {
    error: unknown;
  };

/** An async route: returns JSX or a Response. */
// deno-lint-ignore no-explicit-any
export type AsyncRoute<Data = any, State = Record<string, unknown>> = (
  req: Request,
  ctx: FreshContext<State, Data>,
) => Promise<ComponentChildren | Response>;

/** Settings for `start` and `createHandler`. */
export interface FreshConfig {
  server?: {
    port?: number;
    hostname?: string;
    signal?: AbortSignal;
    onListen?: (addr: Deno.NetAddr) => void;
  };
  build?: { outDir?: string };
  /** Development mode: bundle islands in memory, never use a prebuilt snapshot. */
  dev?: boolean;
  /** Folder of static files, relative to the manifest (default `./static`). */
  staticDir?: string;
  router?: { trailingSlash?: boolean };
  /**
   * Beyond Fresh: extra headers for every response of a static file, decided
   * once per file at start-up (say, security headers by content type), so
   * the hottest path sets no headers per request.
   */
  staticHeaders?: (
    file: { path: string; contentType: string },
  ) => Record<string, string>;
}

/** Config after defaults, as `ctx.config`. */
export interface ResolvedConfig {
  dev: boolean;
  outDir: string;
  staticDir: string;
  trailingSlash: boolean;
}

export type { JSX, VNode };
