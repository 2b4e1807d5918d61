/** The content and answer shapes of a `fillin` (one blank) question. */
import { z } from "zod";
import { AnswerText, body, Text } from "./fields.ts";

/** `type: fillin`: a prompt with one `____` blank and the accepted answers. */
export const fillinShape = {
  type: z.literal("fillin"),
  ...body,
  answers: z.array(Text).min(1),
};

/** Answer to a `fillin` question: the typed text. */
export const FillinAnswerSchema = z.strictObject({
  type: z.literal("fillin"),
  text: AnswerText,
});
