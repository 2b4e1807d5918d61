/**
 * The authoring home: every course with its latest version, how many files
 * its draft changes, and a conflict the last start-up import found.
 */
import { getContentStatus } from "@/lib/content/content_status_store.ts";
import { listCourseViews } from "@/lib/content/course_view.ts";
import { listDrafts } from "./draft_store.ts";

/** One course on the authoring home. */
export interface AuthorCourse {
  courseId: string;
  title: string;
  version: number;
  drafts: number;
  conflict: { browserVersion: number; fileVersion: number } | null;
}

/** The courses a trainer can edit. */
export async function listAuthorCourses(kv: Deno.Kv): Promise<AuthorCourse[]> {
  const [views, status] = await Promise.all([
    listCourseViews(kv),
    getContentStatus(kv),
  ]);
  return await Promise.all(views.map(async (v) => {
    const conflict = status?.conflicts.find((c) => c.courseId === v.id);
    return {
      courseId: v.id,
      title: v.published.course.title,
      version: v.version,
      drafts: (await listDrafts(kv, v.id)).length,
      conflict: conflict
        ? {
          browserVersion: conflict.browserVersion,
          fileVersion: conflict.fileVersion,
        }
        : null,
    };
  }));
}
