/**
 * A course's workspace: the files of its latest version with the trainers'
 * drafts laid over them, checked by exactly the code `content:check` runs
 * (loadContent through a {@link ContentSource}, then checkContent), and
 * published as a new immutable version. Rollback publishes an old version's
 * content again as a new version; nothing is ever rewritten.
 *
 * @module
 */
import { z } from "zod";
import { appendAuditEntry } from "@/lib/identity/audit/audit_store.ts";
import {
  type ContentSource,
  fileTreeSource,
  memorySource,
  readAllText,
} from "@/lib/content/content_source.ts";
import {
  getHead,
  getVersion,
  importCourse,
} from "@/lib/content/content_store.ts";
import { forgetCourseHeads } from "@/lib/content/course_view.ts";
import {
  type ContentTree,
  loadContent,
  type LoadedCourse,
  PROJECT_ROOT,
  sortProblems,
} from "@/lib/content/loader.ts";
import { publishCourse } from "@/lib/content/published.ts";
import { msg, type Problem } from "@/lib/content/source.ts";
import { checkContent } from "./check.ts";
import {
  clearDrafts,
  type DraftFile,
  listDrafts,
  saveDraft,
} from "./draft_store.ts";
import {
  MAX_NOTE_CHARS,
  saveVersionNote,
  type VersionOrigin,
} from "./version_note_store.ts";

/** A course's files by path (course folder and `assessments/`), as text. */
export type FileSet = Record<string, string>;

const FileSetSchema = z.record(z.string(), z.string());

/** What a version stores: the published course plus the files it was made from. */
export function versionContent(
  tree: ContentTree,
  course: LoadedCourse,
  files: FileSet,
): unknown {
  return { ...publishCourse(tree, course), files };
}

/** The files a course's content comes from: its folder and the shared assessments. */
export function courseFiles(
  source: ContentSource,
  courseDir: string,
): Promise<FileSet> {
  return readAllText(source, [courseDir, "assessments"]);
}

/**
 * A version's files, or null for a version stored before files were kept
 * (or an unknown version).
 */
export async function versionFiles(
  kv: Deno.Kv,
  courseId: string,
  version: number,
): Promise<FileSet | null> {
  const snapshot = await getVersion(kv, courseId, version);
  const files = (snapshot?.content as { files?: unknown } | undefined)?.files;
  const parsed = FileSetSchema.safeParse(files);
  return parsed.success ? parsed.data : null;
}

/** The course folder (`courses/<dir>`) a file set holds. */
export function courseDirOf(files: FileSet): string | null {
  const dirs = new Set(
    Object.keys(files).filter((p) => p.startsWith("courses/")).map((p) =>
      p.split("/").slice(0, 2).join("/")
    ),
  );
  return dirs.size === 1 ? [...dirs][0] : null;
}

/** A course being edited: the published base, the drafts, and both together. */
export interface Workspace {
  courseId: string;
  /** The latest version, which the drafts are laid over. */
  baseVersion: number;
  courseDir: string;
  base: FileSet;
  drafts: DraftFile[];
  /** The base with every draft applied (deleted files left out). */
  files: FileSet;
}

/** Lays drafts over a file set. */
export function applyDrafts(
  base: FileSet,
  drafts: readonly Pick<DraftFile, "path" | "text">[],
): FileSet {
  const files = { ...base };
  for (const d of drafts) {
    if (d.text === null) delete files[d.path];
    else files[d.path] = d.text;
  }
  return files;
}

/**
 * Opens a course's workspace, or null for a course with no version. When
 * the latest version predates stored files, its files are read from
 * `contentRoot` (the repository), which is what that version was made from
 * as long as the hashes agree.
 */
export async function openWorkspace(
  kv: Deno.Kv,
  courseId: string,
  contentRoot: string,
): Promise<Workspace | null> {
  const head = await getHead(kv, courseId);
  if (!head) return null;
  let base = await versionFiles(kv, courseId, head.version);
  if (!base) {
    const disk = fileTreeSource(contentRoot);
    const { tree } = await loadContent(disk);
    const course = tree.courses.find((c) => c.data.id === courseId);
    if (!course || course.hash !== head.hash) return null;
    base = await courseFiles(disk, course.dir);
  }
  const courseDir = courseDirOf(base);
  if (!courseDir) return null;
  const drafts = await listDrafts(kv, courseId);
  return {
    courseId,
    baseVersion: head.version,
    courseDir,
    base,
    drafts,
    files: applyDrafts(base, drafts),
  };
}

/** Loads and checks a file set exactly as `content:check` does. */
export async function checkFiles(files: FileSet): Promise<{
  tree: ContentTree;
  problems: Problem[];
}> {
  const { tree, problems } = await loadContent(memorySource(files));
  return {
    tree,
    problems: sortProblems([...problems, ...checkContent(tree)]),
  };
}

