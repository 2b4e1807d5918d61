/**
 * Server rendering: composes page, layouts and app, renders them to a string
 * once, marks island boundaries and adds the browser boot only when the page
 * used an island (a page without islands ships no JavaScript).
 */
import {
  type ComponentChildren,
  type ComponentType,
  Fragment,
  h,
  options,
  type VNode,
} from "preact";
import { renderToString } from "preact-render-to-string";
import { jsxTemplate } from "preact/jsx-runtime";
import {
  assetPath,
  headSlot,
  matchUrl,
  type PartialProps,
  partialSlot,
} from "./shared.ts";
import { type Json, jsonForScript, serialize, TAG } from "./serialize.ts";
import type { FreshContext, IslandLoad, PageProps } from "./types.ts";

/** How the browser finds and loads one island export. */
export interface IslandInfo {
  /** Export name in its module, e.g. `default` or `Counter`. */
  exportName: string;
  /** Human name for messages, e.g. `Counter`. */
  name: string;
  /** Manifest key of its module, e.g. `./islands/Counter.tsx`. */
  file: string;
  load: IslandLoad;
}

/** Where the browser code of a render lives (from the bundle). */
export interface ClientAssets {
  /** URL of the boot module. */
  main: string;
  /** Island module manifest key -> chunk URL and the chunks it imports. */
  islands: Map<string, { url: string; preload: string[] }>;
}

interface IslandUse {
  id: string;
  info: IslandInfo;
  props: Json;
  slot: boolean;
  /** True when it lives in a cached fragment (same id and props every time). */
  cacheable?: boolean;
  /** Its entry in the page's island state as UTF-8 (cached uses only). */
  jsonBytes?: Uint8Array;
  /** Whether that entry holds a signal (cached uses only). */
  signals?: boolean;
}

interface RenderState {
  /** Prefix of island ids, so cached fragments never collide with the page. */
  prefix: string;
  /**
   * The page render's cached fragments, as UTF-8, in marker order. Only the
   * page-level state has it: a fragment rendered inside another fragment is
   * inlined into that fragment's HTML.
   */
  fragments?: Uint8Array[];
  islands: IslandUse[];
  head: ComponentChildren[];
  /** Open island (true) and slot (false) scopes, innermost last. */
  scopes: boolean[];
  /**
   * The request's URL path, for active-link attributes; null inside a
   * `RenderCache` fragment (its id does not name the URL).
   */
  path: string | null;
  /** How many `<Partial>` areas enclose the component rendering now. */
  partialDepth: number;
  /** Whether a `<Partial>` was rendered (the page then ships the runtime). */
  partials: boolean;
  /** Island uses inside a `<Partial>` (the page-level state only). */
  inPartial?: Set<IslandUse>;
}

// The state of the render in progress. renderToString is synchronous, so
// exactly one render (or a nested fragment render, which saves and restores
// it) runs at a time; this avoids a context lookup per component.
let active: RenderState | null = null;
// Vnodes that opened a scope; the diffed hook closes it after their subtree.
const scopeOpeners = new WeakSet<VNode>();

function runRender(state: RenderState, vnode: ComponentChildren): string {
  const previous = active;
  const previousHead = headSlot.current;
  active = state;
  headSlot.current = { push: (c) => state.head.push(c) };
  try {
    return renderToString(h(Fragment, null, vnode));
  } finally {
    active = previous;
    headSlot.current = previousHead;
  }
}

/** Opens an island or slot scope around `vnode` (closed by the diffed hook). */
function scoped(state: RenderState, inside: boolean, vnode: VNode): VNode {
  state.scopes.push(inside);
  const opener = h(ScopeCloser, { children: vnode }) as VNode;
  scopeOpeners.add(opener);
  return opener;
}

function ScopeCloser(props: { children?: ComponentChildren }) {
  return props.children as VNode;
}

// Island components are swapped for a boundary component as their vnodes are
// created. The map holds code, never user data, and is shared by every app
// in the process because Preact's options hook is process-wide.
const boundaries = new WeakMap<ComponentType, ComponentType>();
const previousDiffed = options.diffed;
options.diffed = (vnode) => {
  if (active) {
    if (scopeOpeners.has(vnode)) active.scopes.pop();
    else if (partialOpeners.has(vnode)) active.partialDepth--;
  }
  previousDiffed?.(vnode);
};

