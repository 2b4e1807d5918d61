/**
 * Client navigation with Partials, as in Fresh 1.x. Inside an element with
 * `f-client-nav` (and not under `f-client-nav="false"`), a click on a
 * same-origin link fetches the next page with `?fresh-partial=true` (or the
 * link's `f-partial` URL), swaps the `<Partial>` areas of the same name,
 * hydrates the islands inside them, updates title, meta tags, active links
 * and history; islands outside the areas keep their state. Back and forward
 * fetch the page of the entry the same way. Anything unexpected (network
 * error, an answer that is not HTML, no area or an unknown area) falls back
 * to a full page load. A button with `f-partial` (and a form whose submitter
 * or itself has it) fetches that URL and swaps its areas without changing
 * the address.
 */
import { matchUrl, PARTIAL_SEARCH_PARAM } from "../shared.ts";
import { bootIslands, unmountIslands } from "./islands.ts";

interface Area {
  name: string;
  mode: string;
  depth: number;
  start: Comment;
  end: Comment;
}

/** The `<Partial>` areas under `root`, by name (outermost first on repeats). */
function findAreas(root: Node): Map<string, Area> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const areas = new Map<string, Area>();
  const open: Omit<Area, "end">[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n as Comment).data;
    if (text.startsWith("frsh-partial:")) {
      const [, name, mode] = text.split(":");
      open.push({
        name: decodeURIComponent(name),
        mode,
        depth: open.length,
        start: n as Comment,
      });
    } else if (text.startsWith("/frsh-partial:")) {
      const area = open.pop();
      if (area && !areas.has(area.name)) {
        areas.set(area.name, { ...area, end: n as Comment });
      }
    }
  }
  return areas;
}

function between(area: Area): Node[] {
  const nodes: Node[] = [];
  for (let n = area.start.nextSibling; n && n !== area.end; n = n.nextSibling) {
    nodes.push(n);
  }
  return nodes;
}

/** Whether client navigation applies to clicks on `el`. */
function clientNavOn(el: Element): boolean {
  const host = el.closest("[f-client-nav]");
  return host !== null && host.getAttribute("f-client-nav") !== "false";
}

/**
 * The outermost areas of a fetched document and the page's areas; throws
 * when the answer has none or one the page does not have.
 */
function matchAreas(doc: Document): {
  incoming: Area[];
  current: Map<string, Area>;
} {
  const incoming = [...findAreas(doc.body).values()].filter((a) =>
    a.depth === 0
  );
  if (incoming.length === 0) throw new Error("The answer has no <Partial>");
  const current = findAreas(document.body);
  for (const area of incoming) {
    if (!current.has(area.name)) {
      throw new Error(`<Partial name="${area.name}"> is not on this page`);
    }
  }
  return { incoming, current };
}

/**
 * Swaps the areas of a fetched document into the page; throws (changing
 * nothing) when the answer has no area or one the page does not have.
 */
function applyPartials(doc: Document): Element[] {
  const { incoming, current } = matchAreas(doc);
  const hadFocus = document.activeElement;
  const inserted: Element[] = [];
  for (const area of incoming) {
    const target = current.get(area.name)!;
    const nodes = between(area).map((n) => document.importNode(n, true));
    if (area.mode === "prepend") target.start.after(...nodes);
    else {
      if (area.mode !== "append") {
        for (const old of between(target)) {
          unmountIslands(old);
          old.parentNode!.removeChild(old);
        }
      }
      target.end.before(...nodes);
    }
    for (const n of nodes) if (n instanceof Element) inserted.push(n);
  }
  const stateEl = doc.getElementById("__frsh_state");
  if (stateEl) bootIslands(stateEl, inserted);
  // Focus was inside replaced content: move it to the nearest focusable
  // container of the first area (e.g. `<main tabindex="-1">`), not the body.
  if (hadFocus && hadFocus !== document.body && !hadFocus.isConnected) {
    const first = current.get(incoming[0].name)!.start.parentElement;
    first?.closest<HTMLElement>("[tabindex]")?.focus({ preventScroll: true });
  }
  updateHead(doc);
  return inserted;
}

