/** Path helpers from Node's built-ins (deno_std's @std/path lives on JSR, out of reach). */
import { fileURLToPath } from "node:url";
export { dirname, join, relative, resolve, sep } from "node:path";

/** Converts a `file:` URL to a path. */
export function fromFileUrl(url: string | URL): string {
  return fileURLToPath(url);
}
