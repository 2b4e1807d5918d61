/**
 * The reply search's query string, checked with zod through lib/forms: a
 * wrong situation or stage, a too-long query or a bad page number is
 * reported by field (as an i18n key) and searched as if it were absent.
 *
 * @module
 */
import { z } from "zod";
import { Situation, Stage } from "@/lib/content/reply_schema.ts";
import { type FieldErrors, formValues, parseForm } from "@/lib/forms/form.ts";
import type { ReplyQuery } from "./search.ts";
import { MAX_QUERY } from "./search.ts";

const Field = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The search form's fields. */
export const ReplyQuerySchema = z.object({
  q: Field(z.string().trim().max(MAX_QUERY, "replies.query.too_long")),
  situation: Field(Situation),
  stage: Field(Stage),
  page: Field(z.coerce.number().int().min(1).max(1000)),
});

/** Reads the query; each bad field is dropped and reported. */
export function readReplyQuery(
  params: URLSearchParams,
): { query: ReplyQuery; errors: FieldErrors; raw: Record<string, string> } {
  const names = ["q", "situation", "stage", "page"];
  const values = formValues(params, names);
  const raw = Object.fromEntries(
    names.map((n) => [n, typeof values[n] === "string" ? values[n] : ""]),
  ) as Record<string, string>;
  const parsed = parseForm(ReplyQuerySchema, values, "replies.filter.invalid");
  if (parsed.ok) return { query: parsed.data, errors: {}, raw };
  // Keep what is valid, drop what is not.
  const kept = { ...values };
  for (const f of Object.keys(parsed.errors)) delete kept[f];
  const again = ReplyQuerySchema.safeParse(kept);
  return {
    query: again.success ? again.data : {},
    errors: parsed.errors,
    raw,
  };
}
