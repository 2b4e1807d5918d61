/**
 * The practice the QA loop assigned, as the agent's Today lists it: each
 * missed criterion with its text, links to its drills and scenarios, and
 * whether later reviews show it moved.
 *
 * @module
 */
import type { PublishedCourse } from "@/lib/content/published.ts";
import { listLoops, type LoopView } from "./qa_loop.ts";

/** One assigned criterion on Today. */
export interface AssignedPractice {
  criterionId: string;
  /** The scorecard's wording of the criterion. */
  criterion: string;
  practice: { href: string; title: string }[];
  movement: LoopView["movement"];
  metSince: number;
  reviewedSince: number;
}

/** The agent's assigned practice, linked into the course. */
export async function assignedPractice(
  kv: Deno.Kv,
  learnerId: string,
  courseId: string,
  published: PublishedCourse,
): Promise<AssignedPractice[]> {
  const loops = await listLoops(kv, learnerId);
  const items = new Map(
    published.observations.flatMap((o) =>
      o.sections.flatMap((s) => s.items.map((i) => [i.id, i.text] as const))
    ),
  );
  const titles = new Map<string, string>([
    ...published.drills.map((d) => [`drills/${d.id}`, d.title] as const),
    ...published.scenarios.map((s) => [`scenarios/${s.id}`, s.title] as const),
  ]);
  return loops.map((l) => ({
    criterionId: l.criterionId,
    criterion: items.get(l.criterionId) ?? l.criterionId,
    practice: l.practice.filter((p) => titles.has(p)).map((p) => ({
      href: `/courses/${courseId}/${p}`,
      title: titles.get(p)!,
    })),
    movement: l.movement,
    metSince: l.metSince,
    reviewedSince: l.reviewedSince,
  }));
}