/** Title, `<meta name|property>` and stylesheets follow the new page. */
function updateHead(doc: Document): void {
  if (doc.querySelector("title")) document.title = doc.title;
  const key = (m: Element) =>
    m.hasAttribute("name")
      ? `name:${m.getAttribute("name")}`
      : `property:${m.getAttribute("property")}`;
  const next = new Map<string, Element>();
  for (const m of doc.head.querySelectorAll("meta[name], meta[property]")) {
    next.set(key(m), m);
  }
  for (
    const m of document.head.querySelectorAll("meta[name], meta[property]")
  ) {
    const update = next.get(key(m));
    if (!update) m.remove();
    else {
      m.setAttribute("content", update.getAttribute("content") ?? "");
      next.delete(key(m));
    }
  }
  for (const m of next.values()) {
    document.head.appendChild(document.importNode(m, true));
  }
  for (const link of doc.head.querySelectorAll("link[rel=stylesheet]")) {
    const href = link.getAttribute("href");
    if (
      href &&
      !document.head.querySelector(
        `link[rel=stylesheet][href="${CSS.escape(href)}"]`,
      )
    ) document.head.appendChild(document.importNode(link, true));
  }
}

// Links the server left unmarked though they match (a `RenderCache`
// fragment is rendered once for every URL, so its links are not marked):
// navigation leaves them alone too, so a page looks the same whether it was
// loaded or navigated to.
const unmarked = new WeakSet<Element>();

function linkState(a: Element): "current" | "ancestor" | null {
  return a.hasAttribute("data-current")
    ? "current"
    : a.hasAttribute("data-ancestor")
    ? "ancestor"
    : null;
}

function localHref(a: Element): string | null {
  const href = a.getAttribute("href");
  return href && href[0] === "/" && href[1] !== "/" ? href : null;
}

/** Notes the links under `roots` the server did not mark for `path`. */
function noteUnmarked(roots: ParentNode[], path: string): void {
  for (const root of roots) {
    const links = root instanceof Element && root.matches("a[href]")
      ? [root]
      : [...root.querySelectorAll("a[href]")];
    for (const a of links) {
      const href = localHref(a);
      if (href && linkState(a) !== matchUrl(path, href)) unmarked.add(a);
    }
  }
}

/** Active-link attributes after navigation (the server sets them on load). */
function updateLinks(url: URL): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>("a[href]")) {
    const href = localHref(a);
    if (!href || unmarked.has(a)) continue;
    const ours = linkState(a) !== null || !a.hasAttribute("aria-current");
    const match = matchUrl(url.pathname, href);
    if (match === "current") a.setAttribute("data-current", "true");
    else a.removeAttribute("data-current");
    if (match === "ancestor") a.setAttribute("data-ancestor", "true");
    else a.removeAttribute("data-ancestor");
    if (!ours) continue;
    if (match === null) a.removeAttribute("aria-current");
    else a.setAttribute("aria-current", match === "current" ? "page" : "true");
  }
}

let inFlight: AbortController | null = null;
// The page the document shows (path and query), to tell a hash-only history
// step from one that needs content.
let shown = location.pathname + location.search;

/** Fetches `source` as a partial answer; throws when it is not usable HTML. */
async function fetchPartials(
  source: URL,
  init: RequestInit = {},
): Promise<{ doc: Document; url: URL }> {
  inFlight?.abort();
  const controller = inFlight = new AbortController();
  const req = new URL(source);
  req.searchParams.set(PARTIAL_SEARCH_PARAM, "true");
  const res = await fetch(req, { ...init, signal: controller.signal });
  const type = res.headers.get("content-type") ?? "";
  if (!type.includes("text/html")) {
    throw new Error(`Not HTML (${res.status} ${type})`);
  }
  const html = await res.text();
  if (inFlight === controller) inFlight = null;
  const url = new URL(res.url);
  url.searchParams.delete(PARTIAL_SEARCH_PARAM);
  return { doc: new DOMParser().parseFromString(html, "text/html"), url };
}

