/** The content and answer shapes of a `single` (one correct option) question. */
import { z } from "zod";
import { AnswerId, body, Choice } from "./fields.ts";

/** `type: single`: two to six options, exactly one `correct`. */
export const singleShape = {
  type: z.literal("single"),
  ...body,
  options: z.array(Choice).min(2).max(6),
};

/** Answer to a `single` question: the chosen option id. */
export const SingleAnswerSchema = z.strictObject({
  type: z.literal("single"),
  choice: AnswerId,
});
