/**
 * Mastery per skill as the evaluator counts it (lib/evaluation/summary.ts
 * cohortSummary level 2): every scored attempt of a quiz, scenario or drill
 * counts toward each skill the activity trains (content_map.ts
 * skillsOfActivity), and a skill's mastery is the mean of those attempts.
 * A learner's figure and a cohort's are the same formula over different
 * counters, so the drill-down, the trainer's weakest skills and the
 * Kirkpatrick panel agree. Pure.
 */
import type { EvaluationContent } from "@/lib/evaluation/content_map.ts";

/** A skill's mastery for one learner or a group. */
export interface SkillMastery {
  skill: string;
  title: string;
  /** Mean percent of the scored attempts, 0-100, one decimal. */
  percent: number;
  /** Scored attempts behind the mean. */
  n: number;
}

/** One skill's attempts and their mean, as the evaluator reports them. */
export interface SkillCell {
  skill: string;
  title: string;
  n: number;
  mean: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * A learner's skill cells from their evaluation (learnerEvaluation
 * activities: attempts and mean per activity path), summed per skill the
 * way cohortSummary sums a cohort's.
 */
export function learnerSkillCells(
  activities: readonly { path: string; n: number; mean: number | null }[],
  content: Pick<EvaluationContent, "skillsOfActivity" | "skillTitles">,
): SkillCell[] {
  const sums = new Map<string, { n: number; sum: number }>();
  for (const a of activities) {
    if (a.n === 0 || a.mean === null) continue;
    for (const skill of content.skillsOfActivity[a.path] ?? []) {
      const s = sums.get(skill) ?? { n: 0, sum: 0 };
      s.n += a.n;
      s.sum += a.mean * a.n;
      sums.set(skill, s);
    }
  }
  return [...sums].map(([skill, s]) => ({
    skill,
    title: content.skillTitles[skill] ?? skill,
    n: s.n,
    mean: s.sum / s.n,
  }));
}

/**
 * Pools skill cells of one or more learners or cohorts, each weighted by
 * its attempts, weakest first; a skill nobody was scored on is left out.
 */
export function poolSkills(
  lists: readonly (readonly SkillCell[])[],
): SkillMastery[] {
  const sums = new Map<string, { title: string; n: number; total: number }>();
  for (const list of lists) {
    for (const c of list) {
      if (c.n === 0 || c.mean === null) continue;
      const s = sums.get(c.skill) ?? { title: c.title, n: 0, total: 0 };
      s.n += c.n;
      s.total += c.mean * c.n;
      sums.set(c.skill, s);
    }
  }
  return [...sums].map(([skill, s]) => ({
    skill,
    title: s.title,
    percent: round1(s.total / s.n),
    n: s.n,
  })).sort((a, b) => a.percent - b.percent || a.skill.localeCompare(b.skill));
}
