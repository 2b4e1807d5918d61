/**
 * The setup authoring's tests (and the tests of what reads imported
 * content: preview, team progress) share: the valid test course, a store
 * with it imported from a temporary copy that a test may change, and a
 * draft edit of course "demo". Test-only: no module of the app imports it.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { copy } from "@/tests/fs_copy.ts";
import { forgetCourseHeads } from "@/lib/content/course_view.ts";
import { importContent } from "./course_import.ts";
import { saveDraft, type SaveResult } from "./draft_store.ts";
import {
  openWorkspace,
  type PublishResult,
  publishWorkspace,
} from "./workspace.ts";
import type { VersionOrigin } from "./version_note_store.ts";

/** The valid test content (course "demo"): lib/content/testdata/valid. */
export const VALID_CONTENT = fileURLToPath(
  new URL("../content/testdata/valid/", import.meta.url),
);

/** A lesson of course "demo" whose text holds "正文。". */
export const LESSON = "courses/demo/01-basics/01-stages.md";

/** When the fixtures import the course: 2026-03-02 16:00 Beijing time. */
export const T0 = new Date("2026-03-02T08:00:00Z");

/** A store with the valid content imported from its own copy at `root`. */
export interface ImportedCopy extends AsyncDisposable {
  kv: Deno.Kv;
  root: string;
}

/**
 * Copies the valid content to a temporary folder and imports it into a
 * fresh in-memory store at T0 (course heads forgotten first, so no other
 * test's version is cached). Disposing closes the store and removes the copy.
 */
export async function importedCopy(): Promise<ImportedCopy> {
  const root = await Deno.makeTempDir();
  await copy(VALID_CONTENT, root);
  const kv = await Deno.openKv(":memory:");
  forgetCourseHeads();
  await importContent(kv, T0, root);
  return {
    root,
    kv,
    [Symbol.asyncDispose]: async () => {
      kv.close();
      await Deno.remove(root, { recursive: true });
    },
  };
}

/** Saves `text` as the draft of `path` in course "demo", by `actorId` at `at`. */
export async function saveDemoDraft(
  kv: Deno.Kv,
  path: string,
  text: string,
  actorId: string,
  at: Date,
  basedOn: string | null = null,
): Promise<SaveResult> {
  return await saveDraft(
    kv,
    { courseId: "demo", path, text, basedOn },
    actorId,
    at,
  );
}

/**
 * Drafts an edit of one file of course "demo" in the copy: its text as the
 * workspace shows it, with `from` replaced by `to`, saved by "trainer".
 */
export async function draftEdit(
  copy: ImportedCopy,
  path: string,
  from: string,
  to: string,
  at: Date,
): Promise<SaveResult> {
  const ws = (await openWorkspace(copy.kv, "demo", copy.root))!;
  return await saveDemoDraft(
    copy.kv,
    path,
    ws.files[path].replace(from, to),
    "trainer",
    at,
  );
}

/** Publishes course "demo" as its workspace now stands, by "trainer". */
export async function publishNow(
  copy: ImportedCopy,
  note: string,
  at: Date,
  origin?: VersionOrigin,
): Promise<PublishResult> {
  return await publishWorkspace(
    copy.kv,
    (await openWorkspace(copy.kv, "demo", copy.root))!,
    note,
    "trainer",
    at,
    origin,
  );
}
