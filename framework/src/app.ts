/**
 * The request pipeline: compiles fresh.gen.ts into ordered routes with their
 * layouts and middleware, then answers requests: static files, bundle files,
 * routes, 404 and error pages. Nothing here keeps per-user state between
 * requests, so any number of instances can run behind a load balancer.
 */
import type { ComponentType } from "preact";
import {
  type Bundle,
  bundle,
  JS_PREFIX,
  readBundle,
  sourceFingerprint,
  writeBundle,
} from "./bundle.ts";
import { fromFileUrl, join } from "./path.ts";
import {
  type AnyComponent,
  registerIsland,
  renderPage,
  type RenderRequest,
} from "./render.ts";
import {
  compareRoutes,
  decodeParams,
  isGroup,
  passesFilter,
  type SegmentFilter,
  segmentFilter,
  splitRoutePath,
  toPathname,
} from "./router.ts";
import { PARTIAL_SEARCH_PARAM, setAssetResolver } from "./shared.ts";
import {
  ASSET_QUERY,
  indexStatic,
  serveStatic,
  type StaticFile,
  withHeaders,
} from "./static.ts";
import type {
  Destination,
  FreshConfig,
  FreshContext,
  Handler,
  Handlers,
  Manifest,
  MiddlewareHandler,
  PageProps,
  RenderInit,
  ResolvedConfig,
  RouteConfig,
  RouteModule,
  ServeHandlerInfo,
} from "./types.ts";

/** An error with an HTTP status, rendered by the `_500` page with that status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message?: string,
    readonly headers?: HeadersInit,
  ) {
    super(message ?? `HTTP ${status}`);
    this.name = "HttpError";
  }
}

interface Layout {
  component: AnyComponent;
  config?: RouteConfig;
}

interface CompiledRoute {
  file: string;
  pattern: string;
  matcher: URLPattern | null;
  /** Skips patterns that cannot match; null for route overrides. */
  filter: SegmentFilter | null;
  module: RouteModule;
  layouts: Layout[];
  middlewares: MiddlewareHandler[];
  skipApp: boolean;
}

const METHODS = [
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
] as const;

/** A request handler as `Deno.serve` takes it. */
export type RequestHandler = (
  req: Request,
  info?: ServeHandlerInfo,
) => Promise<Response>;

/**
 * Builds the request handler for a manifest. Usable in tests without a port:
 * `const handler = await createHandler(manifest); await handler(new Request(...))`.
 */
