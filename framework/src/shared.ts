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
