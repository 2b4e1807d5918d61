/**
 * Draws a summative quiz from a bank: each rule takes `count` questions that
 * match its filters and were not drawn by an earlier rule. A seeded random
 * source makes a draw reproducible from the seed stored in the attempt.
 */
import type { DrawRule, Question } from "@/lib/content/schema.ts";

/** A deterministic random source in [0, 1). */
export type Random = () => number;

/** A small, fast seeded generator (mulberry32) from a string seed. */
export function seededRandom(seed: string): Random {
  let a = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    a = Math.imul(a ^ seed.charCodeAt(i), 16777619);
  }
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher-Yates). */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** True when `q` passes a rule's filters. */
export function matchesRule(
  q: Question,
  rule: Omit<DrawRule, "count">,
): boolean {
  if (rule.module && q.module !== rule.module) return false;
  if (rule.form && q.form !== rule.form) return false;
  if (rule.difficulty && q.difficulty !== rule.difficulty) return false;
  if (rule.types && !rule.types.includes(q.type)) return false;
  if (rule.skills && !rule.skills.some((s) => q.skills.includes(s))) {
    return false;
  }
  return true;
}

/**
 * Draws question ids by the rules, in a shuffled order. Throws when a rule
 * cannot be satisfied (content:check reports that before publishing).
 */
export function drawQuestions(
  questions: readonly Question[],
  rules: readonly Omit<DrawRule, "module">[],
  random: Random,
): string[] {
  const taken = new Set<string>();
  for (const rule of rules) {
    const pool = shuffle(
      questions.filter((q) => !taken.has(q.id) && matchesRule(q, rule)),
      random,
    );
    if (pool.length < rule.count) {
      throw new RangeError(
        `Cannot draw ${rule.count} questions for ${
          JSON.stringify(rule)
        }: only ${pool.length} match`,
      );
    }
    for (const q of pool.slice(0, rule.count)) taken.add(q.id);
  }
  return shuffle([...taken], random);
}
