/**
 * Logins: an email address or a mainland China mobile number, normalised so
 * one person cannot hold two spellings of the same login (email lower-cased
 * and trimmed; phone digits only, an optional +86 dropped).
 */
import { z } from "zod";

// Deliberately loose: one "@", a dot in the domain, no spaces. Real checking
// is the invitation reaching the inbox.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
const MOBILE = /^1\d{10}$/;

/** The normalised email, or null when it is not an email address. */
export function normalizeEmail(input: string): string | null {
  const v = input.normalize("NFKC").trim().toLowerCase();
  return v.length <= 254 && EMAIL.test(v) ? v : null;
}

/**
 * The 11-digit mobile number, or null. Spaces, dashes, dots and brackets are
 * dropped and a leading +86 / 0086 / 86 is removed, then 11 digits starting
 * with 1 must remain.
 */
export function normalizePhone(input: string): string | null {
  let v = input.normalize("NFKC").trim().replace(/[\s\-.()]/g, "");
  if (v.startsWith("+86")) v = v.slice(3);
  else if (v.startsWith("0086")) v = v.slice(4);
  else if (v.length === 13 && v.startsWith("86")) v = v.slice(2);
  return MOBILE.test(v) ? v : null;
}

/** A login as typed, normalised. */
export type Login = { kind: "email" | "phone"; value: string };

/** Reads a login as typed into the sign-in form; null when it is neither kind. */
export function parseLogin(input: string): Login | null {
  const phone = normalizePhone(input);
  if (phone) return { kind: "phone", value: phone };
  const email = normalizeEmail(input);
  return email ? { kind: "email", value: email } : null;
}

/** An email address, normalised. */
export const EmailSchema = z.string().transform((v, ctx) => {
  const e = normalizeEmail(v);
  if (e === null) {
    ctx.addIssue({ code: "custom", message: `"${v}" is not an email address` });
    return z.NEVER;
  }
  return e;
});

/** A China mobile number, normalised to its 11 digits. */
export const PhoneSchema = z.string().transform((v, ctx) => {
  const p = normalizePhone(v);
  if (p === null) {
    ctx.addIssue({
      code: "custom",
      message:
        `"${v}" is not a China mobile number (11 digits starting with 1)`,
    });
    return z.NEVER;
  }
  return p;
});

/** A person's display name: 1-50 characters after trimming. */
export const NameSchema = z.string().trim()
  .min(1, "name is required")
  .max(50, "name must have at most 50 characters")
  .refine(
    (v) => !CONTROL.test(v),
    "name must not contain line breaks or control characters",
  );

/** Line breaks and other control characters, which no name has. */
export const CONTROL = /\p{Cc}/u;
