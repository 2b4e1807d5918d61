/**
 * What the root middleware does with an error a route lets escape, once for
 * every route: a coded domain error (lib/errors.ts) becomes the error page
 * with its code's status and message; a ForbiddenError becomes the refusal
 * page; anything unexpected is logged under a new request id and answered
 * with the translated 500 page showing that id, so a user's report can be
 * found in the log. The developer message never reaches the page.
 */
import { HttpError } from "$fresh/server.ts";
import { RefusedError } from "@/lib/auth/refusal.ts";
import {
  type ErrorCode,
  errorStatus,
  ForbiddenError,
  isCoded,
} from "@/lib/errors.ts";

/** An escaped domain error: its code's status, and its code for the page's words. */
export class CodedHttpError extends HttpError {
  constructor(readonly code: ErrorCode, message: string) {
    super(errorStatus(code), message);
    this.name = "CodedHttpError";
  }
}

/** An unexpected error, logged under `requestId`; the page shows the id. */
export class UnexpectedError extends HttpError {
  constructor(readonly requestId: string) {
    super(500, `Unexpected error, logged as request ${requestId}`, {
      "x-request-id": requestId,
    });
    this.name = "UnexpectedError";
  }
}

/** A short id for one failed request: enough to find its log line. */
export function newRequestId(): string {
  return crypto.randomUUID().replaceAll("-", "").slice(0, 12);
}

/** Where unexpected errors are logged (tests pass their own). */
export type ErrorLog = (line: string, error: unknown) => void;

/**
 * The HttpError an escaped error stands for. Errors that already are one
 * (refusals, 413s) and not-found errors (the framework's 404 page) pass
 * through as they are.
 */
export function toHttpError(
  error: unknown,
  request: { method: string; path: string },
  log: ErrorLog = (line, e) => console.error(line, e),
): Error {
  if (error instanceof ForbiddenError) {
    return new RefusedError({ reason: "action" }, error.message);
  }
  if (error instanceof HttpError || error instanceof Deno.errors.NotFound) {
    return error;
  }
  if (isCoded(error)) return new CodedHttpError(error.code, error.message);
  const id = newRequestId();
  log(`[request ${id}] ${request.method} ${request.path} failed:`, error);
  return new UnexpectedError(id);
}
