/**
 * The one way a JSON endpoint reads its input: the body capped at a size
 * (lib/http/body.ts), then checked with a zod schema through the form
 * pipeline (lib/forms/form.ts). A failure is already the answer to send:
 * the body's code, or each field's problem by its whole path, in the user's
 * language.
 */
import type { z } from "zod";
import { parseForm } from "@/lib/forms/form.ts";
import { readJsonBody } from "@/lib/http/body.ts";
import { codedErrors, invalidFields } from "@/lib/http/responses.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/** The checked input, or the error answer to return as it is. */
export type JsonInput<T> = { ok: true; data: T } | {
  ok: false;
  response: Response;
};

/** Reads at most `maxBytes` of JSON from `req` and checks it with `schema`. */
export async function readJsonInput<S extends z.ZodType>(
  req: Request,
  t: Translate,
  maxBytes: number,
  schema: S,
): Promise<JsonInput<z.output<S>>> {
  const body = await readJsonBody(req, maxBytes);
  if (!body.ok) {
    return {
      ok: false,
      response: codedErrors(t, body, "body", body.status),
    };
  }
  const input = parseForm(schema, body.value, "error.code.invalid", {
    formField: "body",
    fullPath: true,
  });
  if (!input.ok) {
    return { ok: false, response: invalidFields(t, input.errors) };
  }
  return { ok: true, data: input.data };
}
