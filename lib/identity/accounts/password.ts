/**
 * Password hashing with WebCrypto PBKDF2-SHA256 (no native addon): a 16-byte
 * random salt and 600,000 iterations (OWASP's 2023 figure), stored
 * self-describing as `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` so
 * the parameters can be raised later and old hashes upgraded at next login.
 */
import { z } from "zod";
import { constantTimeEqual } from "@/lib/identity/token.ts";

/** Iterations for new hashes. Tests pass fewer where speed matters. */
export const PBKDF2_ITERATIONS = 600_000;
/** Salt length in bytes. */
export const SALT_BYTES = 16;
const HASH_BYTES = 32;
const SCHEME = "pbkdf2-sha256";
// A stored hash is trusted data, but an absurd count would hang a login.
const MAX_ITERATIONS = 10_000_000;

/** Password rules: 10 to 128 characters. */
export const PasswordSchema = z.string()
  .min(10, "password must have at least 10 characters")
  .max(128, "password must have at most 128 characters");

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  // NFKC so the same password typed on another keyboard or IME still matches.
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password.normalize("NFKC")),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    key,
    HASH_BYTES * 8,
  );
  return new Uint8Array(bits);
}

interface Parsed {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  hash: string;
}

function parse(stored: string): Parsed | null {
  const parts = stored.split("$");
  if (parts.length !== 4 || parts[0] !== SCHEME) return null;
  const iterations = Number(parts[1]);
  if (
    !Number.isInteger(iterations) || iterations < 1 ||
    iterations > MAX_ITERATIONS
  ) return null;
  try {
    return { iterations, salt: unb64(parts[2]), hash: parts[3] };
  } catch {
    return null;
  }
}

/** Hashes a password for storage; check it with PasswordSchema first. */
export async function hashPassword(
  password: string,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations);
  return `${SCHEME}$${iterations}$${b64(salt)}$${b64(hash)}`;
}

/**
 * Checks a password against a stored hash, comparing in constant time. A
 * malformed stored value never matches (and is not an exception, so a sign-in
 * answers the same way whatever is stored).
 */
export async function verifyPassword(
  password: string,
  stored: string,
): Promise<boolean> {
  const p = parse(stored);
  if (!p) return false;
  const actual = b64(await derive(password, p.salt, p.iterations));
  return constantTimeEqual(actual, p.hash);
}

/** True when a stored hash uses another scheme or fewer iterations than new hashes. */
export function needsRehash(
  stored: string,
  iterations: number = PBKDF2_ITERATIONS,
): boolean {
  const p = parse(stored);
  return p === null || p.iterations < iterations;
}

/**
 * A hash no password matches, with the given cost: sign-in verifies against
 * it for unknown accounts so they take as long as known ones.
 */
export function dummyHash(iterations: number = PBKDF2_ITERATIONS): string {
  return `${SCHEME}$${iterations}$${"A".repeat(22)}==$${"A".repeat(43)}=`;
}
