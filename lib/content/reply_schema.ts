/**
 * The reply library's file format (`assessments/replies/<id>.yaml`, see
 * docs/content-format.md): approved replies grouped by situation, each with
 * the conversation stage it serves, its text with named `{占位}` placeholders
 * the agent fills before sending, a tone note, when not to use it, the house
 * figures it relies on (by `{{id}}`, never a copied number) and the lessons
 * that teach it.
 *
 * Shape only; the rules that need the policy, the rubric or other files
 * (placeholders, figures, grading, near-duplicates) are in
 * `lib/authoring/checks/replies.ts`.
 *
 * @module
 */
import { z } from "zod";
import { Id } from "./schema.ts";

const Text = z.string().trim().min(1, { error: "problem.schema.empty" });

/** Where in the service a reply is used (the curriculum's situations). */
export const Situation = z.enum([
  "presale",
  "insale",
  "aftersale",
  "complaint",
  "logistics",
  "account",
  "payment",
  "incident",
]);
export type Situation = z.infer<typeof Situation>;
/** Situations in the order pages list them. */
export const SITUATIONS: readonly Situation[] = Situation.options;

/**
 * The conversation stage a reply serves (core skills, rapid diagnosis):
 * opening, clarification, apology with options, confirmation, closing.
 */
export const Stage = z.enum([
  "opening",
  "clarification",
  "apology",
  "confirmation",
  "closing",
]);
export type Stage = z.infer<typeof Stage>;
/** Stages in conversation order. */
export const STAGES: readonly Stage[] = Stage.options;

/** One approved reply. */
export const ReplySchema = z.strictObject({
  id: Id,
  stage: Stage,
  /** What an agent would search for: the customer's question in a few words. */
  title: Text,
  /** The reply, with `{占位}` placeholders and `{{policy-id}}` figures. */
  text: Text,
  /** How to say it: the tone and what to adjust. */
  tone: Text,
  /** When this reply is the wrong one. */
  avoid: Text,
  /** The house figures the text relies on; every `{{id}}` in it is listed here and no other. */
  policy: z.array(Id).default([]),
  /** Lessons that teach it (at least one). */
  lessons: z.array(Id).min(1, { error: "problem.schema.lessons_min" }),
  /** Extra search words a customer or agent might type. */
  keywords: z.array(Text).default([]),
  /** The rubric it is checked against; default `service-reply`. */
  rubric: Id.optional(),
});
export type Reply = z.infer<typeof ReplySchema>;

/** `assessments/replies/<id>.yaml`: the replies of one situation. */
export const ReplySetSchema = z.strictObject({
  id: Id,
  title: Text,
  situation: Situation,
  replies: z.array(ReplySchema).min(1),
});
export type ReplySet = z.infer<typeof ReplySetSchema>;