export async function createHandler(
  manifest: Manifest,
  config: FreshConfig = {},
): Promise<RequestHandler> {
  const baseDir = fromFileUrl(new URL(".", manifest.baseUrl));
  const resolved: ResolvedConfig = {
    dev: config.dev ?? Deno.env.get("FRESH_DEV") === "1",
    outDir: join(baseDir, config.build?.outDir ?? "_fresh"),
    staticDir: join(baseDir, config.staticDir ?? "static"),
    trailingSlash: config.router?.trailingSlash ?? false,
  };

  for (const [file, mod] of Object.entries(manifest.islands)) {
    const load = mod.config?.load ?? "eager";
    const base = file.split("/").at(-1)!.replace(/\.[jt]sx?$/, "");
    for (const [exportName, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      registerIsland(value as ComponentType, {
        exportName,
        name: exportName === "default" ? base : exportName,
        file,
        load,
      });
    }
  }

  const routes = compileRoutes(manifest);
  const staticFiles = await indexStatic(
    resolved.staticDir,
    config.staticHeaders,
  );
  setAssetResolver((path) => {
    const file = staticFiles.get(path);
    return file ? `${path}?${ASSET_QUERY}=${file.hash}` : path;
  });

  // The prebuilt bundle is used when it matches the sources (and not in
  // dev). Otherwise (missing or stale) islands are bundled on first need,
  // and outside dev the result is written to _fresh/ so the next start
  // finds it current.
  let bundlePromise: Promise<Bundle> | null = null;
  let writeBack = false;
  if (!resolved.dev) {
    const prebuilt = await readBundle(resolved.outDir);
    const islandFiles = Object.keys(manifest.islands);
    const fresh = prebuilt !== null &&
      islandFiles.every((f) => prebuilt.islands.has(f)) &&
      prebuilt.fingerprint === await sourceFingerprint(baseDir);
    if (fresh) bundlePromise = Promise.resolve(prebuilt);
    else {
      writeBack = true;
      console.log(
        `The island bundle in ${resolved.outDir} is ${
          prebuilt ? "stale" : "missing"
        }: islands are bundled on first use`,
      );
    }
  }
  const getBundle = () =>
    bundlePromise ??= bundle(baseDir, Object.keys(manifest.islands)).then(
      async (b) => {
        if (writeBack) {
          // A read-only deployment keeps the bundle in memory only.
          await writeBundle(b, resolved.outDir).catch((e) =>
            console.warn(`Cannot write the bundle to ${resolved.outDir}: ${e}`)
          );
        }
        return b;
      },
    );

  return (req, info) =>
    handle(req, info, { routes, staticFiles, getBundle, config: resolved });
}

interface AppParts {
  routes: Routes;
  staticFiles: Map<string, StaticFile>;
  getBundle: () => Promise<Bundle>;
  config: ResolvedConfig;
}

interface Routes {
  exact: Map<string, CompiledRoute>;
  dynamic: CompiledRoute[];
  app: RouteModule | null;
  notFound: CompiledRoute;
  error: CompiledRoute;
  /** Middleware of non-group folders, by URL prefix, for static files and 404s. */
  prefixMiddleware: { prefix: string; handlers: MiddlewareHandler[] }[];
}

function asArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

function compileRoutes(manifest: Manifest): Routes {
  const layouts = new Map<string, Layout>();
  const middlewares = new Map<string, MiddlewareHandler[]>();
  let app: RouteModule | null = null;
  let notFoundModule: RouteModule | null = null;
  let errorModule: RouteModule | null = null;
  const pages: [string, RouteModule][] = [];

  for (const [file, mod] of Object.entries(manifest.routes)) {
    const { folders, name } = splitRoutePath(file);
    const folderKey = folders.join("/");
    if (name === "_app") app = mod;
    else if (name === "_layout") {
      layouts.set(folderKey, { component: mod.default, config: mod.config });
    } else if (name === "_middleware") {
      middlewares.set(
        folderKey,
        asArray(mod.handler as MiddlewareHandler | MiddlewareHandler[]),
      );
    } else if (name === "_404" && folders.length === 0) notFoundModule = mod;
    else if (name === "_500" && folders.length === 0) errorModule = mod;
    else if (!name.startsWith("_")) pages.push([file, mod]);
  }

  const compile = (file: string, mod: RouteModule): CompiledRoute => {
    const { segments, folders } = splitRoutePath(file);
    const chain: Layout[] = [];
    const mw: MiddlewareHandler[] = [];
    for (let depth = 0; depth <= folders.length; depth++) {
      const key = folders.slice(0, depth).join("/");
      const layout = layouts.get(key);
      if (layout) {
        if (layout.config?.skipInheritedLayouts) chain.length = 0;
        chain.push(layout);
      }
      mw.push(...(middlewares.get(key) ?? []));
    }
    const override = mod.config?.routeOverride;
    const { pathname, matcher, dynamic } = override
      ? { pathname: override, matcher: override, dynamic: true }
      : toPathname(segments);
    return {
      file,
      pattern: pathname,
      matcher: dynamic ? new URLPattern({ pathname: matcher }) : null,
      filter: override ? null : segmentFilter(segments),
      module: mod,
      layouts: mod.config?.skipInheritedLayouts ? [] : chain,
      middlewares: mw,
      skipApp: Boolean(
        mod.config?.skipAppWrapper ||
          chain.some((l) => l.config?.skipAppWrapper),
      ),
    };
  };

  pages.sort(([a], [b]) =>
    compareRoutes(splitRoutePath(a).segments, splitRoutePath(b).segments)
  );
  const exact = new Map<string, CompiledRoute>();
  const dynamic: CompiledRoute[] = [];
  for (const [file, mod] of pages) {
    const route = compile(file, mod);
    if (route.matcher) dynamic.push(route);
    else if (!exact.has(route.pattern)) exact.set(route.pattern, route);
  }

  const rootLayouts = layouts.get("") ? [layouts.get("")!] : [];
  const special = (
    file: string,
    mod: RouteModule | null,
    fallback: ComponentType<PageProps>,
  ): CompiledRoute => ({
    file,
    pattern: "",
    matcher: null,
    filter: null,
    module: mod ?? { default: fallback },
    layouts: mod?.config?.skipInheritedLayouts ? [] : rootLayouts,
    middlewares: [],
    skipApp: Boolean(mod?.config?.skipAppWrapper),
  });

  const prefixMiddleware = [...middlewares.entries()]
    .filter(([key]) =>
      !key.split("/").some((s) => isGroup(s) || s.includes("["))
    )
    .map(([key, handlers]) => ({
      prefix: key === "" ? "/" : `/${key}`,
      handlers,
    }))
    .sort((a, b) => a.prefix.length - b.prefix.length);

  return {
    exact,
    dynamic,
    app,
    notFound: special("./routes/_404.tsx", notFoundModule, DefaultNotFound),
    error: special("./routes/_500.tsx", errorModule, DefaultError),
    prefixMiddleware,
  };
}

function DefaultNotFound() {
  return "404 - Page not found";
}

function DefaultError(props: PageProps) {
  const status = props.error instanceof HttpError ? props.error.status : 500;
  return status >= 500
    ? "500 - Internal server error"
    : `${status} - Bad request`;
}

function middlewareForPath(
  routes: Routes,
  pathname: string,
): MiddlewareHandler[] {
  // Most apps have only root middleware: share one array for every path.
  if (
    routes.prefixMiddleware.length === 1 &&
    routes.prefixMiddleware[0].prefix === "/"
  ) {
    return routes.prefixMiddleware[0].handlers;
  }
  const out: MiddlewareHandler[] = [];
  for (const { prefix, handlers } of routes.prefixMiddleware) {
    if (
      prefix === "/" || pathname === prefix || pathname.startsWith(prefix + "/")
    ) out.push(...handlers);
  }
  return out;
}

async function handle(
  req: Request,
  info: ServeHandlerInfo | undefined,
  parts: AppParts,
): Promise<Response> {
  const { routes, staticFiles, config } = parts;
  let url: URL;
  let pathname: string;
  try {
    url = new URL(req.url);
    pathname = url.pathname.includes("%")
      ? decodeURIComponent(url.pathname)
      : url.pathname;
    if (pathname.includes("\0")) throw new URIError("NUL in path");
  } catch {
    url ??= new URL("http://localhost/");
    return malformed(req, info, parts, url);
  }

  // As Fresh: a trailing slash redirects (307) to the path without, and
  // repeated slashes collapse into one (in the same redirect). The target is
  // always a path on this site: `//evil.example/` becomes `/evil.example`.
  if (
    (!config.trailingSlash && url.pathname.length > 1 &&
      url.pathname.endsWith("/")) || url.pathname.includes("//")
  ) {
    let target = url.pathname.replace(/\/{2,}/g, "/");
    if (!config.trailingSlash && target.length > 1 && target.endsWith("/")) {
      target = target.slice(0, -1);
    }
    const res = new Response(null, { status: 307 });
    res.headers.set("location", target + url.search);
    return res;
  }

  // A client navigation (Partials) asks for the page with `fresh-partial`;
  // the app sees the page's own URL and `ctx.isPartial`.
  if (url.search !== "" && url.searchParams.has(PARTIAL_SEARCH_PARAM)) {
    url.searchParams.delete(PARTIAL_SEARCH_PARAM);
    partialUrls.add(url);
  }

  const isRead = req.method === "GET" || req.method === "HEAD";
  if (isRead && url.pathname.startsWith(JS_PREFIX)) {
    const b = await parts.getBundle();
    const bytes = b.files.get(url.pathname);
    if (bytes) {
      return withHeaders(new Response(req.method === "HEAD" ? null : bytes), [
        ["content-type", "text/javascript; charset=utf-8"],
        ["cache-control", "public, max-age=31536000, immutable"],
        ["content-length", String(bytes.byteLength)],
      ]);
    }
  }

  const file = isRead ? staticFiles.get(pathname) : undefined;
  if (file) {
    return runChain(req, info, parts, url, {
      destination: "static",
      route: null,
      params: {},
      middlewares: middlewareForPath(routes, pathname),
      final: () => serveStatic(req, url, file),
    });
  }

  let route = routes.exact.get(pathname) ?? null;
  let params: Record<string, string> = {};
  if (!route) {
    const segments = url.pathname.slice(1).split("/");
    if (segments.length === 1 && segments[0] === "") segments.length = 0;
    for (const candidate of routes.dynamic) {
      if (candidate.filter && !passesFilter(candidate.filter, segments)) {
        continue;
      }
      const match = candidate.matcher!.exec({ pathname: url.pathname });
      if (match) {
        try {
          params = decodeParams(match.pathname.groups);
        } catch {
          return malformed(req, info, parts, url);
        }
        route = candidate;
        break;
      }
    }
  }

  if (!route) {
    return runChain(req, info, parts, url, {
      destination: "notFound",
      route: null,
      params: {},
      middlewares: middlewareForPath(routes, pathname),
      final: (ctx) => ctx.renderNotFound(),
    });
  }

  const r = route;
  return runChain(req, info, parts, url, {
    destination: "route",
    route: r,
    params,
    middlewares: r.middlewares,
    final: (ctx) => callRoute(req, ctx, r),
  });
}

/**
 * A URL that cannot be decoded: a 400, rendered like any error (through the
 * root middlewares, so the error page has their state and headers).
 */
function malformed(
  req: Request,
  info: ServeHandlerInfo | undefined,
  parts: AppParts,
  url: URL,
): Promise<Response> {
  return runChain(req, info, parts, url, {
    destination: "notFound",
    route: null,
    params: {},
    middlewares: middlewareForPath(parts.routes, "/"),
    final: () => Promise.reject(new HttpError(400, "Malformed URL")),
  });
}

interface ChainSpec {
  destination: Destination;
  route: CompiledRoute | null;
  params: Record<string, string>;
  middlewares: MiddlewareHandler[];
  final: (ctx: FreshContext) => Promise<Response>;
}

async function runChain(
  req: Request,
  info: ServeHandlerInfo | undefined,
  parts: AppParts,
  url: URL,
  spec: ChainSpec,
): Promise<Response> {
  const ctx = makeContext(
    req,
    info,
    parts,
    url,
    spec.route ?? parts.routes.notFound,
    spec.params,
    spec.destination,
  );
  let index = -1;
  // A route's error reaches the middleware around it through ctx.next(), so
  // a middleware may catch it (say, to map domain errors to a status). An
  // error that escapes a middleware becomes the error page at that link, so
  // the middlewares further out still see (and may decorate) that response.
  const step = async (): Promise<Response> => {
    index++;
    const at = index;
    const last = spec.middlewares.length;
    try {
      if (at < last) return await spec.middlewares[at](req, ctx);
      if (at === last) return await spec.final(ctx);
    } catch (error) {
      if (at === last && last > 0) throw error;
      return await errorResponse(req, info, parts, url, ctx, error);
    }
    throw new Error(
      "Cannot call ctx.next(): the route has already been called",
    );
  };
  ctx.next = step;
  return await step();
}

async function errorResponse(
  req: Request,
  info: ServeHandlerInfo | undefined,
  parts: AppParts,
  url: URL,
  ctx: FreshContext,
  error: unknown,
): Promise<Response> {
  if (error instanceof Deno.errors.NotFound) {
    return await renderSpecial(
      req,
      info,
      parts,
      url,
      parts.routes.notFound,
      undefined,
      404,
      ctx.state,
    );
  }
  const status = error instanceof HttpError ? error.status : 500;
  if (status >= 500) {
    console.error(`Error while handling ${req.method} ${url.pathname}:`, error);
  }
  const res = await renderSpecial(
    req,
    info,
    parts,
    url,
    parts.routes.error,
    error,
    status,
    ctx.state,
  );
  if (error instanceof HttpError && error.headers) {
    new Headers(error.headers).forEach((v, k) => res.headers.set(k, v));
  }
  return res;
}

/** Renders the 404 or error page; never throws. */
async function renderSpecial(
  req: Request,
  info: ServeHandlerInfo | undefined,
  parts: AppParts,
  url: URL,
  page: CompiledRoute,
  error: unknown,
  status: number,
  state?: Record<string, unknown>,
): Promise<Response> {
  const destination: Destination = status === 404 ? "notFound" : "route";
  const ctx = makeContext(req, info, parts, url, page, {}, destination);
  if (state) ctx.state = state;
  ctx.error = error;
  try {
    const res = await render(req, ctx, page, undefined, { status });
    return req.method === "HEAD" ? new Response(null, res) : res;
  } catch (e) {
    console.error(`Error while rendering the ${status} page:`, e);
    return new Response(status >= 500 ? "Internal Server Error" : "Error", {
      status,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
}

const NO_ADDRESS = {
  transport: "tcp",
  hostname: "127.0.0.1",
  port: 0,
} as const;
// The app a context belongs to, on a symbol so it is not a visible field.
const PARTS = Symbol("fresh.parts");
// URLs of client-navigation requests (their `fresh-partial` removed).
const partialUrls = new WeakSet<URL>();
const INFO = Symbol("fresh.info");

// A class rather than an object literal: contexts are made on every request,
// and V8 builds class instances far faster than literals with accessors.
class Context implements FreshContext {
  basePath = "";
  route: string | null;
  state = {};
  data: unknown = undefined;
  config: ResolvedConfig;
  isPartial = false;
  Component: ComponentType = nothing;
  error?: unknown;
  next: () => Promise<Response> = noChain;
  render: FreshContext["render"];
  renderNotFound: FreshContext["renderNotFound"];
  [PARTS]: AppParts;
  [INFO]: ServeHandlerInfo | undefined;

  constructor(
    req: Request,
    info: ServeHandlerInfo | undefined,
    parts: AppParts,
    public url: URL,
    route: CompiledRoute,
    public params: Record<string, string>,
    public destination: Destination,
  ) {
    this.route = route.pattern || null;
    this.isPartial = partialUrls.has(url);
    this.config = parts.config;
    this[PARTS] = parts;
    this[INFO] = info;
    // Own arrow functions, so `const { render } = ctx` keeps working.
    this.render = (data, init) => render(req, this, route, data, init);
    this.renderNotFound = (data) =>
      render(req, this, parts.routes.notFound, data, { status: 404 });
  }

  /** Read from the connection only when asked: most requests never do. */
  get remoteAddr(): ServeHandlerInfo["remoteAddr"] {
    return this[INFO]?.remoteAddr ?? NO_ADDRESS;
  }
}

function makeContext(
  req: Request,
  info: ServeHandlerInfo | undefined,
  parts: AppParts,
  url: URL,
  route: CompiledRoute,
  params: Record<string, string>,
  destination: Destination,
): FreshContext {
  return new Context(req, info, parts, url, route, params, destination);
}

const nothing = () => null;
const noChain = () =>
  Promise.reject(new Error("Cannot call ctx.next(): no chain"));

function partsOf(ctx: FreshContext): AppParts {
  return (ctx as Context)[PARTS];
}

// A route's method table, with GET derived for page-only routes; built once.
const methodTables = new WeakMap<CompiledRoute, Handlers>();

function handlersOf(
  route: CompiledRoute,
  handler: Handlers | undefined,
): Handlers {
  let handlers = methodTables.get(route);
  if (!handlers) {
    handlers = { ...(handler ?? {}) };
    if (!handlers.GET && route.module.default !== undefined) {
      handlers.GET = (_req, c) => c.render();
    }
    methodTables.set(route, handlers);
  }
  return handlers;
}

async function callRoute(
  req: Request,
  ctx: FreshContext,
  route: CompiledRoute,
): Promise<Response> {
  const handler = route.module.handler as Handler | Handlers | undefined;
  if (typeof handler === "function") return await handler(req, ctx);
  const handlers = handlersOf(route, handler);
  const method = req.method as keyof Handlers;
  const fn = handlers[method];
  if (fn) return await fn(req, ctx);
  if (method === "HEAD" && handlers.GET) {
    const res = await handlers.GET(req, ctx);
    return new Response(null, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  }
  const allow = METHODS.filter((m) =>
    handlers[m] || (m === "HEAD" && handlers.GET)
  ).join(", ");
  throw new HttpError(405, `Method ${req.method} is not allowed`, { allow });
}

async function render(
  req: Request,
  ctx: FreshContext,
  route: CompiledRoute,
  data: unknown,
  init: RenderInit = {},
): Promise<Response> {
  const parts = partsOf(ctx);
  const page = route.module.default as AnyComponent | undefined;
  if (!page) {
    throw new Error(
      `Cannot render "${route.file}": it has no default export component`,
    );
  }
  ctx.data = data;
  const props: PageProps = {
    url: ctx.url,
    route: ctx.route,
    params: ctx.params,
    data,
    state: ctx.state,
    error: ctx.error,
    Component: page as ComponentType,
  };
  const app = parts.routes.app?.default as AnyComponent | undefined;
  const levels = [{ component: page }, ...route.layouts.slice().reverse()];
  const hasApp = Boolean(app) && !route.skipApp;
  if (hasApp) levels.push({ component: app! });
  const request: RenderRequest = {
    req,
    ctx,
    props,
    levels,
    hasApp,
    assets: parts.getBundle,
    partial: ctx.isPartial,
  };
  return await renderPage(request, (html) => {
    // Called with the page's bytes, which are only valid during this call:
    // the Response copies them. Headers are set one by one: a `headers`
    // init costs Deno far more.
    const res = new Response(
      req.method === "HEAD" ? null : html,
      init.statusText === undefined
        ? { status: init.status ?? 200 }
        : { status: init.status ?? 200, statusText: init.statusText },
    );
    if (init.headers) {
      for (const [name, value] of new Headers(init.headers)) {
        res.headers.append(name, value);
      }
    }
    if (!init.headers || !res.headers.has("content-type")) {
      res.headers.set("content-type", "text/html; charset=utf-8");
    }
    return res;
  });
}