// Render-time rewrites of element props, as Fresh does them (Preact's
// internal `__b` hook runs before each vnode renders, so the props set here
// are the ones written out): `<a>` gets active-link attributes, `<img>` and
// `<source>` get cache-busted static URLs. Only vnodes reach it, so with the
// precompile JSX transform `a`, `img` and `source` must be listed in
// `jsxPrecompileSkipElements`, as Fresh 1.7's project template does.
type BeforeDiff = (vnode: VNode) => void;
const hookOptions = options as typeof options & { __b?: BeforeDiff };
const previousBeforeDiff = hookOptions.__b;
hookOptions.__b = (vnode) => {
  const state = active;
  if (state !== null && typeof vnode.type === "string") {
    const type = vnode.type;
    const nav = (vnode.props as Record<string, unknown>)["f-client-nav"];
    if (typeof nav === "boolean") {
      vnode.props = {
        ...vnode.props,
        "f-client-nav": String(nav),
      } as VNode["props"];
    }
    if (type === "a") {
      if (state.path !== null) markActiveLink(vnode, state.path);
    } else if (type === "img" || type === "source") rewriteAssetUrls(vnode);
  }
  previousBeforeDiff?.(vnode);
};

// `f-client-nav={false}` must reach the browser (a false attribute is
// normally left out): in precompiled templates through the attr hook.
const attrOptions = options as typeof options & {
  attr?: (name: string, value: unknown) => string | void;
};
const previousAttr = attrOptions.attr;
attrOptions.attr = (name, value) => {
  if (name === "f-client-nav" && typeof value === "boolean") {
    return `f-client-nav="${value}"`;
  }
  return previousAttr?.(name, value);
};

function markActiveLink(vnode: VNode, current: string): void {
  const props = vnode.props as Record<string, unknown>;
  const href = props.href;
  if (typeof href !== "string" || href[0] !== "/" || href[1] === "/") return;
  const match = matchUrl(current, href);
  if (match === null) return;
  // A new props object: a vnode kept in a module and reused must not carry
  // one request's marks into the next. An author's own aria-current stays.
  const next: Record<string, unknown> = { ...props };
  if (match === "current") next["data-current"] = "true";
  else next["data-ancestor"] = "true";
  if (props["aria-current"] === undefined) {
    next["aria-current"] = match === "current" ? "page" : "true";
  }
  vnode.props = next as VNode["props"];
}

function rewriteAssetUrls(vnode: VNode): void {
  const props = vnode.props as Record<string, unknown>;
  if (props["data-fresh-disable-lock"]) return;
  const src = props.src;
  const srcset = props.srcset ?? props.srcSet;
  let next: Record<string, unknown> | null = null;
  if (typeof src === "string" && src[0] === "/") {
    const url = assetPath(src);
    if (url !== src) (next ??= { ...props }).src = url;
  }
  if (typeof srcset === "string" && srcset.includes("/")) {
    const url = srcset.split(",").map((candidate) => {
      const part = candidate.trim();
      const end = part.search(/\s/);
      const u = end === -1 ? part : part.slice(0, end);
      return assetPath(u) + (end === -1 ? "" : part.slice(end));
    }).join(", ");
    if (url !== srcset) {
      next ??= { ...props };
      delete next.srcSet;
      next.srcset = url;
    }
  }
  if (next) vnode.props = next as VNode["props"];
}

// Vnodes that opened a `<Partial>` area; the diffed hook closes it.
const partialOpeners = new WeakSet<VNode>();
const PARTIAL_MODES = new Set(["replace", "append", "prepend"]);

/**
 * The server side of `<Partial>`: its children between two comments that
 * name it (`<!--frsh-partial:name:mode-->` ... `<!--/frsh-partial:name-->`),
 * which the browser runtime finds on both the current and the next page.
 */
