/**
 * The case library: real conversations trainers keep for case reviews,
 * stored only after personal data is masked (lib/privacy/masker.ts), each
 * linked to the lessons, library replies and scenarios it illustrates. The
 * text given to {@link saveCase} is masked before any key is written; the
 * unmasked text is never stored. Only this module reads or writes:
 *
 * | key               | value                         |
 * | ----------------- | ----------------------------- |
 * | ["cases", caseId] | StoredCase (ULID ids: time order) |
 *
 * @module
 */
import { monotonicFactory } from "ulid";
import { z } from "zod";
import { Situation } from "@/lib/content/reply_schema.ts";
import { Id } from "@/lib/content/schema.ts";
import { NotFoundError } from "@/lib/errors.ts";
import { type MaskKind, maskText } from "@/lib/privacy/masker.ts";

const ulid = monotonicFactory();
const caseKey = (id: string) => ["cases", id];
/** Most cases a list reads. */
export const MAX_LISTED = 200;

/** A case as stored: masked text only. */
export const StoredCaseSchema = z.strictObject({
  id: z.string().min(1).max(40),
  title: z.string().min(1).max(200),
  situation: Situation,
  /** The conversation after masking. */
  conversation: z.string().min(1).max(10_000),
  /** What the masker took out, by kind: how many distinct values. */
  masked: z.record(z.string(), z.number().int().min(0)),
  lessons: z.array(Id).max(20),
  replies: z.array(Id).max(20),
  scenarios: z.array(Id).max(20),
  createdBy: z.string().min(1),
  createdAt: z.date(),
});
export type StoredCase = z.infer<typeof StoredCaseSchema>;

/** What a trainer enters (the conversation still unmasked). */
export interface NewCase {
  title: string;
  situation: Situation;
  conversation: string;
  lessons: string[];
  replies: string[];
  scenarios: string[];
}

/** Masks and stores a case; returns it as stored. */
export async function saveCase(
  kv: Deno.Kv,
  input: NewCase,
  createdBy: string,
  now: Date,
): Promise<StoredCase> {
  const conversation = maskText(input.conversation);
  const title = maskText(input.title);
  const masked: Partial<Record<MaskKind, number>> = { ...conversation.counts };
  for (const [k, n] of Object.entries(title.counts)) {
    masked[k as MaskKind] = Math.max(masked[k as MaskKind] ?? 0, n);
  }
  const stored = StoredCaseSchema.parse({
    id: ulid(now.getTime()),
    title: title.text,
    situation: input.situation,
    conversation: conversation.text,
    masked,
    lessons: input.lessons,
    replies: input.replies,
    scenarios: input.scenarios,
    createdBy,
    createdAt: now,
  });
  const ok = await kv.atomic()
    .check({ key: caseKey(stored.id), versionstamp: null })
    .set(caseKey(stored.id), stored)
    .commit();
  if (!ok.ok) throw new Error(`Cannot save case "${stored.id}": id taken`);
  return stored;
}

function decode(key: Deno.KvKey, value: unknown): StoredCase {
  const parsed = StoredCaseSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `Cannot read ${JSON.stringify(key)}: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}

/** One case; NotFoundError when there is none. */
export async function getCase(kv: Deno.Kv, id: string): Promise<StoredCase> {
  const e = await kv.get(caseKey(id));
  if (e.value === null) throw new NotFoundError(`Case "${id}" does not exist`);
  return decode(e.key, e.value);
}

/** Cases, newest first. */
export async function listCases(
  kv: Deno.Kv,
  limit = MAX_LISTED,
): Promise<StoredCase[]> {
  const out: StoredCase[] = [];
  for await (
    const e of kv.list({ prefix: ["cases"] }, { limit, reverse: true })
  ) out.push(decode(e.key, e.value));
  return out;
}
