/**
 * The text difference between two file sets (two course versions, or the
 * published version and a draft), per file, computed by jsdiff (`diff` on
 * npm: the diff library most JavaScript tooling uses).
 *
 * @module
 */
import { structuredPatch } from "diff";

/** One line of a hunk. */
export interface DiffLine {
  kind: "same" | "added" | "removed";
  text: string;
  /** Line number in the old file (absent for an added line). */
  oldLine?: number;
  /** Line number in the new file (absent for a removed line). */
  newLine?: number;
}

/** A changed file. */
export interface FileDiff {
  path: string;
  status: "added" | "removed" | "changed";
  added: number;
  removed: number;
  hunks: DiffLine[][];
}

/** Lines of context kept around each change. */
const CONTEXT = 2;

/** Every file that differs between `before` and `after`, in path order. */
export function diffFileSets(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): FileDiff[] {
  const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .sort();
  const out: FileDiff[] = [];
  for (const path of paths) {
    const a = before[path];
    const b = after[path];
    if (a === b) continue;
    out.push(diffFile(path, a ?? null, b ?? null));
  }
  return out;
}

/** The hunks between two texts of one file (null = the file does not exist). */
export function diffFile(
  path: string,
  before: string | null,
  after: string | null,
): FileDiff {
  const patch = structuredPatch(path, path, before ?? "", after ?? "", "", "", {
    context: CONTEXT,
  });
  let added = 0;
  let removed = 0;
  const hunks = patch.hunks.map((h) => {
    let oldLine = h.oldStart;
    let newLine = h.newStart;
    const lines: DiffLine[] = [];
    for (const raw of h.lines) {
      const mark = raw[0];
      const text = raw.slice(1);
      if (mark === "\\") continue; // "\ No newline at end of file"
      if (mark === "+") {
        added++;
        lines.push({ kind: "added", text, newLine: newLine++ });
      } else if (mark === "-") {
        removed++;
        lines.push({ kind: "removed", text, oldLine: oldLine++ });
      } else {
        lines.push({
          kind: "same",
          text,
          oldLine: oldLine++,
          newLine: newLine++,
        });
      }
    }
    return lines;
  });
  return {
    path,
    status: before === null ? "added" : after === null ? "removed" : "changed",
    added,
    removed,
    hunks,
  };
}
