/**
 * What the course workspace page shows: the tree, the draft's changes
 * against the latest version, every problem (the same as content:check),
 * conflict copies waiting for a trainer, and a conflict the last start-up
 * import found between the repository's files and a browser publish.
 */
import { getContentStatus } from "@/lib/content/content_status_store.ts";
import type { Problem } from "@/lib/content/source.ts";
import { type CourseTree, courseTree } from "./course_tree.ts";
import { type ConflictCopy, listConflictCopies } from "./draft_store.ts";
import { diffFileSets, type FileDiff } from "./version_diff.ts";
import {
  checkFiles,
  contentRoot,
  openWorkspace,
  type Workspace,
} from "./workspace.ts";

/** The workspace page's data. */
export interface WorkspacePage {
  ws: Workspace;
  title: string;
  tree: CourseTree;
  problems: Problem[];
  changes: Omit<FileDiff, "hunks">[];
  copies: ConflictCopy[];
  conflict: { browserVersion: number; fileVersion: number } | null;
}

/** Opens a course's workspace (null for an unknown course). */
export function workspaceOf(
  kv: Deno.Kv,
  courseId: string,
): Promise<Workspace | null> {
  return openWorkspace(kv, courseId, contentRoot());
}

/** Everything the workspace page shows, or null for an unknown course. */
export async function workspacePage(
  kv: Deno.Kv,
  courseId: string,
): Promise<WorkspacePage | null> {
  const ws = await workspaceOf(kv, courseId);
  if (!ws) return null;
  const [{ tree, problems }, copies, status] = await Promise.all([
    checkFiles(ws.files),
    listConflictCopies(kv, courseId),
    getContentStatus(kv),
  ]);
  const conflict = status?.conflicts.find((c) => c.courseId === courseId);
  const course = tree.courses.find((c) => c.dir === ws.courseDir);
  return {
    ws,
    title: course?.data.title ?? courseId,
    tree: courseTree(ws, problems),
    problems,
    changes: diffFileSets(ws.base, ws.files).map(({ hunks: _, ...d }) => d),
    copies,
    conflict: conflict
      ? {
        browserVersion: conflict.browserVersion,
        fileVersion: conflict.fileVersion,
      }
      : null,
  };
}
