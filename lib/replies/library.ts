/**
 * The reply library as pages use it: the replies of the latest published
 * course version that carries them (every course publishes the shared
 * library), their search index built once per version, and the links
 * between a reply and the lessons that teach it and drills that practise it.
 *
 * @module
 */
import { type CourseView, listCourseViews } from "@/lib/content/course_view.ts";
import type { Situation, Stage } from "@/lib/content/reply_schema.ts";
import {
  buildIndex,
  type LibraryReply,
  type ReplyIndex,
  type ReplyQuery,
  type ReplyResults,
  searchReplies,
} from "./search.ts";
import { findPlaceholders } from "./placeholders.ts";

/** The library of one course version. */
export interface Library {
  courseId: string;
  version: number;
  index: ReplyIndex;
  byId: Map<string, LibraryReply>;
  view: CourseView;
}

// Versions are immutable: one index per published snapshot.
const built = new WeakMap<object, Library>();

/** Builds (or reuses) the library of a course version; null when it has no replies. */
export function libraryOf(view: CourseView): Library | null {
  const sets = view.published.replies ?? [];
  if (sets.length === 0) return null;
  let lib = built.get(view.published);
  if (!lib) {
    const replies: LibraryReply[] = sets.flatMap((s) =>
      s.replies.map((r) => ({ ...r, situation: s.situation }))
    );
    lib = {
      courseId: view.id,
      version: view.version,
      index: buildIndex(replies),
      byId: new Map(replies.map((r) => [r.id, r])),
      view,
    };
    built.set(view.published, lib);
  }
  return lib;
}

/** The library of the first published course that has one, or null. */
export async function getLibrary(kv: Deno.Kv): Promise<Library | null> {
  for (const view of await listCourseViews(kv)) {
    const lib = libraryOf(view);
    if (lib) return lib;
  }
  return null;
}

/** A link to a lesson or drill, with its title (content, Chinese). */
export interface ContentLink {
  id: string;
  title: string;
  url: string;
}

/** The lessons that teach a reply, in course order. */
export function lessonsOf(lib: Library, reply: LibraryReply): ContentLink[] {
  return lib.view.lessons
    .filter((l) => reply.lessons.includes(l.lesson.lesson.id))
    .map((l) => ({
      id: l.lesson.lesson.id,
      title: l.lesson.lesson.title,
      url: l.url,
    }));
}

/** The drills with an item that adapts this reply. */
export function drillsOf(lib: Library, replyId: string): ContentLink[] {
  return lib.view.published.drills
    .filter((d) => d.items.some((i) => i.reply === replyId))
    .map((d) => ({
      id: d.id,
      title: d.title,
      url: `/courses/${lib.courseId}/drills/${d.id}`,
    }));
}

/** The replies a lesson teaches, in library order. */
export function repliesForLesson(
  lib: Library,
  lessonId: string,
): LibraryReply[] {
  return lib.index.replies.filter((r) => r.lessons.includes(lessonId));
}

/** Plain data for one result card or reply page. */
export interface ReplyCard {
  id: string;
  title: string;
  situation: Situation;
  stage: Stage;
  text: string;
  /** How many placeholders the agent must fill. */
  placeholders: number;
}

/** A reply as a card shows it. */
export function replyCard(r: LibraryReply): ReplyCard {
  return {
    id: r.id,
    title: r.title,
    situation: r.situation,
    stage: r.stage,
    text: r.text,
    placeholders: findPlaceholders(r.text).length,
  };
}

/** Searches the library; a page of cards. */
export function searchLibrary(
  lib: Library,
  query: ReplyQuery,
): ReplyResults & { cards: ReplyCard[] } {
  const results = searchReplies(lib.index, query);
  return { ...results, cards: results.hits.map((h) => replyCard(h.reply)) };
}
