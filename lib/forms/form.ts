/**
 * The one way a form (or query string) is read and checked: plain values
 * out of FormData/URLSearchParams, a zod schema whose messages are i18n
 * message keys, and every field's first problem at once as a message key.
 * Routes render `t(errors[field])` beside the field; nothing here is a
 * sentence.
 */
import type { z } from "zod";
import type { MessageKey } from "@/lib/i18n/i18n.ts";
import { zhCN } from "@/lib/i18n/zh_cn.ts";

/** One message key per field that has a problem. */
export type FieldErrors<F extends string = string> = Partial<
  Record<F, MessageKey>
>;

/** The outcome of checking a form: its data, or every field's problem. */
export type FormResult<T, F extends string = string> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors<F> };

/** True for a string that is a key of the catalogs. */
export function isMessageKey(v: string): v is MessageKey {
  return Object.hasOwn(zhCN, v);
}

/**
 * Reads named fields of a form or query. A repeated field listed in
 * `arrays` becomes an array; a file where text belongs becomes 0, a value
 * no text schema accepts, so it is refused like any other wrong type.
 */
export function formValues(
  form: FormData | URLSearchParams,
  names: readonly string[],
  arrays: readonly string[] = [],
): Record<string, unknown> {
  const text = (v: FormDataEntryValue | null) =>
    v === null ? undefined : typeof v === "string" ? v : 0;
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = text(form.get(name));
  for (const name of arrays) out[name] = form.getAll(name).map(text);
  return out;
}

/**
 * Checks values with a schema. Every field's first problem is reported at
 * once; a problem whose message is not a message key (zod's own wording)
 * takes the field's fallback, else `fallback`. A problem without a path
 * goes to `formField`.
 */
export function parseForm<S extends z.ZodType, F extends string = string>(
  schema: S,
  values: unknown,
  fallback: MessageKey,
  options: FieldErrorOptions<F> = {},
): FormResult<z.output<S>, F> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: fieldErrors<F>(parsed.error, fallback, options) };
}

/** How a parse's problems are named. */
export interface FieldErrorOptions<F extends string> {
  /** A field's message when zod's own wording is all there is. */
  fallbacks?: Partial<Record<F, MessageKey>>;
  /** Where a problem without a path goes (default "form"). */
  formField?: F;
  /**
   * Name a nested problem by its whole path ("answer.choice"), as JSON
   * endpoints do; forms name the top-level field.
   */
  fullPath?: boolean;
}

/** Every field's first problem of a failed parse, as message keys. */
export function fieldErrors<F extends string = string>(
  error: z.ZodError,
  fallback: MessageKey,
  options: FieldErrorOptions<F> = {},
): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of error.issues) {
    const field = (issue.path.length
      ? options.fullPath ? issue.path.join(".") : String(issue.path[0])
      : options.formField ?? "form") as F;
    if (errors[field]) {
      continue;
    }
    errors[field] = isMessageKey(issue.message)
      ? issue.message
      : options.fallbacks?.[field] ?? fallback;
  }
  return errors;
}

/**
 * The submitted text of named fields, clipped to `max` characters, to show
 * again in a refused form (never a file, never huge).
 */
export function keptValues(
  values: Record<string, unknown>,
  names: readonly string[],
  max = 300,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = values[name];
    if (typeof v === "string") out[name] = v.slice(0, max);
  }
  return out;
}
