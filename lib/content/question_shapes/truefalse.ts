/** The content and answer shapes of a `truefalse` question. */
import { z } from "zod";
import { body } from "./fields.ts";

/** `type: truefalse`: a statement and whether it is true. */
export const truefalseShape = {
  type: z.literal("truefalse"),
  ...body,
  answer: z.boolean(),
};

/** Answer to a `truefalse` question. */
export const TrueFalseAnswerSchema = z.strictObject({
  type: z.literal("truefalse"),
  value: z.boolean(),
});
