/**
 * Near-duplicate questions: two questions that ask the same thing in nearly
 * the same words test one fact twice and let a learner pass the second by
 * memory. Compares every bank question and every inline check written in
 * place (refs are the same question on purpose) by the Dice coefficient of
 * their character bigrams, prompt and options together.
 *
 * @module
 */
import { typeOf } from "@/lib/question_types/registry.ts";
import type { ContentTree } from "../../content/loader.ts";
import type { InlineQuestion, Question } from "../../content/schema.ts";
import {
  type DataPath,
  locate,
  msg,
  type PosIndex,
  type Problem,
  problemAt,
  type ProblemParam,
} from "../../content/source.ts";

/** Whole-question similarity (prompt and options) at or above which two questions are near-duplicates. */
export const NEAR_DUPLICATE = 0.7;
/** Prompt similarity that alone makes a near-duplicate, for prompts long enough to be more than boilerplate. */
export const NEAR_DUPLICATE_PROMPT = 0.62;
/** Letters and digits a prompt needs before its similarity alone counts. */
const PROMPT_MIN = 20;

interface Entry {
  name: ProblemParam;
  path: string;
  pos: PosIndex;
  at: DataPath;
  grams: Map<string, number>;
  prompt: Map<string, number>;
  promptLength: number;
}

/** The text a learner reads: the prompt, then options or items in order of their ids. */
export function questionText(q: Question | InlineQuestion): string {
  const parts = [q.prompt, ...typeOf(q).shownTexts(q).toSorted()];
  return parts.join("\n");
}

/** Character bigrams of the text without spaces and punctuation, with counts. */
export function bigrams(text: string): Map<string, number> {
  const chars = [...text.normalize("NFKC").toLowerCase()].filter((c) =>
    /[\p{L}\p{N}]/u.test(c)
  );
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of two bigram multisets, 0..1. */
export function similarity(
  a: Map<string, number>,
  b: Map<string, number>,
): number {
  let shared = 0;
  let total = 0;
  for (const n of a.values()) total += n;
  for (const n of b.values()) total += n;
  for (const [g, n] of a) shared += Math.min(n, b.get(g) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

function texts(q: Question | InlineQuestion) {
  const prompt = bigrams(q.prompt);
  return {
    grams: bigrams(questionText(q)),
    prompt,
    promptLength: [...prompt.values()].reduce((a, b) => a + b, 0) + 1,
  };
}

/** Reports each question that nearly repeats an earlier one. */
export function checkNearDuplicates(tree: ContentTree): Problem[] {
  const entries: Entry[] = [];
  for (const b of tree.banks) {
    b.data.questions.forEach((q, i) =>
      entries.push({
        name: q.id,
        path: b.path,
        pos: b.pos,
        at: ["questions", i, "prompt"],
        ...texts(q),
      })
    );
  }
  for (const c of tree.courses) {
    for (const m of c.modules) {
      for (const l of m.lessons) {
        for (const check of l.checks) {
          if (!("type" in check.data)) continue;
          entries.push({
            name: check.data.id ??
              msg("problem.what.inline_check", {
                where: `${l.path}:${check.line}`,
              }),
            path: l.path,
            pos: check.pos,
            at: ["prompt"],
            ...texts(check.data),
          });
        }
      }
    }
  }
  const problems: Problem[] = [];
  for (let j = 1; j < entries.length; j++) {
    for (let i = 0; i < j; i++) {
      const whole = similarity(entries[i].grams, entries[j].grams);
      const prompt =
        Math.min(entries[i].promptLength, entries[j].promptLength) >=
            PROMPT_MIN
          ? similarity(entries[i].prompt, entries[j].prompt)
          : 0;
      if (whole < NEAR_DUPLICATE && prompt < NEAR_DUPLICATE_PROMPT) continue;
      const s = Math.max(whole, prompt);
      const first = entries[i];
      const { line } = locate(first.pos, first.at);
      const e = entries[j];
      problems.push(problemAt(
        e.path,
        e.pos,
        e.at,
        msg("problem.duplicate.question", {
          name: e.name,
          other: first.name,
          where: `${first.path}:${line}`,
          similarity: s.toFixed(2),
        }),
      ));
      break;
    }
  }
  return problems;
}
