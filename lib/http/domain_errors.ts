/**
 * Maps the domain's error classes to HTTP statuses, once, for the root
 * middleware: routes let a ForbiddenError or ConflictError escape and the
 * user gets the translated error page with the right status, never the
 * developer message.
 */
import { HttpError } from "$fresh/server.ts";
import { RefusedError } from "@/lib/auth/refusal.ts";
import { UnreadableFormError } from "@/lib/http/body.ts";
import {
  ConflictError,
  ForbiddenError,
  ValidationError,
} from "@/lib/identity/errors.ts";

/** The HttpError a domain error stands for; other errors pass through as they are. */
export function toHttpError(error: unknown): unknown {
  if (error instanceof ForbiddenError) {
    return new RefusedError({ reason: "action" }, error.message);
  }
  if (error instanceof ConflictError) {
    return new HttpError(409, `Conflict: ${error.message}`);
  }
  if (error instanceof ValidationError) {
    return new HttpError(422, `Invalid input: ${error.message}`);
  }
  if (error instanceof UnreadableFormError) {
    return new HttpError(error.status, error.message);
  }
  return error;
}
