/**
 * The result of the last content import, for trainers: which courses were
 * held back and every problem found. Only this module reads or writes:
 *
 * | key                 | value         |
 * | ------------------- | ------------- |
 * | ["content_status"]  | ContentStatus |
 */
import { z } from "zod";
import {
  isProblemCode,
  type ProblemCode,
  type ProblemMessage,
} from "./source.ts";

const statusKey = ["content_status"];

/** Problems are capped so the record stays far below KV's 64 KiB value limit. */
export const MAX_STORED_PROBLEMS = 200;

// A problem is stored as its message key and params, so each reader sees it in their language.
const MessageSchema: z.ZodType<ProblemMessage> = z.lazy(() =>
  z.object({
    code: z.custom<ProblemCode>(isProblemCode),
    params: z.record(
      z.string(),
      z.union([z.string(), z.number(), MessageSchema]),
    ).optional(),
  })
);

const ProblemsSchema = z.array(
  z.object({
    path: z.string(),
    line: z.number(),
    col: z.number(),
    field: z.string().optional(),
  }).and(MessageSchema),
).max(MAX_STORED_PROBLEMS);

export const ContentStatusSchema = z.object({
  checkedAt: z.date(),
  published: z.array(
    z.object({
      courseId: z.string(),
      version: z.number().int(),
      imported: z.boolean(),
    }),
  ),
  heldBack: z.array(z.string()),
  problemCount: z.number().int().min(0),
  problems: ProblemsSchema,
  /**
   * Courses whose repository files changed after a trainer published in the
   * browser: the files became `fileVersion`, the browser's `browserVersion`
   * stays in the history (statuses saved before this field have none).
   */
  conflicts: z.array(z.object({
    courseId: z.string(),
    browserVersion: z.number().int(),
    fileVersion: z.number().int(),
  })).max(100).default([]),
});
export type ContentStatus = z.infer<typeof ContentStatusSchema>;

// Statuses saved before problems carried codes held English sentences; every
// start imports again and rewrites the status, so until then none show.
const StoredStatusSchema = ContentStatusSchema.extend({
  problems: ProblemsSchema.catch([]),
});

/** Saves the status of an import. */
export async function saveContentStatus(
  kv: Deno.Kv,
  status: ContentStatus,
): Promise<void> {
  await kv.set(statusKey, ContentStatusSchema.parse(status));
}

/** The status of the last import, or null before the first. */
export async function getContentStatus(
  kv: Deno.Kv,
): Promise<ContentStatus | null> {
  const entry = await kv.get(statusKey);
  if (entry.versionstamp === null) return null;
  const parsed = StoredStatusSchema.safeParse(entry.value);
  if (!parsed.success) {
    throw new Error(
      `Cannot read ${JSON.stringify(statusKey)}: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}
