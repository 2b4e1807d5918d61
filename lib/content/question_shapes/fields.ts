/**
 * The zod building blocks every question type's content shape is made of.
 * They sit below lib/content/schema.ts (which re-exports `Id`), so a type's
 * shape can live in its own file without importing the content schema.
 *
 * @module
 */
import { z } from "zod";

/** Lowercase kebab-case, the one id shape used by every kind of content. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A content id: lowercase kebab-case. */
export const Id = z.string().regex(ID_PATTERN, {
  error: "problem.schema.id",
});

/** Authored text: trimmed, not empty. */
export const Text = z.string().trim().min(1, { error: "problem.schema.empty" });
/** A list of content ids. */
export const Ids = z.array(Id);

/** An option of a choice question. */
export const Choice = z.strictObject({
  id: Id,
  text: Text,
  correct: z.boolean().optional(),
});
/** An item of an ordering or matching question. */
export const Item = z.strictObject({ id: Id, text: Text });

/** Prompt and explanation, which every type but `written` requires. */
export const body = { prompt: Text, explanation: Text };

/** An id inside an answer (answers come from forms: any short string). */
export const AnswerId = z.string().min(1).max(100);
/** Longest free text an answer may carry (the form reader caps it too). */
export const AnswerText = z.string().max(2000);