/** A publish refused because the draft has problems. */
export class DraftHasProblemsError extends Error {
  override name = "DraftHasProblemsError";
  constructor(readonly courseId: string, readonly problems: Problem[]) {
    super(
      `Cannot publish course "${courseId}": the draft has ${problems.length} problems`,
    );
  }
}

/** What a trainer sends to publish or roll back. */
export const PublishInput = z.strictObject({
  note: z.string().trim().min(1).max(MAX_NOTE_CHARS),
});

/** What a publish did. */
export interface PublishResult {
  version: number;
  /** False when the draft equals the latest version (nothing new stored). */
  published: boolean;
}

async function storeVersion(
  kv: Deno.Kv,
  args: {
    courseId: string;
    hash: string;
    content: unknown;
    origin: VersionOrigin;
    note: string;
    actorId: string;
    now: Date;
    restores?: number;
  },
): Promise<PublishResult> {
  const { courseId, hash, content, origin, note, actorId, now, restores } =
    args;
  const result = await importCourse(kv, courseId, hash, content, now);
  if (result.imported) {
    await saveVersionNote(kv, {
      courseId,
      version: result.version,
      origin,
      note,
      actorId,
      at: now,
      ...(restores ? { restores } : {}),
    });
    await appendAuditEntry(kv, {
      actorId,
      action: "content.published",
      targetType: "course",
      targetId: courseId,
      detail: {
        version: result.version,
        origin,
        note: note.slice(0, 200),
        ...(restores ? { restores } : {}),
      },
    }, now);
    forgetCourseHeads();
  }
  return { version: result.version, published: result.imported };
}

/**
 * Publishes a workspace's drafts as the course's next version with a change
 * note. Refused (DraftHasProblemsError) when the draft has any problem;
 * drafts saved while publishing stay drafts. Learners' started attempts keep
 * the version they name; new attempts use this one.
 */
export async function publishWorkspace(
  kv: Deno.Kv,
  ws: Workspace,
  note: string,
  actorId: string,
  now: Date,
  origin: VersionOrigin = "browser",
): Promise<PublishResult> {
  const { note: text } = PublishInput.parse({ note });
  const { tree, problems } = await checkFiles(ws.files);
  const course = tree.courses.find((c) => c.dir === ws.courseDir);
  if (problems.length > 0 || !course || course.data.id !== ws.courseId) {
    throw new DraftHasProblemsError(
      ws.courseId,
      problems.length > 0 ? problems : [{
        path: `${ws.courseDir}/course.yaml`,
        line: 1,
        col: 1,
        field: "id",
        ...msg("problem.publish.id_changed", { id: ws.courseId }),
      }],
    );
  }
  const result = await storeVersion(kv, {
    courseId: ws.courseId,
    hash: course.hash,
    content: versionContent(tree, course, ws.files),
    origin,
    note: text,
    actorId,
    now,
  });
  await clearDrafts(kv, ws.courseId, ws.drafts);
  return result;
}

/**
 * Rolls a course back: the content of `version` becomes the next version
 * (history is never rewritten), with a note naming what it restores.
 */
export async function rollbackCourse(
  kv: Deno.Kv,
  courseId: string,
  version: number,
  note: string,
  actorId: string,
  now: Date,
): Promise<PublishResult> {
  const { note: text } = PublishInput.parse({ note });
  const old = await getVersion(kv, courseId, version);
  if (!old) {
    throw new RangeError(
      `Cannot roll back course "${courseId}": version ${version} does not exist`,
    );
  }
  const head = await getHead(kv, courseId);
  if (head?.hash === old.hash) {
    return { version: head.version, published: false };
  }
  return await storeVersion(kv, {
    courseId,
    hash: old.hash,
    content: old.content,
    origin: "rollback",
    note: text,
    actorId,
    now,
    restores: version,
  });
}

/**
 * Turns an uploaded file set into drafts: every file that differs from the
 * workspace is saved (on the versionstamp it has now), every workspace file
 * the upload lacks is a deletion. Publishing then makes the course the
 * upload. Returns how many files changed.
 */
export async function draftsFromFiles(
  kv: Deno.Kv,
  ws: Workspace,
  files: FileSet,
  actorId: string,
  now: Date,
): Promise<number> {
  const stamps = new Map(ws.drafts.map((d) => [d.path, d.versionstamp]));
  const paths = new Set([...Object.keys(ws.files), ...Object.keys(files)]);
  let changed = 0;
  for (const path of [...paths].sort()) {
    const want = Object.hasOwn(files, path) ? files[path] : null;
    const have = Object.hasOwn(ws.files, path) ? ws.files[path] : null;
    if (want === have) continue;
    const result = await saveDraft(
      kv,
      {
        courseId: ws.courseId,
        path,
        text: want,
        basedOn: stamps.get(path) ?? null,
      },
      actorId,
      now,
    );
    if (result.ok) changed++;
  }
  return changed;
}

/** Where the repository's content files are read from (`SA_CONTENT_DIR`, else the project root). */
export function contentRoot(): string {
  return Deno.env.get("SA_CONTENT_DIR") ?? PROJECT_ROOT;
}
