/**
 * Digests as text: the one place bytes become lower-case hex, for content
 * hashes, certificate proofs, preview digests and name-based ids.
 *
 * (Session tokens hash with node:crypto's synchronous digest instead, in
 * lib/identity/token.ts: every signed-in request does it.)
 *
 * @module
 */

/** Bytes as lower-case hex, two digits a byte. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** SHA-256 of UTF-8 text (or of bytes) as lower-case hex. */
export async function sha256Hex(
  data: string | Uint8Array<ArrayBuffer>,
): Promise<string> {
  const bytes = typeof data === "string"
    ? new TextEncoder().encode(data)
    : data;
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));
}
