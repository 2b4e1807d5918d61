/**
 * Random bearer secrets (session ids, CSRF tokens, invitation links) and the
 * digests stores keep instead of them, so a leaked store leaks nothing usable.
 */
import { sha256Hex } from "@/lib/crypto/digest.ts";

/** The shape of a token from `randomToken()`: 32 bytes as base64url. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Encodes bytes as base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(
    /=+$/,
    "",
  );
}

/** A fresh random 256-bit token, base64url (43 characters). */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The SHA-256 of a token as lowercase hex: the only form stores keep. */
export function hashToken(token: string): Promise<string> {
  return Promise.resolve(hashTokenSync(token));
}

/** `hashToken`, synchronously. */
export function hashTokenSync(token: string): string {
  return sha256Hex(token);
}

/**
 * Compares two strings without stopping at the first difference, so the time
 * taken does not tell an attacker how much of a guess was right.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  }
  return diff === 0;
}