function renderPartial(props: PartialProps): ComponentChildren {
  const state = active;
  if (!state) return props.children;
  const mode = props.mode ?? "replace";
  if (typeof props.name !== "string" || props.name === "") {
    throw new Error("<Partial> needs a non-empty `name`");
  }
  if (!PARTIAL_MODES.has(mode)) {
    throw new Error(`<Partial name="${props.name}">: unknown mode "${mode}"`);
  }
  state.partials = true;
  const name = encodeURIComponent(props.name);
  const opener = h(ScopeCloser, { children: props.children }) as VNode;
  partialOpeners.add(opener);
  return h(
    Fragment,
    null,
    jsxTemplate([`<!--frsh-partial:${name}:${mode}-->`]),
    h(PartialScope, { state, children: opener }),
    jsxTemplate([`<!--/frsh-partial:${name}-->`]),
  );
}

function PartialScope(
  props: { state: RenderState; children: VNode },
): VNode {
  props.state.partialDepth++;
  return props.children;
}

partialSlot.current = renderPartial;
const previousVnodeHook = options.vnode;
options.vnode = (vnode) => {
  const boundary = typeof vnode.type === "function"
    ? boundaries.get(vnode.type)
    : undefined;
  if (boundary) vnode.type = boundary;
  previousVnodeHook?.(vnode);
};

/** Creates a vnode of `type` without the island swap (for the island itself). */
function rawVNode(
  type: ComponentType | string,
  props: Record<string, unknown>,
): VNode {
  const vnode = h(type as ComponentType, props);
  vnode.type = type;
  return vnode;
}

/** Registers an island export so the renderer marks where it is used. */
export function registerIsland(
  component: ComponentType,
  info: IslandInfo,
): void {
  if (boundaries.has(component)) return;
  // deno-lint-ignore no-explicit-any
  const IslandBoundary = (props: Record<string, any>) => {
    const state = active;
    if (!state || state.scopes.at(-1) === true) {
      return rawVNode(component, props);
    }
    const { children, ...rest } = props;
    const id = `${state.prefix}${state.islands.length}`;
    const slot = children !== undefined && children !== null &&
      children !== false;
    const use: IslandUse = {
      id,
      info,
      props: serialize(rest, `island "${info.name}"`),
      slot,
    };
    state.islands.push(use);
    if (state.partialDepth > 0) state.inPartial?.add(use);
    // Children are rendered as part of the page (islands allowed), not of the island.
    const inner = slot ? { ...rest, children: slotVNode(id, children) } : rest;
    return scoped(
      state,
      true,
      rawVNode("frsh-island", {
        "data-island": id,
        children: rawVNode(component, inner),
      }),
    );
  };
  Object.defineProperty(IslandBoundary, "name", {
    value: `Island(${info.name})`,
  });
  boundaries.set(component, IslandBoundary as ComponentType);
}

/** A component that is either plain or an async (req, ctx) function. */
export type AnyComponent =
  // deno-lint-ignore no-explicit-any
  | ComponentType<any>
  // deno-lint-ignore no-explicit-any
  | ((req: Request, ctx: FreshContext) => Promise<any>);

/** True for `async function` components, which Fresh calls with (req, ctx). */
export function isAsyncComponent(fn: unknown): boolean {
  return typeof fn === "function" && fn.constructor.name === "AsyncFunction";
}

/** One level of the page: the page itself, a layout or the app. */
export interface RenderLevel {
  component: AnyComponent;
}

/** Everything one page render needs. */
export interface RenderRequest {
  req: Request;
  ctx: FreshContext;
  props: PageProps;
  /** Innermost first: page, then layouts inside-out, then the app (if any). */
  levels: RenderLevel[];
  /** Whether the outermost level is an app rendering the whole document. */
  hasApp: boolean;
  assets: () => Promise<ClientAssets>;
  /**
   * A client navigation's request (`?fresh-partial`): answer with the
   * `<Partial>` areas, the head and the state of their islands only.
   */
  partial?: boolean;
}

/**
 * Renders a page to a full HTML document and answers `respond(bytes)`, or
 * the Response an async route or layout produced instead of markup. The
 * bytes are a view of a shared buffer, valid only during the call.
 */
