/**
 * Pieces used by both server and browser code: the Head context and the
 * asset resolver. Kept tiny because island bundles include it.
 */
import { createContext } from "preact";
import type { ComponentChildren } from "preact";

/** Collects `<Head>` children during one server render. */
export interface HeadCollector {
  push(children: ComponentChildren): void;
}

/** Provided by the server renderer; absent in the browser. */
export const HeadContext = createContext<HeadCollector | null>(null);

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
