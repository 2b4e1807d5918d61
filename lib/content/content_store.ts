/**
 * Imported course content, kept as immutable numbered versions so every
 * attempt can name the version it was made on. Only this module reads or
 * writes these keys:
 *
 * | key                                             | value                                         |
 * | ----------------------------------------------- | --------------------------------------------- |
 * | ["course_heads", courseId]                      | CourseHead: the latest version (moves)        |
 * | ["course_versions", courseId, version]          | VersionRecord (immutable)                     |
 * | ["course_chunks", courseId, uploadId, index]    | Uint8Array: ≤ 60,000 bytes of the UTF-8 JSON  |
 *
 * A snapshot's JSON is split into byte chunks because a KV value may hold at
 * most 64 KiB and a course tree is often several hundred KB. Chunks are keyed
 * by a random upload id, not by version number: they can be written before
 * the version number is known, and an import that loses a race keeps its
 * chunks for the retry instead of colliding with the winner's.
 *
 * One atomic commit may hold at most 1000 mutations and 800 KiB (Deno 2.x),
 * so a snapshot larger than one commit's budget is written in several: all
 * chunk commits first, then one final commit with the last chunks, the
 * version record and the head. Readers find chunks only through a version
 * record, so they never see a half-written version; a crash in between
 * leaves unreferenced chunks under a fresh upload id and nothing else.
 *
 * @module
 */
import { z } from "zod";
import { DomainError } from "@/lib/errors.ts";

const headKey = (courseId: string) => ["course_heads", courseId];
const versionKey = (
  courseId: string,
  version: number,
) => ["course_versions", courseId, version];
const versionsPrefix = (courseId: string) => ["course_versions", courseId];
const chunkPrefix = (
  courseId: string,
  uploadId: string,
) => ["course_chunks", courseId, uploadId];

/** Bytes of JSON per chunk: under the 64 KiB value limit with room to spare. */
const CHUNK_BYTES = 60_000;
/** Chunk bytes per commit, under the 800 KiB commit limit with room for keys and records. */
const COMMIT_BYTES = 12 * CHUNK_BYTES;
/** The largest snapshot accepted: far above a real course, low enough to catch a runaway tree. */
const MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024;
/** One retry after losing a race for the head, as any further loss means a busy importer. */
const MAX_ATTEMPTS = 2;

const CourseIdSchema = z.string().regex(
  /^[a-z0-9]+(-[a-z0-9]+)*$/,
  "must be a kebab-case id",
);
const HashSchema = z.string().min(1).max(256);
const VersionSchema = z.number().int().positive();

/** The pointer to a course's latest version. */
export const CourseHeadSchema = z.strictObject({
  courseId: CourseIdSchema,
  version: VersionSchema,
  hash: HashSchema,
  importedAt: z.date(),
});
/** The pointer to a course's latest version. */
export type CourseHead = z.infer<typeof CourseHeadSchema>;

const VersionRecordSchema = z.strictObject({
  ...CourseHeadSchema.shape,
  byteLength: z.number().int().positive().max(MAX_SNAPSHOT_BYTES),
  chunkCount: z.number().int().positive(),
  uploadId: z.uuid(),
});
type VersionRecord = z.infer<typeof VersionRecordSchema>;

const ChunkSchema = z.instanceof(Uint8Array).refine(
  (bytes) => bytes.length <= CHUNK_BYTES,
  {
    message: `must hold at most ${CHUNK_BYTES} bytes`,
  },
);

/** One stored version without its content, for listings. */
export interface CourseVersionInfo extends CourseHead {
  /** Size of the snapshot's JSON in UTF-8 bytes. */
  byteLength: number;
}

/** A full course version: the loaded course tree as JSON, validated by the caller. */
export const CourseSnapshotSchema = z.strictObject({
  ...CourseHeadSchema.shape,
  content: z.unknown(),
});
/** A full course version: the loaded course tree as JSON, validated by the caller. */
export type CourseSnapshot = z.infer<typeof CourseSnapshotSchema>;

/** What {@linkcode importCourse} did. */
export interface ImportResult {
  /** The version that now holds this hash. */
  version: number;
  /** False when the latest version already had this hash and nothing was written. */
  imported: boolean;
}

/** Another importer kept winning the race for a course's head. */
export class ImportConflictError extends DomainError {
  constructor(message: string) {
    super("import-conflict", message);
    this.name = "ImportConflictError";
  }
}

