/**
 * Answer-key habits per question bank: where the key of a single-choice
 * question sits among its options, and how often it is the longest option.
 * Options are shuffled when shown, so position only tells an author's habit;
 * length survives shuffling, so a bank where picking the longest option wins
 * more than {@link MAX_LONGEST_SHARE} of the time fails the check.
 *
 * @module
 */
import type { ContentTree } from "../../content/loader.ts";
import { msg, type Problem, problemAt } from "../../content/source.ts";

/** Largest share of single-choice questions whose key may be the longest option. */
export const MAX_LONGEST_SHARE = 0.4;

/** One bank's key statistics. */
export interface BankBalance {
  bank: string;
  path: string;
  /** Single-choice questions counted. */
  single: number;
  /** How many keys sit at option position 1, 2, 3...: index 0 is the first option. */
  positions: number[];
  /** Keys strictly longer than every other option of their question. */
  longest: number;
  /** Question ids whose key is the longest option. */
  longestIds: string[];
  /** Questions of any type, and how many name the decision they test. */
  questions: number;
  decisions: number;
}

const length = (s: string) => [...s.normalize("NFKC").trim()].length;

/** Key position and key-is-longest counts for every bank. */
export function bankBalance(tree: ContentTree): BankBalance[] {
  return tree.banks.map((b) => {
    const positions: number[] = [];
    const longestIds: string[] = [];
    let single = 0;
    for (const q of b.data.questions) {
      if (q.type !== "single") continue;
      const key = q.options.findIndex((o) => o.correct);
      if (key < 0) continue;
      single++;
      positions[key] = (positions[key] ?? 0) + 1;
      const keyLength = length(q.options[key].text);
      if (
        q.options.every((o, i) => i === key || length(o.text) < keyLength)
      ) longestIds.push(q.id);
    }
    return {
      bank: b.data.id,
      path: b.path,
      single,
      positions: Array.from(positions, (n) => n ?? 0),
      longest: longestIds.length,
      longestIds,
      questions: b.data.questions.length,
      decisions: b.data.questions.filter((q) => q.decision).length,
    };
  });
}

/** One line per bank for the content:check summary. */
export function formatBankBalance(b: BankBalance): string {
  const share = b.single ? Math.round((b.longest / b.single) * 100) : 0;
  const where = b.positions.map((n, i) => `${i + 1}:${n}`).join(" ");
  return `${b.bank}: ${b.single} single-choice, key at position ${
    where || "-"
  }, key longest ${b.longest} (${share}%), decision tagged ${b.decisions} of ${b.questions}`;
}

/** Fails a bank whose key is the longest option too often. */
export function checkBankBalance(tree: ContentTree): Problem[] {
  const problems: Problem[] = [];
  for (const b of bankBalance(tree)) {
    if (b.single === 0 || b.longest / b.single <= MAX_LONGEST_SHARE) continue;
    const bank = tree.banks.find((x) => x.data.id === b.bank)!;
    problems.push(problemAt(
      b.path,
      bank.pos,
      ["id"],
      msg("problem.bank.longest", {
        longest: b.longest,
        single: b.single,
        share: Math.round((b.longest / b.single) * 100),
        max: MAX_LONGEST_SHARE * 100,
        ids: b.longestIds.join(", "),
      }),
    ));
  }
  return problems;
}
