import { type Coded, errorStatus, errorText } from "@/lib/errors.ts";
import type { MessageKey, Translate } from "@/lib/i18n/i18n.ts";

/** A 303 redirect to a local path (after a POST, so a reload does not resubmit). */
export function seeOther(location: string): Response {
  if (!location.startsWith("/") || location.startsWith("//")) {
    throw new Error(
      `Cannot redirect to "${location}": only local paths are allowed`,
    );
  }
  return new Response(null, { status: 303, headers: { location } });
}

/** A JSON error body with messages per field, as every API answers bad input. */
export function fieldErrors(
  status: number,
  errors: Record<string, string>,
): Response {
  return Response.json({ errors }, { status });
}

/**
 * A coded error as a JSON answer: its status, and its message in the user's
 * language on its field (or `fallbackField`), with the code beside it for
 * scripts. Never the error's developer message.
 */
export function codedErrors(
  t: Translate,
  error: Coded,
  fallbackField = "body",
  status = errorStatus(error.code),
): Response {
  return Response.json({
    errors: { [error.field ?? fallbackField]: errorText(t, error) },
    code: error.code,
  }, { status });
}

/** A form's field problems (message keys, lib/forms/form.ts) as a JSON answer in the user's language. */
export function invalidFields(
  t: Translate,
  errors: Partial<Record<string, MessageKey>>,
  status = 422,
): Response {
  return fieldErrors(
    status,
    Object.fromEntries(
      Object.entries(errors).flatMap(([f, key]) => key ? [[f, t(key)]] : []),
    ),
  );
}
