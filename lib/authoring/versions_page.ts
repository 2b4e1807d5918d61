/**
 * The versions page: every version of a course with how it was made and its
 * note, and the per-file diff between two of them.
 */
import { getHead, listVersions } from "@/lib/content/content_store.ts";
import { diffFileSets, type FileDiff } from "./version_diff.ts";
import { listVersionNotes, type VersionNote } from "./version_note_store.ts";
import { versionFiles } from "./workspace.ts";

/** One row of the versions list. */
export interface VersionRow {
  version: number;
  at: Date;
  note: VersionNote | null;
  /** Whether the version kept its files (versions stored before files were kept did not). */
  hasFiles: boolean;
  latest: boolean;
}

/** The versions page's data. */
export interface VersionsPage {
  courseId: string;
  latest: number;
  rows: VersionRow[];
  compare: { from: number; to: number; diffs: FileDiff[] | null } | null;
}

/** Versions newest first, and the diff `from` -> `to` when both are asked for. */
export async function versionsPage(
  kv: Deno.Kv,
  courseId: string,
  compare: { from: number; to: number } | null,
): Promise<VersionsPage | null> {
  const head = await getHead(kv, courseId);
  if (!head) return null;
  const [versions, notes] = await Promise.all([
    listVersions(kv, courseId, 50),
    listVersionNotes(kv, courseId, 50),
  ]);
  const byVersion = new Map(notes.map((n) => [n.version, n]));
  const rows = await Promise.all(versions.map(async (v) => ({
    version: v.version,
    at: v.importedAt,
    note: byVersion.get(v.version) ?? null,
    hasFiles: (await versionFiles(kv, courseId, v.version)) !== null,
    latest: v.version === head.version,
  })));
  let diff: VersionsPage["compare"] = null;
  if (compare) {
    const [a, b] = await Promise.all([
      versionFiles(kv, courseId, compare.from),
      versionFiles(kv, courseId, compare.to),
    ]);
    diff = { ...compare, diffs: a && b ? diffFileSets(a, b) : null };
  }
  return { courseId, latest: head.version, rows, compare: diff };
}