async function navigate(
  url: URL,
  source: URL,
  how: "push" | "pop",
  scrollY = 0,
): Promise<void> {
  try {
    const { doc, url: landed } = await fetchPartials(source);
    // A redirect of the page itself lands elsewhere: that is the address.
    const address = source.href === url.href && landed.href !== url.href
      ? landed
      : url;
    // Checked before the history entry is added: a fallback to a full load
    // must not leave an entry that shows this page under the new address.
    matchAreas(doc);
    if (how === "push") {
      history.replaceState(
        { ...history.state, fresh: { scrollY: globalThis.scrollY } },
        "",
      );
      history.pushState({ fresh: { scrollY: 0 } }, "", address.href);
    }
    const inserted = applyPartials(doc);
    // Links in the answer were marked for the page fetched (for an
    // `f-partial` link, that URL, not the address).
    noteUnmarked(inserted, landed.pathname);
    shown = location.pathname + location.search;
    updateLinks(new URL(location.href));
    if (how === "pop") scrollTo(0, scrollY);
    else if (address.hash) {
      document.getElementById(decodeURIComponent(address.hash.slice(1)))
        ?.scrollIntoView();
    } else scrollTo(0, 0);
  } catch (e) {
    if ((e as Error).name === "AbortError") return;
    console.warn("Client navigation failed; loading the page", e);
    location.href = url.href;
  }
}

function onClick(e: MouseEvent): void {
  if (
    e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey ||
    e.shiftKey || e.altKey || !(e.target instanceof Element)
  ) return;
  const el = e.target.closest("a, button");
  if (el instanceof HTMLAnchorElement) {
    if (
      !el.hasAttribute("href") || (el.target && el.target !== "_self") ||
      el.hasAttribute("download") || !clientNavOn(el)
    ) return;
    const url = new URL(el.href);
    if (url.origin !== location.origin) return;
    // Same page with a fragment: the browser scrolls.
    if (url.pathname + url.search === shown && url.hash) return;
    e.preventDefault();
    const partial = el.getAttribute("f-partial");
    navigate(url, partial ? new URL(partial, location.href) : url, "push");
  } else if (
    el instanceof HTMLButtonElement && el.hasAttribute("f-partial") &&
    !el.form && clientNavOn(el)
  ) {
    e.preventDefault();
    swapFrom(new URL(el.getAttribute("f-partial")!, location.href));
  }
}

/** Swaps areas from `source` without changing the address. */
async function swapFrom(source: URL, init?: RequestInit): Promise<void> {
  try {
    const { doc, url } = await fetchPartials(source, init);
    noteUnmarked(applyPartials(doc), url.pathname);
    updateLinks(new URL(location.href));
  } catch (e) {
    if ((e as Error).name === "AbortError") return;
    console.warn("Partial update failed; reloading", e);
    location.reload();
  }
}

function onSubmit(e: SubmitEvent): void {
  const form = e.target;
  if (e.defaultPrevented || !(form instanceof HTMLFormElement)) return;
  const submitter = e.submitter as HTMLButtonElement | null;
  const partial = submitter?.getAttribute("f-partial") ??
    form.getAttribute("f-partial");
  if (partial === null || !clientNavOn(form)) return;
  e.preventDefault();
  const method = (submitter?.getAttribute("formmethod") ?? form.method)
    .toUpperCase();
  const data = new FormData(form, submitter);
  const source = new URL(partial, location.href);
  if (method === "GET") {
    for (const [k, v] of data) {
      if (typeof v === "string") source.searchParams.append(k, v);
    }
    swapFrom(source);
  } else swapFrom(source, { method, body: data });
}

function onPopState(): void {
  const page = location.pathname + location.search;
  if (page === shown) return; // a fragment step on the same page
  const state = history.state as { fresh?: { scrollY: number } } | null;
  const url = new URL(location.href);
  navigate(url, url, "pop", state?.fresh?.scrollY ?? 0);
}

/** Starts client navigation for the document (once). */
export function startClientNav(): void {
  if (!document.querySelector("[f-client-nav]")) return;
  noteUnmarked([document], location.pathname);
  document.addEventListener("click", onClick);
  document.addEventListener("submit", onSubmit);
  addEventListener("popstate", onPopState);
}
