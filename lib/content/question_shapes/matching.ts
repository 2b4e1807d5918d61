/** The content and answer shapes of a `matching` question. */
import { z } from "zod";
import { AnswerId, body, Id, Item } from "./fields.ts";

/** `type: matching`: left items, right items, and left id -> right id. */
export const matchingShape = {
  type: z.literal("matching"),
  ...body,
  left: z.array(Item).min(2),
  right: z.array(Item).min(2),
  answer: z.record(z.string(), Id),
};

/** Answer to a `matching` question: left item id to right item id. */
export const MatchingAnswerSchema = z.strictObject({
  type: z.literal("matching"),
  pairs: z.record(AnswerId, AnswerId),
});