export async function renderPage(
  r: RenderRequest,
  respond: (html: Uint8Array<ArrayBuffer>) => Response,
): Promise<Response> {
  let vnode: ComponentChildren = null;
  for (const [i, level] of r.levels.entries()) {
    const inner = vnode;
    const Component = i === 0 ? r.props.Component : () => inner;
    if (isAsyncComponent(level.component)) {
      const ctx = Object.assign(Object.create(r.ctx), {
        Component,
        data: r.props.data,
      }) as FreshContext;
      const out = await (level.component as (
        req: Request,
        ctx: FreshContext,
      ) => Promise<unknown>)(r.req, ctx);
      if (out instanceof Response) return out;
      vnode = out as ComponentChildren;
    } else {
      vnode = h(level.component as ComponentType<PageProps>, {
        ...r.props,
        Component,
      });
    }
  }
  if (!r.hasApp) vnode = defaultDocument(vnode);

  const state: RenderState = {
    prefix: "",
    islands: [],
    head: [],
    scopes: [],
    fragments: [],
    path: r.props.url.pathname,
    partialDepth: 0,
    partials: false,
    inPartial: r.partial ? new Set() : undefined,
  };
  const head = state.head;
  let body = runRender(state, vnode);

  let headHtml = renderHead(head);
  if (headHtml !== "") body = dedupeDocumentHead(body, head, state.fragments!);
  if (r.partial) body = partialDocument(body);
  const islands = r.partial
    ? state.islands.filter((use) => state.inPartial!.has(use))
    : state.islands;
  let tail = "";
  if (islands.length > 0 || state.partials) {
    const assets = await r.assets();
    const preload = new Set<string>([assets.main]);
    let signals = false;
    const entries = islands.map((use) => {
      const chunk = assets.islands.get(use.info.file);
      if (!chunk) {
        throw new Error(
          `Cannot hydrate island "${use.info.name}": it is missing from the bundle`,
        );
      }
      chunk.preload.forEach((u) => preload.add(u));
      preload.add(chunk.url);
      if (use.cacheable && use.jsonBytes) {
        // Serialized and encoded once per cached fragment: the same props
        // every time, copied in like the fragment itself.
        signals ||= use.signals!;
        return `${MARK}${state.fragments!.push(use.jsonBytes) - 1}${MARK_END}`;
      }
      const json = jsonForScript({
        id: use.id,
        url: chunk.url,
        export: use.info.exportName,
        load: use.info.load,
        slot: use.slot,
        props: use.props,
      });
      const usesSignals = json.includes(`"${TAG}":["s"`);
      signals ||= usesSignals;
      if (use.cacheable) {
        use.jsonBytes = encoder.encode(json);
        use.signals = usesSignals;
      }
      return json;
    });
    const json = `{"islands":[${entries.join(",")}]}`;
    // A partial answer goes into a page that already runs the runtime.
    if (!r.partial) {
      headHtml += [...preload].map((u) =>
        `<link rel="modulepreload" href="${u}">`
      ).join("") +
        `<script type="module" src="${assets.main}"></script>`;
    }
    tail =
      `<script type="application/json" id="__frsh_state" data-signals="${signals}">${json}</script>`;
  }
  return respond(encodePage(body, headHtml, tail, state.fragments!));
}

// Marks where a cached fragment's bytes go in the page string. The nonce is
// never sent (every marker is replaced), so page content cannot forge one.
const MARK = `<!--frsh-fragment-${crypto.randomUUID()}-`;
const MARK_END = "-->";
const encoder = new TextEncoder();
let scratch = new Uint8Array(64 * 1024);

/**
 * The page as UTF-8, with the head's extra tags before `</head>` and `tail`
 * before `</body>`. Only the per-request parts are encoded; cached fragments
 * are copied from their stored bytes. Encoding a long page (Chinese text is
 * two bytes per character in a JS string, three in UTF-8) cost more than
 * rendering it, and the page string is never rebuilt around head and tail.
 */
