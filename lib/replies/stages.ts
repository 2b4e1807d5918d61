/**
 * What each conversation stage asks of a reply, in the rubric's terms (the
 * reply elements of lib/rubric): the content check grades every library
 * reply for the criteria its stage requires, and the adapt drill asks the
 * same of a learner's version.
 *
 * - opening: greets (and asks for what is needed: order number, the exact message);
 * - clarification: checks back what the customer means ("您是说……，对吗？");
 * - apology and options: owns the feeling and says what will be done;
 * - confirmation: states the action taken or to be taken;
 * - closing: thanks or asks what else.
 *
 * @module
 */
import type { ReplyElement } from "@/lib/content/schema.ts";
import type { Stage } from "@/lib/content/reply_schema.ts";

/** The rubric criteria (reply elements) a reply of each stage must meet. */
export const STAGE_ELEMENTS: Readonly<Record<Stage, readonly ReplyElement[]>> =
  {
    opening: ["greeting"],
    clarification: ["paraphrase"],
    apology: ["empathy", "solution"],
    confirmation: ["solution"],
    closing: ["closing"],
  };

/** The rubric a reply is graded by when it names none. */
export const DEFAULT_REPLY_RUBRIC = "service-reply";
