/** The content and answer shapes of a `written` (rubric-graded reply) question. */
import { z } from "zod";
import { AnswerText, Id, Text } from "./fields.ts";

/** `type: written`: judged by its rubric, so an explanation is optional. */
export const writtenShape = {
  type: z.literal("written"),
  prompt: Text,
  explanation: Text.optional(),
  rubric: Id,
  modelAnswer: Text,
};

/** Answer to a `written` question: the reply, graded by its rubric. */
export const WrittenAnswerSchema = z.strictObject({
  type: z.literal("written"),
  text: AnswerText,
});
