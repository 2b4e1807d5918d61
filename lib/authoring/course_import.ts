/**
 * Imports the content files into the versioned content store at start-up.
 * A course with problems in its own folder or in the shared assessments is
 * held back (its errors logged and saved for trainers); the rest is served.
 * An unchanged course (same content hash) is not re-imported.
 */
import {
  appendAuditEntry,
  SYSTEM_ACTOR,
} from "@/lib/identity/audit/audit_store.ts";
import { getHead, importCourse } from "../content/content_store.ts";
import { fileTreeSource } from "../content/content_source.ts";
import { courseFiles, versionContent } from "./workspace.ts";
import {
  getFileImport,
  getVersionNote,
  saveFileImport,
  saveVersionNote,
} from "./version_note_store.ts";
import {
  type ContentStatus,
  MAX_STORED_PROBLEMS,
  saveContentStatus,
} from "../content/content_status_store.ts";
import { checkContent } from "./check.ts";
import { loadContent, PROJECT_ROOT, sortProblems } from "../content/loader.ts";
import { forgetCourseHeads } from "../content/course_view.ts";

/**
 * Loads, checks and imports every course under `rootDir`. Never throws on bad
 * content.
 *
 * Files and browser publishes (docs/authoring.md): files that did not change
 * since they were last imported are not imported again, so a version a
 * trainer published in the browser stays the latest. Files that did change
 * win: they become the next version, and when the version they replace was
 * made in the browser the conflict is recorded in the status for trainers
 * (that version stays in the history, to compare and roll back to).
 */
export async function importContent(
  kv: Deno.Kv,
  now: Date,
  rootDir: string = PROJECT_ROOT,
): Promise<ContentStatus> {
  const source = fileTreeSource(rootDir);
  const { tree, problems: loadProblems } = await loadContent(source);
  const problems = sortProblems([...loadProblems, ...checkContent(tree)]);
  const sharedBroken = problems.some((p) => p.path.startsWith("assessments/"));
  const status: ContentStatus = {
    checkedAt: now,
    published: [],
    heldBack: [],
    problemCount: problems.length,
    problems: problems.slice(0, MAX_STORED_PROBLEMS),
    conflicts: [],
  };
  const allCourseDirs = new Set(
    problems.map((p) => p.path.split("/")).filter((s) =>
      s[0] === "courses" && s.length > 2
    ).map((s) => `courses/${s[1]}`),
  );
  for (const course of tree.courses) {
    if (sharedBroken || allCourseDirs.has(course.dir)) {
      status.heldBack.push(course.data.id);
      continue;
    }
    const courseId = course.data.id;
    const [head, lastFiles] = await Promise.all([
      getHead(kv, courseId),
      getFileImport(kv, courseId),
    ]);
    if (lastFiles?.hash === course.hash && head) {
      // The repository did not change; a browser publish since stays latest.
      status.published.push({
        courseId,
        version: head.version,
        imported: false,
      });
      continue;
    }
    const headNote = head
      ? await getVersionNote(kv, courseId, head.version)
      : null;
    const replacesBrowser = head !== null && head.hash !== course.hash &&
      headNote !== null && headNote.origin !== "files";
    const files = await courseFiles(source, course.dir);
    const result = await importCourse(
      kv,
      courseId,
      course.hash,
      versionContent(tree, course, files),
      now,
    );
    status.published.push({ courseId, ...result });
    await saveFileImport(kv, courseId, {
      hash: course.hash,
      version: result.version,
    });
    if (result.imported) {
      await saveVersionNote(kv, {
        courseId,
        version: result.version,
        origin: "files",
        note: "",
        actorId: SYSTEM_ACTOR,
        at: now,
      });
    }
    if (replacesBrowser && result.imported) {
      status.conflicts.push({
        courseId,
        browserVersion: head.version,
        fileVersion: result.version,
      });
    }
    if (result.imported && result.version > 1) {
      // A new version of a course learners already have: audited, by the
      // platform (publishing happens at start-up). A course's first version
      // is the installation itself, not a change to anyone's training.
      await appendAuditEntry(kv, {
        actorId: SYSTEM_ACTOR,
        action: "content.published",
        targetType: "course",
        targetId: course.data.id,
        detail: { version: result.version },
      }, now);
    }
  }
  // A course folder whose course.yaml did not load is held back too.
  for (const dir of allCourseDirs) {
    if (!tree.courses.some((c) => c.dir === dir)) status.heldBack.push(dir);
  }
  if (status.conflicts.length > 0) {
    await appendAuditEntry(kv, {
      actorId: SYSTEM_ACTOR,
      action: "content.imported",
      targetType: "course",
      targetId: status.conflicts.map((c) => c.courseId).join(",").slice(0, 200),
      detail: {
        conflict: true,
        browserVersion: status.conflicts[0].browserVersion,
        fileVersion: status.conflicts[0].fileVersion,
      },
    }, now);
  }
  await saveContentStatus(kv, status);
  if (status.heldBack.length > 0) {
    await appendAuditEntry(kv, {
      actorId: SYSTEM_ACTOR,
      action: "content.imported",
      targetType: "course",
      targetId: status.heldBack.join(",").slice(0, 200),
      detail: {
        count: status.published.length,
        heldBack: status.heldBack.length,
        problems: status.problemCount,
      },
    }, now);
  }
  forgetCourseHeads();
  return status;
}
