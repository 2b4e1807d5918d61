/** The content and answer shapes of an `ordering` question. */
import { z } from "zod";
import { AnswerId, body, Ids, Item } from "./fields.ts";

/** `type: ordering`: three to seven items and their right order. */
export const orderingShape = {
  type: z.literal("ordering"),
  ...body,
  items: z.array(Item).min(3).max(7),
  answer: Ids,
};

/** Answer to an `ordering` question: every item id, first to last. */
export const OrderingAnswerSchema = z.strictObject({
  type: z.literal("ordering"),
  order: z.array(AnswerId).max(10),
});
