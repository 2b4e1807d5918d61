/**
 * The GIFT import form: fields, their zod schema with message keys, and the
 * GIFT text from the text box or an uploaded UTF-8 file.
 *
 * @module
 */
import { z } from "zod";
import { type FormResult, formValues, parseForm } from "@/lib/forms/form.ts";
import { ID_PATTERN } from "@/lib/content/schema.ts";
import { sha256Hex } from "@/lib/crypto/digest.ts";

/** Longest GIFT text accepted (a bank of several hundred questions). */
export const MAX_GIFT_BYTES = 512 * 1024;
/** The value of `bank` that asks for a new bank. */
export const NEW_BANK = "__new";

const FIELDS = [
  "action",
  "bank",
  "newBankId",
  "newBankTitle",
  "module",
  "skill",
  "difficulty",
  "text",
  "version",
  "previewed",
] as const;
/** A field of the import form. */
export type GiftFormField = typeof FIELDS[number] | "file";

const GiftFormSchema = z.object({
  action: z.enum(["preview", "import"], { error: "gift.error.form" }),
  bank: z.string({ error: "gift.error.bank" }).min(1, {
    error: "gift.error.bank",
  }).max(60),
  newBankId: z.string().max(60).optional().default(""),
  newBankTitle: z.string().max(80).optional().default(""),
  module: z.string({ error: "gift.error.module" }).regex(ID_PATTERN, {
    error: "gift.error.module",
  }),
  skill: z.string({ error: "gift.error.skill" }).regex(ID_PATTERN, {
    error: "gift.error.skill",
  }),
  difficulty: z.enum(["1", "2", "3"], { error: "gift.error.difficulty" })
    .transform((d) => Number(d) as 1 | 2 | 3),
  text: z.string().max(MAX_GIFT_BYTES, { error: "gift.error.text_too_long" })
    .optional()
    .default(""),
  version: z.string().max(80).optional().default(""),
  previewed: z.string().max(128).optional().default(""),
}).superRefine((v, ctx) => {
  if (v.bank !== NEW_BANK) return;
  if (!ID_PATTERN.test(v.newBankId)) {
    ctx.addIssue({
      code: "custom",
      path: ["newBankId"],
      message: "gift.error.bank_id",
    });
  }
  if (!v.newBankTitle.trim()) {
    ctx.addIssue({
      code: "custom",
      path: ["newBankTitle"],
      message: "gift.error.bank_title",
    });
  }
});

/** A checked import form. */
export type GiftForm = z.output<typeof GiftFormSchema> & {
  /** The bank to import into: an existing one, or the new id and title. */
  target: { id: string; title: string };
};

/** The submitted values as strings, for redisplay. */
export function giftFormValues(form: FormData): Record<string, unknown> {
  return formValues(form, FIELDS);
}

/**
 * Checks the form and reads the GIFT text (an uploaded file wins over the
 * text box). Every field's problem comes back as a message key.
 */
export async function parseGiftForm(
  form: FormData,
  banks: readonly { id: string; title: string }[],
): Promise<FormResult<GiftForm, GiftFormField>> {
  const result = parseForm<typeof GiftFormSchema, GiftFormField>(
    GiftFormSchema,
    giftFormValues(form),
    "gift.error.form",
  );
  if (!result.ok) return result;
  const data = result.data;
  const file = form.get("file");
  let text = data.text;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_GIFT_BYTES) {
      return { ok: false, errors: { file: "gift.error.text_too_long" } };
    }
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(
        await file.arrayBuffer(),
      );
    } catch {
      return { ok: false, errors: { file: "gift.error.file_encoding" } };
    }
  }
  if (!text.trim()) {
    return { ok: false, errors: { text: "gift.error.text_required" } };
  }
  const existing = banks.find((b) => b.id === data.bank);
  if (data.bank !== NEW_BANK && !existing) {
    return { ok: false, errors: { bank: "gift.error.bank" } };
  }
  const target = existing
    ? { id: existing.id, title: existing.title }
    : { id: data.newBankId, title: data.newBankTitle.trim() };
  return { ok: true, data: { ...data, text, target } };
}

/** A digest of what a preview showed, so an import saves exactly what was previewed. */
export function previewDigest(f: GiftForm): string {
  const what = JSON.stringify([
    f.text,
    f.target,
    f.module,
    f.skill,
    f.difficulty,
  ]);
  return sha256Hex(what);
}
