/**
 * The editor page's data for one file of a workspace: its current text (the
 * draft's, else the published), the versionstamp a save must name, the
 * check beside it, and conflict copies of the file.
 */
import { type ConflictCopy, listConflictCopies } from "./draft_store.ts";
import { checkFile, type FileCheck } from "./editor_check.ts";
import type { Workspace } from "./workspace.ts";

/** One file opened in the editor. */
export interface EditorPage {
  path: string;
  /** The text to edit; "" for a file the draft deleted. */
  text: string;
  /** Versionstamp of the draft the text comes from; null = the published text. */
  basedOn: string | null;
  /** Whether the draft deletes this file. */
  deleted: boolean;
  /** Whether the latest version has this file. */
  published: boolean;
  draftBy: string | null;
  draftAt: Date | null;
  check: FileCheck;
  copies: ConflictCopy[];
}

/** Opens `path` of a workspace, or null when it is neither a file nor a draft of one. */
export async function editorPage(
  kv: Deno.Kv,
  ws: Workspace,
  path: string,
): Promise<EditorPage | null> {
  const draft = ws.drafts.find((d) => d.path === path) ?? null;
  const text = ws.files[path];
  if (text === undefined && !draft) return null;
  return {
    path,
    text: text ?? "",
    basedOn: draft?.versionstamp ?? null,
    deleted: draft?.text === null,
    published: ws.base[path] !== undefined,
    draftBy: draft?.updatedBy ?? null,
    draftAt: draft?.updatedAt ?? null,
    check: await checkFile(ws.files, path, text ?? null),
    copies: await listConflictCopies(kv, ws.courseId, path),
  };
}
