/**
 * The second CSRF layer (after the Origin check): every state-changing
 * request carries a token, as the `_csrf` form field or the `x-csrf-token`
 * header, equal to the session's token (or, before sign-in, to the
 * `sa_csrf` cookie: a double-submit token). Compared in constant time.
 */
import { timingSafeEqual } from "node:crypto";

/** The cookie holding the pre-sign-in token. */
export const PRE_SESSION_COOKIE = "sa_csrf";

/** A fresh random token. */
export function newCsrfToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll(
    "/",
    "_",
  ).replace(/=+$/, "");
}

/** The token a request presents, read without consuming its body. */
export async function presentedToken(req: Request): Promise<string | null> {
  const header = req.headers.get("x-csrf-token");
  if (header) return header;
  const type = req.headers.get("content-type") ?? "";
  if (
    !type.includes("application/x-www-form-urlencoded") &&
    !type.includes("multipart/form-data")
  ) return null;
  if (Number(req.headers.get("content-length") ?? 0) > 1_000_000) return null;
  try {
    const value = (await req.clone().formData()).get("_csrf");
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}

/** True when `presented` equals `expected` (constant time). */
export function tokensMatch(
  presented: string | null,
  expected: string | null,
): boolean {
  if (!presented || !expected) return false;
  const a = new TextEncoder().encode(presented);
  const b = new TextEncoder().encode(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
