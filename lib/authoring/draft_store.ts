/**
 * Trainers' drafts: changed content files of a course, kept in KV until they
 * are published. A draft is the same Markdown or YAML text as the file it
 * replaces (or a deletion), so the loader checks it with the same code.
 * Only this module reads or writes these keys:
 *
 * | key                                            | value                                 |
 * | ---------------------------------------------- | ------------------------------------- |
 * | ["author_drafts", courseId, path]              | DraftFile (moves; versionstamp = rev) |
 * | ["author_conflicts", courseId, path, copyId]   | ConflictCopy (immutable)              |
 *
 * Two trainers on one file: every save names the versionstamp it was based
 * on (null = the published text). A save whose base is no longer the stored
 * versionstamp is refused; its text is kept as a conflict copy, so the later
 * writer sees the other change and nothing is overwritten or lost.
 *
 * Text is stored deflated (fflate): the largest bank is ~64 KB of YAML, over
 * KV's 64 KiB value limit as a string but ~15 KB compressed.
 *
 * @module
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";
import { ulid } from "ulid";
import { z } from "zod";

const draftKey = (courseId: string, path: string) => [
  "author_drafts",
  courseId,
  path,
];
const draftsPrefix = (courseId: string) => ["author_drafts", courseId];
const conflictKey = (courseId: string, path: string, id: string) => [
  "author_conflicts",
  courseId,
  path,
  id,
];
const conflictsPrefix = (courseId: string) => ["author_conflicts", courseId];

/** Compressed text above this cannot be a KV value. */
const MAX_STORED_BYTES = 60_000;
/** Characters a draft file may hold. */
export const MAX_DRAFT_CHARS = 400_000;

const CourseIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/**
 * A content path a draft may change: a YAML or Markdown file in a course
 * folder or in `assessments/`, plain names only (no `..`, no hidden files).
 */
export const DraftPathSchema = z.string().max(200).regex(
  /^(courses\/[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9._-]*)+|assessments\/[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?)\.(md|ya?ml)$/,
  "must be a .md or .yaml file under courses/ or assessments/",
).refine((p) => !p.split("/").includes(".."), "must not contain ..");

const StoredDraftSchema = z.strictObject({
  path: DraftPathSchema,
  /** Deflated UTF-8 text; absent when the draft deletes the file. */
  text: z.instanceof(Uint8Array).optional(),
  deleted: z.boolean(),
  updatedBy: z.string().min(1),
  updatedAt: z.date(),
});

const StoredConflictSchema = z.strictObject({
  path: DraftPathSchema,
  text: z.instanceof(Uint8Array).optional(),
  deleted: z.boolean(),
  by: z.string().min(1),
  at: z.date(),
  /** The versionstamp the refused save was based on. */
  basedOn: z.string().nullable(),
});

/** One changed file of a course's draft. */
export interface DraftFile {
  path: string;
  /** The new text, or null when the draft deletes the file. */
  text: string | null;
  updatedBy: string;
  updatedAt: Date;
  /** Pass back on the next save of this file. */
  versionstamp: string;
}

/** A save that lost to another trainer's, kept so neither text is lost. */
export interface ConflictCopy {
  id: string;
  path: string;
  text: string | null;
  by: string;
  at: Date;
  basedOn: string | null;
}

/** What a save did. */
export type SaveResult =
  | { ok: true; versionstamp: string }
  | {
    ok: false;
    /** The change that is stored now (null when it was published or discarded). */
    theirs: DraftFile | null;
    /** The refused text, kept as a conflict copy. */
    copy: ConflictCopy;
  };

/** What a trainer sends to save one file. */
export const SaveDraftInput = z.strictObject({
  courseId: CourseIdSchema,
  path: DraftPathSchema,
  /** null deletes the file. */
  text: z.string().max(MAX_DRAFT_CHARS).nullable(),
  /** The versionstamp the editor loaded; null when it started from the published text. */
  basedOn: z.string().max(40).nullable(),
});
export type SaveDraftInput = z.infer<typeof SaveDraftInput>;

function pack(text: string | null): Uint8Array | undefined {
  if (text === null) return undefined;
  const bytes = deflateSync(strToU8(text), { level: 6 });
  if (bytes.length > MAX_STORED_BYTES) {
    throw new RangeError(
      `Cannot save draft: ${bytes.length} compressed bytes, more than ${MAX_STORED_BYTES}`,
    );
  }
  return bytes;
}

function unpack(bytes: Uint8Array | undefined): string | null {
  return bytes === undefined ? null : strFromU8(inflateSync(bytes));
}

function decode<T>(schema: z.ZodType<T>, key: Deno.KvKey, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `Cannot read ${JSON.stringify(key)}: ${
        z.prettifyError(parsed.error).replaceAll("\n", " ")
      }`,
    );
  }
  return parsed.data;
}

