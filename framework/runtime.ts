/**
 * `$fresh/runtime.ts`: what components and islands import in both places.
 */
import type { ComponentChildren } from "preact";
import {
  assetPath,
  headSlot,
  type PartialProps,
  partialSlot,
} from "./src/shared.ts";

/** True when running in the browser, false during server rendering. */
export const IS_BROWSER: boolean = typeof document !== "undefined";

/** Moves its children into the document's `<head>` (server-side). */
export function Head(props: { children?: ComponentChildren }): null {
  headSlot.current?.push(props.children);
  return null;
}

/**
 * Returns `path` with a content-hash query so the file may be cached as
 * immutable; non-absolute paths are returned unchanged.
 */
export function asset(path: string): string {
  return assetPath(path);
}

/**
 * Marks an area of the page that client navigation may update on its own
 * (Fresh 1.x Partials). Inside an element with `f-client-nav`, a click on a
 * link fetches the next page, and only the `<Partial>` areas with the same
 * `name` are swapped; islands outside them keep their state, the title and
 * history follow. `f-partial="/url"` on a link or button fetches that URL
 * instead (the link's `href` still becomes the address).
 */
export function Partial(props: PartialProps): ComponentChildren {
  return partialSlot.current ? partialSlot.current(props) : props.children;
}

export type { PartialProps };
export type { IslandConfig, IslandLoad } from "./src/types.ts";