/**
 * Stores `content` as the next version of a course unless the latest version
 * already has `hash`. The version record and the head move together in one
 * commit that checks the head is still the one read and the version key is
 * still free, so concurrent importers never leave a gap or overwrite a
 * version; the loser retries once on the new head, then fails.
 */
export async function importCourse(
  kv: Deno.Kv,
  courseId: string,
  hash: string,
  content: unknown,
  now: Date,
): Promise<ImportResult> {
  const id = CourseIdSchema.parse(courseId);
  HashSchema.parse(hash);
  const importedAt = z.date().parse(now);

  let head = await readHead(kv, id);
  if (head.value?.hash === hash) {
    return { version: head.value.version, imported: false };
  }

  const bytes = encodeContent(id, content);
  const uploadId = crypto.randomUUID();
  const batches = commitBatches(bytes);
  const last = batches.pop()!;
  try {
    for (const batch of batches) {
      const op = kv.atomic();
      for (const [index, chunk] of batch) {
        op.set([...chunkPrefix(id, uploadId), index], chunk);
      }
      if (!(await op.commit()).ok) {
        throw new Error(
          `Cannot import course "${id}": writing content chunks failed`,
        );
      }
    }
    for (let attempt = 1;; attempt++) {
      const version = (head.value?.version ?? 0) + 1;
      const record: VersionRecord = VersionRecordSchema.parse({
        courseId: id,
        version,
        hash,
        importedAt,
        byteLength: bytes.length,
        chunkCount: Math.ceil(bytes.length / CHUNK_BYTES),
        uploadId,
      });
      const op = kv.atomic()
        .check({ key: headKey(id), versionstamp: head.versionstamp })
        .check({ key: versionKey(id, version), versionstamp: null });
      for (const [index, chunk] of last) {
        op.set([...chunkPrefix(id, uploadId), index], chunk);
      }
      op.set(versionKey(id, version), record)
        .set(
          headKey(id),
          CourseHeadSchema.parse({ courseId: id, version, hash, importedAt }),
        );
      if ((await op.commit()).ok) return { version, imported: true };

      head = await readHead(kv, id);
      if (head.value?.hash === hash) {
        // A concurrent importer stored the same content first: that version is ours too.
        await deleteChunks(kv, id, uploadId);
        return { version: head.value.version, imported: false };
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new ImportConflictError(
          `Cannot import course "${id}" hash "${hash}": the latest version changed ${attempt} times while importing`,
        );
      }
    }
  } catch (error) {
    await deleteChunks(kv, id, uploadId);
    throw error;
  }
}

/** Reads a course's latest version with its content, or null for an unknown course. */
export async function getLatest(
  kv: Deno.Kv,
  courseId: string,
): Promise<CourseSnapshot | null> {
  const { value: head } = await readHead(kv, CourseIdSchema.parse(courseId));
  if (!head) return null;
  const snapshot = await getVersion(kv, head.courseId, head.version);
  if (!snapshot) {
    throw new Error(
      `Cannot read ${
        keyText(headKey(head.courseId))
      }: version ${head.version} does not exist`,
    );
  }
  return snapshot;
}

/** Reads one version of a course with its content, or null if there is no such version. */
export async function getVersion(
  kv: Deno.Kv,
  courseId: string,
  version: number,
): Promise<CourseSnapshot | null> {
  const key = versionKey(
    CourseIdSchema.parse(courseId),
    VersionSchema.parse(version),
  );
  const entry = await kv.get(key);
  if (entry.versionstamp === null) return null;
  const record = decode(VersionRecordSchema, key, entry.value);
  const content = await readContent(kv, record);
  const { courseId: id, hash, importedAt } = record;
  return CourseSnapshotSchema.parse({
    courseId: id,
    version: record.version,
    hash,
    importedAt,
    content,
  });
}

/** Lists a course's versions without their content, newest first. */
export async function listVersions(
  kv: Deno.Kv,
  courseId: string,
  limit = 20,
): Promise<CourseVersionInfo[]> {
  const entries = kv.list({
    prefix: versionsPrefix(CourseIdSchema.parse(courseId)),
  }, { limit, reverse: true });
  return await Array.fromAsync(entries, ({ key, value }) => {
    const { courseId: id, version, hash, importedAt, byteLength } = decode(
      VersionRecordSchema,
      key,
      value,
    );
    return { courseId: id, version, hash, importedAt, byteLength };
  });
}

