/**
 * Digests as text: the one SHA-256 (session tokens, content hashes,
 * certificate proofs, preview digests) and the one place bytes become
 * lower-case hex (name-based ids).
 *
 * node:crypto's synchronous hash rather than WebCrypto's async digest: every
 * signed-in request hashes its session cookie, and the async digest cost a
 * sixth of a page's server time.
 *
 * @module
 */
import { createHash } from "node:crypto";

/** Bytes as lower-case hex, two digits a byte. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** SHA-256 of UTF-8 text (or of bytes) as lower-case hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
