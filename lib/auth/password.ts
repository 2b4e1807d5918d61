/**
 * Password hashing with WebCrypto PBKDF2-SHA256 (no native addon needed):
 * 600,000 iterations and a 16-byte random salt, stored self-describing as
 * `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` so the parameters can
 * be raised later and old hashes upgraded at the next login.
 */
import { timingSafeEqual } from "node:crypto";

/** Iterations for new hashes (OWASP's 2023 figure for PBKDF2-SHA256). */
export const PBKDF2_ITERATIONS = 600_000;
const SCHEME = "pbkdf2-sha256";

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password.normalize("NFKC")),
    "PBKDF2",
    false,
    [
      "deriveBits",
    ],
  );
  return new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: "PBKDF2", hash: "SHA-256", salt, iterations },
      key,
      256,
    ),
  );
}

/** Hashes a password for storage. */
export async function hashPassword(
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `${SCHEME}$${iterations}$${b64(salt)}$${
    b64(await derive(password, salt, iterations))
  }`;
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(
  password: string,
  stored: string,
): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split("$");
  const iterations = Number(iter);
  if (
    scheme !== SCHEME || !Number.isInteger(iterations) || iterations < 1 ||
    !salt || !hash
  ) return false;
  const expected = unb64(hash);
  const actual = await derive(password, unb64(salt), iterations);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** True when a stored hash uses weaker parameters than new hashes would. */
export function needsRehash(
  stored: string,
  iterations = PBKDF2_ITERATIONS,
): boolean {
  const [scheme, iter] = stored.split("$");
  return scheme !== SCHEME || Number(iter) < iterations;
}

/** A hash of a random password, to spend the same time on unknown accounts. */
export const DUMMY_HASH =
  "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
