/**
 * The second CSRF layer (after the Origin check): every state-changing
 * request carries a token, as the `_csrf` form field or the `x-csrf-token`
 * header, equal to the session's token (or, before sign-in, to the
 * `sa_csrf` cookie: a double-submit token). Compared in constant time.
 */
import { timingSafeEqual } from "node:crypto";
import { readAtMost } from "./body.ts";
import { DomainError } from "@/lib/errors.ts";

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

/**
 * The largest form body the CSRF check reads (and so the largest form the
 * app accepts): a 1 MiB upload plus its multipart framing and fields.
 */
export const MAX_FORM_BODY_BYTES = 1024 * 1024 + 256 * 1024;

/** Thrown when a form body is larger than MAX_FORM_BODY_BYTES. */
export class FormTooLargeError extends DomainError {
  constructor() {
    super(
      "body-too-large",
      `Form body is larger than ${MAX_FORM_BODY_BYTES} bytes`,
    );
    this.name = "FormTooLargeError";
  }
}

/** What a state-changing request presents: its token, and its form if it sent one. */
export interface Presented {
  token: string | null;
  /** The parsed form (a copy; the route reads the original), or null. */
  form: FormData | null;
}

/**
 * The token a request presents, read from a copy of its body so the route
 * can still read the original. The copy is read at most up to
 * `maxBytes` whether or not Content-Length is declared (a chunked body
 * could otherwise be read without bound); beyond that it throws
 * FormTooLargeError. The form comes back too, so a refused form can be
 * shown again with what was typed.
 */
export async function presentedForm(
  req: Request,
  maxBytes = MAX_FORM_BODY_BYTES,
): Promise<Presented> {
  const header = req.headers.get("x-csrf-token");
  const type = req.headers.get("content-type") ?? "";
  if (
    !type.includes("application/x-www-form-urlencoded") &&
    !type.includes("multipart/form-data")
  ) return { token: header, form: null };
  // A form is read (capped) even when the token came as a header, so a
  // route's `formData()` never meets an unbounded body.
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) {
    throw new FormTooLargeError();
  }
  const copy = req.clone().body;
  if (!copy) return { token: null, form: null };
  // The route never reads a refused body, so its branch is ended too.
  const bytes = await readAtMost(copy, maxBytes, req.body);
  if (!bytes) throw new FormTooLargeError();
  try {
    const form = await new Response(bytes, {
      headers: { "content-type": type },
    }).formData();
    const value = form.get("_csrf");
    return {
      token: header ?? (typeof value === "string" ? value : null),
      form,
    };
  } catch {
    return { token: header, form: null };
  }
}

/** The token alone (see presentedForm). */
export async function presentedToken(
  req: Request,
  maxBytes = MAX_FORM_BODY_BYTES,
): Promise<string | null> {
  return (await presentedForm(req, maxBytes)).token;
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