function toDraft(value: unknown, key: Deno.KvKey, versionstamp: string) {
  const d = decode(StoredDraftSchema, key, value);
  return {
    path: d.path,
    text: d.deleted ? null : unpack(d.text),
    updatedBy: d.updatedBy,
    updatedAt: d.updatedAt,
    versionstamp,
  } satisfies DraftFile;
}

/** One file's draft, or null when the file has no unpublished change. */
export async function getDraft(
  kv: Deno.Kv,
  courseId: string,
  path: string,
): Promise<DraftFile | null> {
  const key = draftKey(courseId, path);
  const entry = await kv.get(key);
  return entry.versionstamp === null
    ? null
    : toDraft(entry.value, key, entry.versionstamp);
}

/** Every changed file of a course's draft, in path order. */
export async function listDrafts(
  kv: Deno.Kv,
  courseId: string,
  limit = 500,
): Promise<DraftFile[]> {
  return await Array.fromAsync(
    kv.list({ prefix: draftsPrefix(courseId) }, { limit }),
    ({ key, value, versionstamp }) => toDraft(value, key, versionstamp),
  );
}

/**
 * Saves one file of a draft if nobody saved it since `basedOn`. Otherwise
 * stores the text as a conflict copy and returns the change that won.
 */
export async function saveDraft(
  kv: Deno.Kv,
  input: SaveDraftInput,
  actorId: string,
  now: Date,
): Promise<SaveResult> {
  const { courseId, path, text, basedOn } = SaveDraftInput.parse(input);
  const key = draftKey(courseId, path);
  const stored = StoredDraftSchema.parse({
    path,
    text: pack(text),
    deleted: text === null,
    updatedBy: actorId,
    updatedAt: now,
  });
  const res = await kv.atomic()
    .check({ key, versionstamp: basedOn })
    .set(key, stored)
    .commit();
  if (res.ok) return { ok: true, versionstamp: res.versionstamp };
  const id = ulid(now.getTime());
  const copy = StoredConflictSchema.parse({
    path,
    text: stored.text,
    deleted: stored.deleted,
    by: actorId,
    at: now,
    basedOn,
  });
  await kv.set(conflictKey(courseId, path, id), copy);
  return {
    ok: false,
    theirs: await getDraft(kv, courseId, path),
    copy: { id, path, text, by: actorId, at: now, basedOn },
  };
}

/**
 * Saves several files of a draft in one commit (a tree edit: a new module
 * and course.yaml's list, two lessons swapping places): all or nothing.
 * Returns false, saving nothing, when any file changed since its `basedOn`.
 */
export async function saveDrafts(
  kv: Deno.Kv,
  inputs: readonly SaveDraftInput[],
  actorId: string,
  now: Date,
): Promise<boolean> {
  const op = kv.atomic();
  for (const input of inputs) {
    const { courseId, path, text, basedOn } = SaveDraftInput.parse(input);
    const key = draftKey(courseId, path);
    op.check({ key, versionstamp: basedOn }).set(
      key,
      StoredDraftSchema.parse({
        path,
        text: pack(text),
        deleted: text === null,
        updatedBy: actorId,
        updatedAt: now,
      }),
    );
  }
  return (await op.commit()).ok;
}

/** Conflict copies of one file (or all files), oldest first. */
export async function listConflictCopies(
  kv: Deno.Kv,
  courseId: string,
  path?: string,
  limit = 50,
): Promise<ConflictCopy[]> {
  const prefix = path === undefined
    ? conflictsPrefix(courseId)
    : [...conflictsPrefix(courseId), path];
  return await Array.fromAsync(
    kv.list({ prefix }, { limit }),
    ({ key, value }) => {
      const c = decode(StoredConflictSchema, key, value);
      return {
        id: String(key.at(-1)),
        path: c.path,
        text: c.deleted ? null : unpack(c.text),
        by: c.by,
        at: c.at,
        basedOn: c.basedOn,
      };
    },
  );
}

/** Drops a conflict copy once a trainer has dealt with it. */
export async function dismissConflictCopy(
  kv: Deno.Kv,
  courseId: string,
  path: string,
  id: string,
): Promise<void> {
  await kv.delete(conflictKey(courseId, path, id));
}

/**
 * Removes the given drafts (after a publish) unless they changed since they
 * were read: a save that raced the publish stays a draft.
 */
export async function clearDrafts(
  kv: Deno.Kv,
  courseId: string,
  drafts: readonly Pick<DraftFile, "path" | "versionstamp">[],
): Promise<void> {
  for (const d of drafts) {
    const key = draftKey(courseId, d.path);
    await kv.atomic().check({ key, versionstamp: d.versionstamp }).delete(key)
      .commit();
  }
}
