/**
 * The result of the last content import, for trainers: which courses were
 * held back and every problem found. Only this module reads or writes:
 *
 * | key                 | value         |
 * | ------------------- | ------------- |
 * | ["content_status"]  | ContentStatus |
 */
import { z } from "zod";

const statusKey = ["content_status"];

/** Problems are capped so the record stays far below KV's 64 KiB value limit. */
export const MAX_STORED_PROBLEMS = 200;

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
  problems: z.array(
    z.object({
      path: z.string(),
      line: z.number(),
      col: z.number(),
      message: z.string(),
    }),
  )
    .max(MAX_STORED_PROBLEMS),
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
  const parsed = ContentStatusSchema.safeParse(entry.value);
  if (!parsed.success) {
    throw new Error(
      `Cannot read ${JSON.stringify(statusKey)}: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}
