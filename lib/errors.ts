/**
 * The one error module. A domain error carries a code (and, for input, the
 * field it is about); `ERRORS` maps every code to one HTTP status and one
 * message key, so a route, a JSON endpoint or the root middleware turns any
 * of them into a status and words in the user's language the same way.
 *
 * `message` is for developers and logs only: no view shows it. A route that
 * wants a more specific sentence (the invitation form's "already invited")
 * maps the code itself; everything else uses `errorText`.
 *
 * Not-found errors extend Deno.errors.NotFound, which the framework answers
 * with the 404 page, so a record that is missing or belongs to someone else
 * looks the same.
 */
import type { z } from "zod";
import type { MessageKey, Translate } from "@/lib/i18n/i18n.ts";

/** Every code a domain error may carry: its HTTP status and its message key. */
export const ERRORS = {
  "not-found": { status: 404, key: "error.code.not_found" },
  forbidden: { status: 403, key: "error.code.forbidden" },
  "sign-in-required": { status: 401, key: "error.code.sign_in_required" },
  invalid: { status: 422, key: "error.code.invalid" },
  conflict: { status: 409, key: "error.code.conflict" },
  retry: { status: 409, key: "error.code.retry" },
  // Identity.
  "login-taken": { status: 409, key: "error.code.login_taken" },
  "already-invited": { status: 409, key: "error.code.already_invited" },
  "already-member": { status: 409, key: "error.code.already_member" },
  anonymised: { status: 409, key: "error.code.anonymised" },
  "cohort-exists": { status: 409, key: "error.code.cohort_exists" },
  "team-exists": { status: 409, key: "error.code.team_exists" },
  "invitation-used": { status: 410, key: "error.code.invitation_used" },
  "invitation-expired": { status: 410, key: "error.code.invitation_expired" },
  "memberships-active": { status: 409, key: "error.code.memberships_active" },
  // Answers to quizzes, exams, inline checks, scenarios and drills.
  "answer-invalid": { status: 422, key: "error.code.answer_invalid" },
  "answer-value": { status: 422, key: "error.code.answer_value" },
  "not-current-step": { status: 422, key: "error.code.not_current_step" },
  "run-finished": { status: 422, key: "error.code.run_finished" },
  "reply-empty": { status: 422, key: "error.code.reply_empty" },
  "reply-too-long": { status: 422, key: "error.code.reply_too_long" },
  "attempt-closed": { status: 409, key: "error.code.attempt_closed" },
  "attempt-expired": { status: 409, key: "error.code.attempt_expired" },
  "attempt-blocked": { status: 409, key: "error.code.attempt_blocked" },
  "survey-closed": { status: 409, key: "error.code.survey_closed" },
  // Certificates and content.
  "already-revoked": { status: 409, key: "error.code.already_revoked" },
  "import-conflict": { status: 409, key: "error.code.import_conflict" },
  // Request bodies.
  "body-too-large": { status: 413, key: "error.code.body_too_large" },
  "body-unreadable": { status: 400, key: "error.code.body_unreadable" },
  "body-not-json": { status: 400, key: "error.code.body_not_json" },
  "body-unsupported": { status: 415, key: "error.code.body_unsupported" },
} as const satisfies Record<string, { status: number; key: MessageKey }>;

/** A code of `ERRORS`. */
export type ErrorCode = keyof typeof ERRORS;

/** Values a code's message may name (`{max}` characters, say). */
export type ErrorParams = Record<string, string | number>;

/** True for a code of `ERRORS`. */
export function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === "string" && Object.hasOwn(ERRORS, v);
}

/** What every domain error carries besides its developer message. */
export interface Coded {
  readonly code: ErrorCode;
  /** The input field the error is about, when it is about one. */
  readonly field?: string;
  /** Values the code's message names. */
  readonly params?: ErrorParams;
}

/** The base of the domain's errors: a code, maybe a field, and a developer message. */
export class DomainError extends Error implements Coded {
  readonly field?: string;
  readonly params?: ErrorParams;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { field?: string; params?: ErrorParams; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "DomainError";
    this.field = options.field;
    this.params = options.params;
  }
}

/** A record is missing, or is not the caller's to see (answered with the 404 page). */
export class NotFoundError extends Deno.errors.NotFound implements Coded {
  readonly code = "not-found" as const;
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

/**
 * `value` as read, or a NotFoundError naming `what` when nothing was there:
 * the one way a store's `requireX` is its `getX` that may not miss.
 */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) {
    throw new NotFoundError(`Cannot find ${what}`);
  }
  return value;
}

/** Codes of a ConflictError: the action clashes with the current state. */
export type ConflictCode = {
  [C in ErrorCode]: (typeof ERRORS)[C]["status"] extends 409 | 410 ? C
    : never;
}[ErrorCode];

/** The action clashes with the current state (a taken login, a used invitation). */
export class ConflictError extends DomainError {
  declare readonly code: ConflictCode;
  constructor(message: string, code: ConflictCode = "conflict") {
    super(code, message);
    this.name = "ConflictError";
  }
}

/** An input value is not acceptable; `field` names it so a form can mark it. */
export class ValidationError extends DomainError {
  declare readonly field: string;
  constructor(field: string, message: string, code: ErrorCode = "invalid") {
    super(code, `${field}: ${message}`, { field });
    this.name = "ValidationError";
  }
}

/** The actor's role or teams do not allow the action. */
export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super("forbidden", message);
    this.name = "ForbiddenError";
  }
}

/** True for an error that carries a code of `ERRORS`. */
export function isCoded(error: unknown): error is Error & Coded {
  return (error instanceof DomainError || error instanceof NotFoundError) &&
    isErrorCode(error.code);
}

/** The HTTP status of a code. */
export function errorStatus(code: ErrorCode): number {
  return ERRORS[code].status;
}

/** The message key of a code. */
export function errorKey(code: ErrorCode): MessageKey {
  return ERRORS[code].key;
}

/** A coded error in the user's language (never its developer message). */
export function errorText(t: Translate, error: Coded): string {
  return t(errorKey(error.code), error.params);
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
