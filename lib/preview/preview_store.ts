/**
 * Previews of assessments by staff: a drawn attempt and its score, kept
 * apart from learners' attempts, statements and progress (none of those
 * keys is touched), and dropped by KV after PREVIEW_TTL_MS. Only this
 * module reads or writes these keys:
 *
 * | key                              | value   |
 * | -------------------------------- | ------- |
 * | ["previews", userId, previewId]  | Preview |
 */
import { monotonicFactory } from "ulid";
import { z } from "zod";
import { NotFoundError } from "@/lib/errors.ts";
import { decodeStored } from "@/lib/db/decode.ts";
import { AttemptSchema } from "@/lib/quiz/attempt.ts";
import { ASSESSMENT_KINDS } from "./preview_kinds.ts";

const ulid = monotonicFactory();
const previewKey = (userId: string, id: string) => ["previews", userId, id];

/** How long a preview is kept (it counts toward nothing, so not long). */
export const PREVIEW_TTL_MS = 7 * 24 * 3600_000;

/** A stored preview: which assessment, and the attempt drawn for it. */
export const PreviewSchema = z.object({
  id: z.string().length(26),
  userId: z.string(),
  kind: z.enum(ASSESSMENT_KINDS),
  ref: z.string(),
  attempt: AttemptSchema,
});
/** A stored preview. */
export type Preview = z.infer<typeof PreviewSchema>;

/** A new preview id for `now` (ULID, so a user's previews list in time order). */
export function newPreviewId(now: Date): string {
  return ulid(now.getTime());
}

/** Saves (creates or replaces) a preview. */
export async function savePreview(
  kv: Deno.Kv,
  preview: Preview,
): Promise<void> {
  const p = PreviewSchema.parse(preview);
  await kv.set(previewKey(p.userId, p.id), p, { expireIn: PREVIEW_TTL_MS });
}

/** Reads one of the user's previews; NotFoundError for anyone else's. */
export async function getPreview(
  kv: Deno.Kv,
  userId: string,
  id: string,
): Promise<Preview> {
  const e = await kv.get(previewKey(userId, id));
  if (e.versionstamp === null) {
    throw new NotFoundError(`Preview "${id}" was not found`);
  }
  return decodeStored(PreviewSchema, e.key, e.value);
}

/** The user's recent previews, newest first. */
export async function listPreviews(
  kv: Deno.Kv,
  userId: string,
  limit = 20,
): Promise<Preview[]> {
  return await Array.fromAsync(
    kv.list({ prefix: ["previews", userId] }, { limit, reverse: true }),
    (e) => decodeStored(PreviewSchema, e.key, e.value),
  );
}
