/**
 * The learner's pre/post normalised gain, stored for the evaluator when a
 * post-test is submitted: the first pre-test attempt against the latest
 * post-test attempt. Only this module reads or writes these keys:
 *
 * | key                                  | value |
 * | ------------------------------------ | ----- |
 * | ["exam_gains", learnerId, courseId]  | Gain  |
 */
import { z } from "zod";
import type { Exam } from "@/lib/content/schema.ts";
import { decodeStored } from "@/lib/db/decode.ts";
import { examAssessmentKey, listAttempts } from "@/lib/quiz/attempt_store.ts";
import { normalisedGain } from "./exam_outcome.ts";

/** A stored gain. */
export const GainSchema = z.object({
  pre: z.number(),
  post: z.number(),
  gain: z.number().nullable(),
  at: z.date(),
});
/** A stored gain. */
export type Gain = z.infer<typeof GainSchema>;

/** Computes and stores the gain when both tests have a submitted attempt. */
export async function recordGain(
  kv: Deno.Kv,
  learnerId: string,
  courseId: string,
  exams: readonly Exam[],
  now: Date,
): Promise<Gain | null> {
  const pre = exams.find((e) => e.kind === "pretest");
  const post = exams.find((e) => e.kind === "posttest");
  if (!pre || !post) return null;
  const submitted = async (e: Exam) =>
    (await listAttempts(kv, learnerId, courseId, examAssessmentKey(e.id), 50))
      .filter((a) => a.result);
  const [pres, posts] = await Promise.all([submitted(pre), submitted(post)]);
  const first = pres.at(-1); // newest first: the first attempt is last
  const latest = posts[0];
  if (!first?.result || !latest?.result) return null;
  const gain = GainSchema.parse({
    pre: first.result.percent,
    post: latest.result.percent,
    gain: normalisedGain(first.result.percent, latest.result.percent),
    at: now,
  });
  await kv.set(["exam_gains", learnerId, courseId], gain);
  return gain;
}

/** The stored gain, or null. */
export async function getGain(
  kv: Deno.Kv,
  learnerId: string,
  courseId: string,
): Promise<Gain | null> {
  const e = await kv.get(["exam_gains", learnerId, courseId]);
  return e.value === null ? null : decodeStored(GainSchema, e.key, e.value);
}
