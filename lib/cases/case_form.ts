/**
 * The new-case form, checked with zod through lib/forms: every problem is a
 * message key by field, and a link to a lesson, reply or scenario that does
 * not exist is refused by name. Nothing here stores or masks; the store
 * masks (case_store.ts).
 *
 * @module
 */
import { z } from "zod";
import { Situation } from "@/lib/content/reply_schema.ts";
import {
  type FieldErrors,
  type FormResult,
  formValues,
  parseForm,
} from "@/lib/forms/form.ts";
import type { NewCase } from "./case_store.ts";

/** Longest conversation accepted, in characters. */
export const MAX_CONVERSATION = 5000;

const IdList = z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).max(
  20,
  "cases.error.too_many",
);

/** The form's fields. */
export const CaseFormSchema = z.object({
  title: z.string().trim().min(1, "cases.error.title").max(
    100,
    "cases.error.title",
  ),
  situation: Situation,
  conversation: z.string().trim().min(10, "cases.error.conversation").max(
    MAX_CONVERSATION,
    "cases.error.conversation",
  ),
  lessons: IdList,
  replies: IdList,
  scenarios: IdList,
});

/** What the links may name, from the published course. */
export interface KnownLinks {
  lessons: ReadonlySet<string>;
  replies: ReadonlySet<string>;
  scenarios: ReadonlySet<string>;
}

/** The raw values, to show the form again as it was sent. */
export type CaseFormValues = Record<string, unknown>;

/** Reads and checks the form; reply ids are typed, separated by commas or spaces. */
export function readCaseForm(
  form: FormData,
  known: KnownLinks,
): FormResult<NewCase> & { values: CaseFormValues } {
  const values = formValues(
    form,
    ["title", "situation", "conversation", "replies"],
    ["lessons", "scenarios"],
  );
  const replies = typeof values.replies === "string"
    ? values.replies.split(/[\s,，、]+/).filter(Boolean)
    : [];
  const parsed = parseForm(
    CaseFormSchema,
    { ...values, replies },
    "cases.error.situation",
    {
      fallbacks: {
        lessons: "cases.error.link",
        replies: "cases.error.link",
        scenarios: "cases.error.link",
      },
    },
  );
  if (!parsed.ok) return { ...parsed, values };
  const errors: FieldErrors = {};
  for (const field of ["lessons", "replies", "scenarios"] as const) {
    if (parsed.data[field].some((id) => !known[field].has(id))) {
      errors[field] = "cases.error.link";
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, data: parsed.data, values };
}
