/**
 * One hash over many files, for "has anything changed" checks: a course's
 * content hash (loader.ts) and the start-up import fingerprint
 * (import_fingerprint.ts).
 *
 * @module
 */
import { sha256Hex } from "@/lib/crypto/digest.ts";

/**
 * SHA-256 (lower-case hex) over named byte strings, each framed as
 * `name\0size\0bytes`, in name order: renaming, adding or removing a file
 * changes it, the order they are given in does not.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { filesHash } from "@/lib/content/files_hash.ts";
 * const enc = new TextEncoder();
 * assert.equal(
 *   await filesHash([["a", enc.encode("x")], ["b", enc.encode("y")]]),
 *   await filesHash([["b", enc.encode("y")], ["a", enc.encode("x")]]),
 * );
 * ```
 */
export function filesHash(
  files: readonly (readonly [name: string, bytes: Uint8Array])[],
): string {
  const sorted = files.toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const [name, bytes] of sorted) {
    parts.push(enc.encode(`${name}\0${bytes.length}\0`), bytes);
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return sha256Hex(all);
}
