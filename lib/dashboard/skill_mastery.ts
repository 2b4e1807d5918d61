/**
 * Mastery per skill tag from the progress rollup: each scored activity
 * (module quiz, scenario, drill) counts its best percent toward every skill
 * it is tagged with (a quiz's skills are those of its module's lessons), and
 * a skill's mastery is the mean of those percents. Pure. The evaluator
 * (lib/evaluation/) may weigh items more finely; this is what the rollup
 * alone can tell.
 */
import type { PublishedCourse } from "@/lib/content/published.ts";
import type { Progress } from "@/lib/evidence/progress_store.ts";

/** A skill's mastery for one learner or a group. */
export interface SkillMastery {
  skill: string;
  title: string;
  /** Mean best percent of the tagged activities, 0-100, one decimal. */
  percent: number;
  /** Scored activities (or learners, for a group) behind the mean. */
  n: number;
}

/** Skill tags of each scored activity, by `quiz:<module>`, `scenario:<id>`, `drill:<id>`. */
export function activitySkills(course: PublishedCourse): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of course.modules) {
    const skills = new Set(m.lessons.flatMap((l) => l.lesson.skills));
    out.set(`quiz:${m.module.id}`, [...skills]);
  }
  for (const s of course.scenarios) out.set(`scenario:${s.id}`, s.skills);
  for (const d of course.drills) out.set(`drill:${d.id}`, d.skills);
  return out;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** A learner's mastery per skill, weakest first; untouched skills are left out. */
export function learnerMastery(
  course: PublishedCourse,
  progress: Pick<Progress, "quizzes" | "scenarios" | "drills">,
  skills = activitySkills(course),
): SkillMastery[] {
  const sums = new Map<string, { total: number; n: number }>();
  const add = (key: string, percent: number) => {
    for (const skill of skills.get(key) ?? []) {
      const s = sums.get(skill) ?? { total: 0, n: 0 };
      s.total += percent;
      s.n++;
      sums.set(skill, s);
    }
  };
  for (const [id, q] of Object.entries(progress.quizzes)) {
    add(`quiz:${id}`, q.best);
  }
  for (const [id, q] of Object.entries(progress.scenarios)) {
    add(`scenario:${id}`, q.best);
  }
  for (const [id, q] of Object.entries(progress.drills)) {
    add(`drill:${id}`, q.best);
  }
  return order(course, sums);
}

/** A group's mastery per skill: the mean of its learners' mastery, weakest first. */
export function groupMastery(
  course: PublishedCourse,
  learners: readonly SkillMastery[][],
): SkillMastery[] {
  const sums = new Map<string, { total: number; n: number }>();
  for (const list of learners) {
    for (const m of list) {
      const s = sums.get(m.skill) ?? { total: 0, n: 0 };
      s.total += m.percent;
      s.n++;
      sums.set(m.skill, s);
    }
  }
  return order(course, sums);
}

function order(
  course: PublishedCourse,
  sums: Map<string, { total: number; n: number }>,
): SkillMastery[] {
  const titles = new Map(course.course.skills.map((s) => [s.id, s.title]));
  return [...sums].map(([skill, s]) => ({
    skill,
    title: titles.get(skill) ?? skill,
    percent: round1(s.total / s.n),
    n: s.n,
  })).sort((a, b) => a.percent - b.percent || a.skill.localeCompare(b.skill));
}
