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
import { importCourse } from "../content/content_store.ts";
import {
  type ContentStatus,
  MAX_STORED_PROBLEMS,
  saveContentStatus,
} from "../content/content_status_store.ts";
import { checkContent } from "./check.ts";
import { loadContent, PROJECT_ROOT, sortProblems } from "../content/loader.ts";
import { publishCourse } from "../content/published.ts";
import { forgetCourseHeads } from "../content/course_view.ts";

/** Loads, checks and imports every course under `rootDir`. Never throws on bad content. */
export async function importContent(
  kv: Deno.Kv,
  now: Date,
  rootDir: string = PROJECT_ROOT,
): Promise<ContentStatus> {
  const { tree, problems: loadProblems } = await loadContent(rootDir);
  const problems = sortProblems([...loadProblems, ...checkContent(tree)]);
  const sharedBroken = problems.some((p) => p.path.startsWith("assessments/"));
  const status: ContentStatus = {
    checkedAt: now,
    published: [],
    heldBack: [],
    problemCount: problems.length,
    problems: problems.slice(0, MAX_STORED_PROBLEMS),
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
    const result = await importCourse(
      kv,
      course.data.id,
      course.hash,
      publishCourse(tree, course),
      now,
    );
    status.published.push({ courseId: course.data.id, ...result });
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