/** Lists the imported courses with their latest version, in course id order. */
export async function listCourses(
  kv: Deno.Kv,
  limit = 100,
): Promise<CourseHead[]> {
  const entries = kv.list({ prefix: ["course_heads"] }, { limit });
  return await Array.fromAsync(
    entries,
    ({ key, value }) => decode(CourseHeadSchema, key, value),
  );
}

/** The latest version's head (id, version, hash) without reading its content. */
export async function getHead(
  kv: Deno.Kv,
  courseId: string,
): Promise<CourseHead | null> {
  return (await readHead(kv, CourseIdSchema.parse(courseId))).value;
}

async function readHead(kv: Deno.Kv, courseId: string) {
  const key = headKey(courseId);
  const entry = await kv.get(key);
  const value = entry.versionstamp === null
    ? null
    : decode(CourseHeadSchema, key, entry.value);
  return { value, versionstamp: entry.versionstamp };
}

async function readContent(
  kv: Deno.Kv,
  record: VersionRecord,
): Promise<unknown> {
  const prefix = chunkPrefix(record.courseId, record.uploadId);
  const bytes = new Uint8Array(record.byteLength);
  let offset = 0;
  let expected = 0;
  for await (
    const { key, value } of kv.list({ prefix }, {
      limit: record.chunkCount + 1,
    })
  ) {
    const chunk = decode(ChunkSchema, key, value);
    if (key.at(-1) !== expected || offset + chunk.length > bytes.length) {
      throw new Error(
        `Cannot read ${
          keyText(key)
        }: it does not fit version ${record.version} of "${record.courseId}"`,
      );
    }
    bytes.set(chunk, offset);
    offset += chunk.length;
    expected++;
  }
  if (expected !== record.chunkCount || offset !== record.byteLength) {
    throw new Error(
      `Cannot read ${keyText(versionKey(record.courseId, record.version))}: ` +
        `found ${expected} of ${record.chunkCount} chunks, ${offset} of ${record.byteLength} bytes`,
    );
  }
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    throw new Error(
      `Cannot read ${
        keyText(versionKey(record.courseId, record.version))
      }: ${error}`,
    );
  }
}

function encodeContent(courseId: string, content: unknown): Uint8Array {
  const json = JSON.stringify(content);
  if (json === undefined) {
    throw new TypeError(
      `Cannot import course "${courseId}": its content is not JSON`,
    );
  }
  // Bytes, not string length: KV stores a string with CJK text as UTF-16,
  // so a 60,000-character Chinese string would exceed the value limit.
  const bytes = new TextEncoder().encode(json);
  if (bytes.length > MAX_SNAPSHOT_BYTES) {
    throw new RangeError(
      `Cannot import course "${courseId}": its content is ${bytes.length} bytes, more than ${MAX_SNAPSHOT_BYTES}`,
    );
  }
  return bytes;
}

/** Splits the bytes into chunks and groups them into commits that each fit KV's limits. */
function commitBatches(bytes: Uint8Array): [number, Uint8Array][][] {
  const perCommit = COMMIT_BYTES / CHUNK_BYTES;
  const batches: [number, Uint8Array][][] = [];
  for (let index = 0; index * CHUNK_BYTES < bytes.length; index++) {
    if (index % perCommit === 0) batches.push([]);
    batches.at(-1)!.push([
      index,
      bytes.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES),
    ]);
  }
  return batches;
}

/** Best-effort cleanup of an import that did not become a version. */
async function deleteChunks(kv: Deno.Kv, courseId: string, uploadId: string) {
  try {
    const keys = await Array.fromAsync(
      kv.list({ prefix: chunkPrefix(courseId, uploadId) }),
      ({ key }) => key,
    );
    for (let i = 0; i < keys.length; i += 100) {
      const op = kv.atomic();
      for (const key of keys.slice(i, i + 100)) op.delete(key);
      await op.commit();
    }
  } catch {
    // Unreferenced chunks are invisible to readers; leaving some behind is harmless.
  }
}

function decode<T>(schema: z.ZodType<T>, key: Deno.KvKey, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(
      `Cannot read ${keyText(key)}: ${
        z.prettifyError(result.error).replaceAll("\n", " ")
      }`,
    );
  }
  return result.data;
}

function keyText(key: Deno.KvKey): string {
  return JSON.stringify(
    key,
    (_, part) => typeof part === "bigint" ? `${part}n` : part,
  );
}