function encodePage(
  body: string,
  head: string,
  tail: string,
  fragments: Uint8Array[],
): Uint8Array<ArrayBuffer> {
  let size = (body.length + head.length + tail.length) * 3 + 15;
  for (const f of fragments) size += f.byteLength;
  if (scratch.byteLength < size) {
    scratch = new Uint8Array(2 ** Math.ceil(Math.log2(size)));
  }
  // Encoding and `respond` run without awaiting, so one buffer serves every
  // render.
  const out = scratch;
  let written = 0;
  const text = (s: string) => {
    if (s) written += encoder.encodeInto(s, out.subarray(written)).written;
  };
  // Text of `s` from `from` to `to`, with each fragment marker replaced.
  const marked = (s: string, from: number, to: number) => {
    let at = from;
    while (at < to) {
      const mark = fragments.length ? s.indexOf(MARK, at) : -1;
      if (mark === -1 || mark >= to) break;
      text(s.slice(at, mark));
      const end = s.indexOf(MARK_END, mark);
      const fragment = fragments[Number(s.slice(mark + MARK.length, end))];
      out.set(fragment, written);
      written += fragment.byteLength;
      at = end + MARK_END.length;
    }
    text(s.slice(at, to));
  };
  // The head goes before `</head>` (else first), the tail before `</body>`
  // (else last).
  const headAt = head ? Math.max(body.indexOf("</head>"), 0) : 0;
  const tailAt = tail ? body.lastIndexOf("</body>") : -1;
  const bodyEnd = tailAt >= headAt ? tailAt : body.length;
  if (body.startsWith("<html")) text("<!DOCTYPE html>");
  marked(body, 0, headAt);
  text(head);
  marked(body, headAt, bodyEnd);
  marked(tail, 0, tail.length);
  marked(body, bodyEnd, body.length);
  return out.subarray(0, written);
}

// Head HTML by the exact head vnodes it was rendered from. Vnodes from
// cached fragments are the same objects on every request, so a page whose
// head comes only from them renders its head once; a fresh vnode never
// matches.
const headMemo = new WeakMap<
  object,
  { items: ComponentChildren[]; html: string }
>();

function renderHead(head: ComponentChildren[]): string {
  if (head.length === 0) return "";
  const first = head[0];
  const key = typeof first === "object" && first !== null ? first : null;
  const memo = key ? headMemo.get(key) : undefined;
  if (
    memo && memo.items.length === head.length &&
    memo.items.every((item, i) => item === head[i])
  ) return memo.html;
  const html = renderToString(h(Fragment, null, dedupeHead(head)));
  if (key) headMemo.set(key, { items: head.slice(), html });
  return html;
}

function defaultDocument(children: ComponentChildren): VNode {
  return h(
    "html",
    null,
    h(
      "head",
      null,
      h("meta", { charset: "utf-8" }),
      h("meta", {
        name: "viewport",
        content: "width=device-width, initial-scale=1.0",
      }),
    ),
    h("body", null, children),
  );
}

/** Flattens `<Head>` contents into element vnodes (templates kept whole). */
function flattenHead(chunks: ComponentChildren[]): VNode[] {
  const flat: VNode[] = [];
  const visit = (c: ComponentChildren) => {
    if (Array.isArray(c)) c.forEach(visit);
    else if (c && typeof c === "object" && "type" in c) {
      const props = c.props as { children?: ComponentChildren; tpl?: unknown };
      if (c.type === Fragment && props.tpl === undefined) visit(props.children);
      else flat.push(c);
    }
  };
  chunks.forEach(visit);
  return flat;
}

/**
 * What makes two head elements the same one (Fresh's rule): `<title>`, a
 * `<meta>` by its `name` or `property`, any element by its `key`.
 */
function headId(node: VNode): string | null {
  if (node.key != null) return `key:${node.key}`;
  if (node.type === "title") return "title";
  if (node.type === "meta") {
    const props = node.props as { name?: unknown; property?: unknown };
    if (typeof props.name === "string") return `name:${props.name}`;
    if (typeof props.property === "string") {
      return `property:${props.property}`;
    }
  }
  return null;
}

/** `<Head>` contents with one element per id, the last one winning. */
function dedupeHead(chunks: ComponentChildren[]): VNode[] {
  const out: VNode[] = [];
  const seen = new Map<string, number>();
  for (const node of flattenHead(chunks)) {
    const id = headId(node);
    if (id !== null && seen.has(id)) {
      out[seen.get(id)!] = node;
      continue;
    }
    if (id !== null) seen.set(id, out.length);
    out.push(node);
  }
  return out;
}

