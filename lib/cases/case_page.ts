/**
 * What the case pages show: the links a case may make (from the reply
 * library's published course version) and a case's links resolved to titles
 * and URLs.
 *
 * @module
 */
import { type ContentLink, getLibrary } from "@/lib/replies/library.ts";
import type { KnownLinks } from "./case_form.ts";
import type { StoredCase } from "./case_store.ts";

/** Everything a case can link to, with titles, in course order. */
export interface LinkChoices {
  lessons: ContentLink[];
  replies: ContentLink[];
  scenarios: ContentLink[];
}

/** The choices of the published course that carries the reply library (empty without one). */
export async function linkChoices(kv: Deno.Kv): Promise<LinkChoices> {
  const lib = await getLibrary(kv);
  if (!lib) return { lessons: [], replies: [], scenarios: [] };
  return {
    lessons: lib.view.lessons.map((l) => ({
      id: l.lesson.lesson.id,
      title: l.lesson.lesson.title,
      url: l.url,
    })),
    replies: lib.index.replies.map((r) => ({
      id: r.id,
      title: r.title,
      url: `/replies/${r.id}`,
    })),
    scenarios: lib.view.published.scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      url: `/courses/${lib.courseId}/scenarios/${s.id}`,
    })),
  };
}

/** The ids each kind of link may name. */
export function knownLinks(c: LinkChoices): KnownLinks {
  return {
    lessons: new Set(c.lessons.map((l) => l.id)),
    replies: new Set(c.replies.map((l) => l.id)),
    scenarios: new Set(c.scenarios.map((l) => l.id)),
  };
}

/** A case's links as titles and URLs (an id no longer published keeps its id, without a link). */
export function caseLinks(
  c: StoredCase,
  choices: LinkChoices,
): {
  lessons: ContentLink[];
  replies: ContentLink[];
  scenarios: ContentLink[];
} {
  const resolve = (ids: string[], from: ContentLink[]) =>
    ids.map((id) =>
      from.find((l) => l.id === id) ?? { id, title: id, url: "" }
    );
  return {
    lessons: resolve(c.lessons, choices.lessons),
    replies: resolve(c.replies, choices.replies),
    scenarios: resolve(c.scenarios, choices.scenarios),
  };
}
