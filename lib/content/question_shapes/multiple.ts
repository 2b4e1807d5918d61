/** The content and answer shapes of a `multiple` (several correct options) question. */
import { z } from "zod";
import { AnswerId, body, Choice } from "./fields.ts";

/** `type: multiple`: two to six options, at least two `correct`. */
export const multipleShape = {
  type: z.literal("multiple"),
  ...body,
  options: z.array(Choice).min(2).max(6),
};

/** Answer to a `multiple` question: the chosen option ids (may be empty). */
export const MultipleAnswerSchema = z.strictObject({
  type: z.literal("multiple"),
  choices: z.array(AnswerId).max(10),
});
