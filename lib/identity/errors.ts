/**
 * Identity's domain errors. The HTTP layer maps each class to one status
 * (ValidationError 422, ConflictError 409, ForbiddenError 403, NotFoundError
 * 404) and a translated page; users never see `error.message`, which is for
 * developers and logs.
 */
import type { z } from "zod";
import { NotFoundError } from "@/lib/errors.ts";

// One NotFoundError class for the whole app: it extends Deno.errors.NotFound,
// which the framework already answers with the 404 page.
export { NotFoundError };

/** The action clashes with the current state (a taken login, a used invitation). */
export class ConflictError extends Error {
  /** A stable machine-readable reason, e.g. "login-taken", "invitation-used". */
  readonly code: string;
  constructor(message: string, code = "conflict") {
    super(message);
    this.name = "ConflictError";
    this.code = code;
  }
}

/** An input value is not acceptable; `field` names it so a form can mark it. */
export class ValidationError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "ValidationError";
    this.field = field;
  }
}

/** The actor's role or teams do not allow the action. */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

/**
 * Parses a value read from KV with its schema. A stored value that does not
 * match is corruption or a missed migration, so it fails loudly and names the
 * key instead of turning into a silent default.
 */
export function decodeStored<S extends z.ZodType>(
  schema: S,
  key: Deno.KvKey,
  value: unknown,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new TypeError(
      `Cannot read ${JSON.stringify(key)}: ${
        parsed.error.issues.map((i) =>
          `${i.path.join(".") || "value"}: ${i.message}`
        ).join("; ")
      }`,
    );
  }
  return parsed.data;
}

/**
 * Parses caller input with its schema; the first problem becomes a
 * ValidationError naming the field, so routes can mark it on the form.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(
      issue.path.length ? issue.path.join(".") : "value",
      issue.message,
    );
  }
  return parsed.data;
}
