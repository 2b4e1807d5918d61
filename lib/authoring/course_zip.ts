/**
 * A course as a zip of its content files (the course folder and
 * `assessments/`), the same files the repository holds, so a course moves
 * between installations or into git as it is. Zipping is fflate's (small,
 * dependency-free, runs on Deno as is).
 *
 * @module
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { DraftPathSchema } from "./draft_store.ts";
import type { FileSet } from "./workspace.ts";

/** A fixed time for every entry, so the same files give the same zip bytes. */
const ZIP_TIME = new Date("2026-01-01T00:00:00Z");
/** Uncompressed bytes an uploaded zip may expand to (a real course is ~1 MB). */
export const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024;
/** Files an uploaded zip may hold. */
export const MAX_ZIP_FILES = 2000;

/** Zips a file set, entries in path order. */
export function zipFiles(files: FileSet): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const path of Object.keys(files).sort()) {
    entries[path] = strToU8(files[path]);
  }
  return zipSync(entries, { level: 6, mtime: ZIP_TIME });
}

/** Why a zip was refused, as a reason code for the view. */
export type ZipProblem =
  | { code: "unreadable" }
  | { code: "too_large" }
  | { code: "bad_path"; path: string }
  | { code: "not_utf8"; path: string }
  | { code: "wrong_course"; path: string };

/**
 * Reads an uploaded zip into a file set for `courseDir`. Folders and hidden
 * or system entries (`__MACOSX/`, `.DS_Store`) are skipped; any other path
 * must be a content file of this course or of `assessments/`.
 */
export function unzipFiles(
  bytes: Uint8Array,
  courseDir: string,
): { files: FileSet } | { problem: ZipProblem } {
  let total = 0;
  let count = 0;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter(file) {
        total += file.originalSize;
        count++;
        return !skipped(file.name) && total <= MAX_UNZIPPED_BYTES &&
          count <= MAX_ZIP_FILES;
      },
    });
  } catch {
    return { problem: { code: "unreadable" } };
  }
  if (total > MAX_UNZIPPED_BYTES || count > MAX_ZIP_FILES) {
    return { problem: { code: "too_large" } };
  }
  const files: FileSet = {};
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (const path of Object.keys(raw).sort()) {
    if (!DraftPathSchema.safeParse(path).success) {
      return { problem: { code: "bad_path", path } };
    }
    if (path.startsWith("courses/") && !path.startsWith(`${courseDir}/`)) {
      return { problem: { code: "wrong_course", path } };
    }
    try {
      files[path] = decoder.decode(raw[path]).replace(/^\uFEFF/, "");
    } catch {
      return { problem: { code: "not_utf8", path } };
    }
  }
  return { files };
}

/** Folder entries and what macOS or editors add (`__MACOSX/`, `.DS_Store`); `..` is not skipped but refused. */
function skipped(name: string): boolean {
  const parts = name.split("/");
  const last = parts.at(-1)!;
  return name.endsWith("/") || parts.includes("__MACOSX") ||
    (last.startsWith(".") && last !== "." && last !== "..");
}

/** The text of one zip entry (for tests and previews). */
export function zipEntryText(bytes: Uint8Array, path: string): string | null {
  const raw = unzipSync(bytes, { filter: (f) => f.name === path });
  return raw[path] ? strFromU8(raw[path]) : null;
}
