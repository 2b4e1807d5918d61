/**
 * Pieces used by both server and browser code: where `<Head>` sends its
 * children and the asset resolver. Kept tiny because island bundles include it.
 */
import type { ComponentChildren } from "preact";

/** Collects `<Head>` children during one server render. */
export interface HeadCollector {
  push(children: ComponentChildren): void;
}

/**
 * The collector of the server render in progress (renders are synchronous,
 * so one at a time); null in the browser and between renders.
 */
export const headSlot: { current: HeadCollector | null } = { current: null };

let resolveAsset: (path: string) => string = (path) => path;

/** Installs the server's static-file hash lookup behind `asset()`. */
export function setAssetResolver(fn: (path: string) => string): void {
  resolveAsset = fn;
}

/** Adds a cache-busting query to an absolute static path. */
export function assetPath(path: string): string {
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("?")) {
    return path;
  }
  return resolveAsset(path);
}

/** Props of `<Partial>` (Fresh 1.x). */
export interface PartialProps {
  /** The name that identifies this area across pages. */
  name: string;
  /**
   * How new content for this name is applied on client navigation: replace
   * the old (default), or add after (`append`) or before (`prepend`) it.
   */
  mode?: "replace" | "append" | "prepend";
  children?: ComponentChildren;
}

/**
 * How the server render marks a `<Partial>`; null in the browser, where a
 * Partial is plain children (it is only rendered on the server).
 */
export const partialSlot: {
  current: ((props: PartialProps) => ComponentChildren) | null;
} = { current: null };

/** The search parameter a client navigation adds to the page it fetches. */
export const PARTIAL_SEARCH_PARAM = "fresh-partial";

/**
 * Fresh's active-link rule: a link's `href` (a path starting with "/") is
 * the current page, an ancestor of it (a parent path; "/" is an ancestor of
 * every page), or neither (null). Trailing slashes, query and fragment are
 * ignored. Used by the server render and after client navigation.
 */
export function matchUrl(
  current: string,
  href: string,
): "current" | "ancestor" | null {
  let path = href;
  const query = path.indexOf("?");
  if (query !== -1) path = path.slice(0, query);
  const hash = path.indexOf("#");
  if (hash !== -1) path = path.slice(0, hash);
  if (/[^\x21-\x7e]/.test(path)) {
    path = new URL(path, "http://localhost").pathname;
  }
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  if (current.length > 1 && current.endsWith("/")) {
    current = current.slice(0, -1);
  }
  if (current === path) return "current";
  if (path === "/" || current.startsWith(path + "/")) return "ancestor";
  return null;
}