const decoder = new TextDecoder();

function unescapeAttr(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(/&quot;/g, '"').replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

const TITLE_TAG = /<title\b[^>]*>[\s\S]*?<\/title>/g;
const META_TAG = /<meta\b[^>]*>/g;
const META_KEY = /\s(name|property)="([^"]*)"/;

/** What a `<Head>` replaces in the document head: its title, its metas. */
interface HeadIds {
  title: boolean;
  metas: Set<string> | null;
  /** Both, as one string (a memo key). */
  key: string;
}

/** `html` without the tags `ids` replaces (`html` itself if none). */
function stripReplaced(html: string, ids: HeadIds): string {
  let out = html;
  if (ids.title && out.includes("<title")) out = out.replace(TITLE_TAG, "");
  if (ids.metas !== null && out.includes("<meta")) {
    const metas = ids.metas;
    out = out.replace(META_TAG, (tag) => {
      const m = META_KEY.exec(tag);
      return m && metas.has(`${m[1]}:${unescapeAttr(m[2])}`) ? "" : tag;
    });
  }
  return out;
}

// A cached fragment in the head, stripped for a set of ids (null: nothing
// to strip), computed once per fragment and set: the app's cached head
// parts cost a map lookup per request.
const strippedFragments = new WeakMap<Uint8Array, Map<string, string | null>>();
function strippedFragment(bytes: Uint8Array, ids: HeadIds): string | null {
  let byIds = strippedFragments.get(bytes);
  if (!byIds) strippedFragments.set(bytes, byIds = new Map());
  let out = byIds.get(ids.key);
  if (out === undefined) {
    const text = decoder.decode(bytes);
    const stripped = stripReplaced(text, ids);
    out = stripped === text ? null : stripped;
    byIds.set(ids.key, out);
  }
  return out;
}

/**
 * Removes from the document's own `<head>` (written by `_app` or a layout)
 * the `<title>` and the `<meta name|property>` that a `<Head>` also sets,
 * so the page's one wins, as in Fresh. Runs only when `<Head>` set one, and
 * returns `body` itself when there was nothing to remove.
 */
function dedupeDocumentHead(
  body: string,
  head: ComponentChildren[],
  fragments: Uint8Array[],
): string {
  let title = false;
  let metas: Set<string> | null = null;
  for (const node of flattenHead(head)) {
    const id = headId(node);
    if (id === "title") title = true;
    else if (id !== null && !id.startsWith("key:")) {
      (metas ??= new Set()).add(id);
    }
  }
  if (!title && metas === null) return body;
  const ids: HeadIds = {
    title,
    metas,
    key: `${title}|${metas ? [...metas].join("|") : ""}`,
  };
  const start = body.indexOf("<head");
  const end = body.indexOf("</head>");
  if (start === -1 || end === -1) return body;
  const region = body.slice(start, end);
  // The head's own text and its cached fragments, each stripped.
  let out = "";
  let changed = false;
  let at = 0;
  for (;;) {
    const mark = fragments.length > 0 ? region.indexOf(MARK, at) : -1;
    const literal = region.slice(at, mark === -1 ? region.length : mark);
    const stripped = stripReplaced(literal, ids);
    if (stripped !== literal) changed = true;
    out += stripped;
    if (mark === -1) break;
    const close = region.indexOf(MARK_END, mark);
    const index = Number(region.slice(mark + MARK.length, close));
    const fragment = strippedFragment(fragments[index], ids);
    at = close + MARK_END.length;
    if (fragment === null) out += region.slice(mark, at);
    else {
      out += fragment;
      changed = true;
    }
  }
  return changed ? body.slice(0, start) + out + body.slice(end) : body;
}

/**
 * The answer to a client navigation: the document's head (the `<Head>`
 * elements are added to it as for a page) and the outermost `<Partial>`
 * areas, nothing else of the page.
 */
