/**
 * `$fresh/runtime.ts`: what components and islands import in both places.
 */
import type { ComponentChildren } from "preact";
import { assetPath, headSlot } from "./src/shared.ts";

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

export type { IslandConfig, IslandLoad } from "./src/types.ts";
