/**
 * What each course version is: who made it, how (start-up import from the
 * repository's files, a publish in the browser, a rollback) and the change
 * note. The content itself lives in lib/content/content_store.ts. Only this
 * module reads or writes these keys:
 *
 * | key                                          | value                          |
 * | -------------------------------------------- | ------------------------------ |
 * | ["course_version_notes", courseId, version]  | VersionNote (immutable)        |
 * | ["course_file_imports", courseId]            | FileImport (moves)             |
 *
 * `course_file_imports` remembers the hash of the repository files last
 * imported, so a restart with unchanged files leaves a browser publish in
 * place, and changed files are recognised as a conflict with it.
 *
 * @module
 */
import { z } from "zod";

const noteKey = (courseId: string, version: number) => [
  "course_version_notes",
  courseId,
  version,
];
const notesPrefix = (courseId: string) => ["course_version_notes", courseId];
const fileImportKey = (courseId: string) => ["course_file_imports", courseId];

/** How a version came to be. */
export const VersionOrigin = z.enum(["files", "browser", "rollback", "zip"]);
export type VersionOrigin = z.infer<typeof VersionOrigin>;

/** Longest change note. */
export const MAX_NOTE_CHARS = 500;

export const VersionNoteSchema = z.strictObject({
  courseId: z.string().min(1),
  version: z.number().int().positive(),
  origin: VersionOrigin,
  note: z.string().max(MAX_NOTE_CHARS),
  actorId: z.string().min(1),
  at: z.date(),
  /** For a rollback: the version whose content it restores. */
  restores: z.number().int().positive().optional(),
});
export type VersionNote = z.infer<typeof VersionNoteSchema>;

export const FileImportSchema = z.strictObject({
  hash: z.string().min(1),
  version: z.number().int().positive(),
});
export type FileImport = z.infer<typeof FileImportSchema>;

/** Records how a version was made; a version's note is written once. */
export async function saveVersionNote(
  kv: Deno.Kv,
  note: VersionNote,
): Promise<void> {
  const n = VersionNoteSchema.parse(note);
  const key = noteKey(n.courseId, n.version);
  await kv.atomic().check({ key, versionstamp: null }).set(key, n).commit();
}

/** Notes of a course's versions, newest first. */
export async function listVersionNotes(
  kv: Deno.Kv,
  courseId: string,
  limit = 50,
): Promise<VersionNote[]> {
  return await Array.fromAsync(
    kv.list({ prefix: notesPrefix(courseId) }, { limit, reverse: true }),
    ({ value }) => VersionNoteSchema.parse(value),
  );
}

/** One version's note, or null (versions imported before notes existed have none). */
export async function getVersionNote(
  kv: Deno.Kv,
  courseId: string,
  version: number,
): Promise<VersionNote | null> {
  const entry = await kv.get(noteKey(courseId, version));
  return entry.versionstamp === null
    ? null
    : VersionNoteSchema.parse(entry.value);
}

/** The repository files last imported for a course, or null. */
export async function getFileImport(
  kv: Deno.Kv,
  courseId: string,
): Promise<FileImport | null> {
  const entry = await kv.get(fileImportKey(courseId));
  return entry.versionstamp === null
    ? null
    : FileImportSchema.parse(entry.value);
}

/** Remembers which repository files a version was imported from. */
export async function saveFileImport(
  kv: Deno.Kv,
  courseId: string,
  fileImport: FileImport,
): Promise<void> {
  await kv.set(fileImportKey(courseId), FileImportSchema.parse(fileImport));
}