function partialDocument(body: string): string {
  const headStart = body.indexOf("<head");
  const headEnd = body.indexOf("</head>");
  const headInner = headStart === -1 || headEnd === -1
    ? ""
    : body.slice(body.indexOf(">", headStart) + 1, headEnd);
  const areas: string[] = [];
  const open = "<!--frsh-partial:";
  const close = "<!--/frsh-partial:";
  let at = body.indexOf(open);
  while (at !== -1) {
    // Nested areas travel inside their outermost one.
    let depth = 0;
    let scan = at;
    let end = -1;
    while (scan !== -1) {
      const nextOpen = body.indexOf(open, scan + 1);
      const nextClose = body.indexOf(close, scan + 1);
      if (nextClose === -1) break;
      if (nextOpen !== -1 && nextOpen < nextClose) {
        depth++;
        scan = nextOpen;
      } else if (depth > 0) {
        depth--;
        scan = nextClose;
      } else {
        end = body.indexOf("-->", nextClose) + 3;
        break;
      }
    }
    if (end < 3) break;
    areas.push(body.slice(at, end));
    at = body.indexOf(open, end);
  }
  return `<html><head>${headInner}</head><body>${areas.join("")}</body></html>`;
}

/** Most fragments kept by `RenderCache` per process (least recently used go first). */
export const MAX_CACHED_FRAGMENTS = 500;
// Rendered fragments keyed by the caller's id, which must include everything
// the fragment depends on (e.g. content version and language). Holds
// rendered content, never per-user data: callers must not cache user parts.
const fragments = new Map<
  string,
  {
    /** When it was last used (a tick of `clock`): hits only stamp it. */
    used: number;
    html: string;
    bytes: Uint8Array;
    islands: IslandUse[];
    head: ComponentChildren[];
    /** Whether it holds a `<Partial>` (all its islands then count as inside). */
    partials: boolean;
  }
>();

let clock = 0;

// Drops the least recently used tenth, so eviction scans rarely.
function evictLeastRecentlyUsed() {
  const uses = [...fragments.values()].map((e) => e.used).sort((a, b) => a - b);
  const cutoff = uses[Math.floor(uses.length / 10)];
  for (const [id, e] of fragments) {
    if (e.used <= cutoff) fragments.delete(id);
  }
}

function shortHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return (h >>> 0).toString(36);
}

/**
 * Renders its children once per `id` and reuses the HTML afterwards
 * (beyond Fresh). Islands inside keep working: their markers and props are
 * stored with the fragment. Only for output that depends on nothing but
 * what `id` names.
 */
export function RenderCache(
  props: { id: string; children?: ComponentChildren },
): VNode | null {
  const state = active;
  if (!state) return h(Fragment, null, props.children);
  let entry = fragments.get(props.id);
  if (entry) {
    entry.used = ++clock;
  } else {
    const inner: RenderState = {
      prefix: `${state.prefix}f${shortHash(props.id)}-`,
      islands: [],
      head: [],
      scopes: state.scopes.slice(),
      path: null,
      partialDepth: 0,
      partials: false,
    };
    const html = runRender(inner, props.children);
    for (const island of inner.islands) island.cacheable = true;
    entry = {
      used: ++clock,
      html,
      bytes: encoder.encode(html),
      islands: inner.islands,
      head: inner.head,
      partials: inner.partials,
    };
    fragments.set(props.id, entry);
    if (fragments.size > MAX_CACHED_FRAGMENTS) evictLeastRecentlyUsed();
  }
  state.islands.push(...entry.islands);
  state.head.push(...entry.head);
  if (entry.partials) state.partials = true;
  if (state.inPartial && (state.partialDepth > 0 || entry.partials)) {
    for (const island of entry.islands) state.inPartial.add(island);
  }
  if (!state.fragments) return jsxTemplate([entry.html]);
  const index = state.fragments.push(entry.bytes) - 1;
  return jsxTemplate([`${MARK}${index}${MARK_END}`]);
}

function slotVNode(id: string, children: ComponentChildren): VNode {
  const state = active!;
  return h(SlotScope, { id, state, children }) as VNode;
}

function SlotScope(
  props: { id: string; state: RenderState; children?: ComponentChildren },
) {
  return scoped(
    props.state,
    false,
    rawVNode("frsh-slot", { "data-slot": props.id, children: props.children }),
  );
}
