/**
 * Reads GIFT text (Moodle's question text format) into parsed questions with
 * their position, category and notes, or problems at line:col. The grammar is
 * the npm package `gift-pegjs` (a PEG grammar that reads Moodle's own
 * documented examples, ids and tags included); this module adds what it does
 * not do: positions per question, full-width lookalikes, our `// @` notes.
 *
 * @module
 */
import type { ProblemMessage } from "@/lib/content/source.ts";
import { parse as parseGiftGrammar } from "gift-pegjs";
import type { GIFTQuestion } from "gift-pegjs";
import { blockNotes, findLookalikes, splitBlocks } from "./scan.ts";

export type { GIFTQuestion };

/** Why a part of the file cannot be imported (a view turns the code into a sentence). */
export type GiftProblem =
  & { line: number; col: number }
  & (
    /** A full-width lookalike where GIFT needs `fix`. */
    | { code: "lookalike"; found: string; fix: string }
    /** The grammar stopped: it expected one of `expected` but read `found`. */
    | { code: "syntax"; expected: string[]; found: string | null }
    /** A question with no correct answer. */
    | { code: "no_correct" }
    /** A numerical answer with a tolerance or range our exact answers cannot hold. */
    | { code: "numerical_range" }
    /** An essay without `// @rubric:` and `// @model:` notes. */
    | { code: "essay_needs_rubric" }
    /** No explanation: general feedback `####…` is needed. */
    | { code: "no_explanation" }
    /** `[id:…]` that is not a lowercase kebab-case id. */
    | { code: "bad_id"; id: string }
    /** The same id twice in the file. */
    | { code: "duplicate_id"; id: string }
    /** The id belongs to a question of another bank (ids are unique across banks). */
    | { code: "id_taken"; id: string }
    /** The rubric named by `// @rubric:` is not in the course. */
    | { code: "unknown_rubric"; rubric: string }
    /** The content schema or check refused the mapped question (the message content:check gives). */
    | { code: "content"; field: string; message: ProblemMessage }
  );

/** Something imported with a loss the trainer should know of. */
export type GiftWarning =
  & { line: number; col: number }
  & (
    /** Partial credit our type scores all or nothing. */
    | { code: "partial_dropped"; answer: string; weight: number }
    /** Unequal weights of a multiple-answer question become equal shares. */
    | { code: "weights_equalised" }
    /** An integer tolerance became the list of integers it allows. */
    | { code: "numerical_integers"; values: number }
    /** Per-answer feedback folded into the explanation. */
    | { code: "feedback_folded" }
    /** A description is not a question: not imported. */
    | { code: "description_skipped" }
    /** A tag that is no skill of the course: ignored. */
    | { code: "tag_ignored"; tag: string }
  );

/** One parsed GIFT question with where it stands. */
export interface GiftItem {
  gift: Exclude<GIFTQuestion, { type: "Category" }>;
  /** 1-based position of the question's block. */
  line: number;
  col: number;
  /** The `$CATEGORY:` in force, if any. */
  category: string | null;
  /** `// @key: value` notes of the block. */
  notes: Record<string, string>;
}

/** A parsed file: questions and the problems that stop parts of it. */
export interface ParsedGift {
  items: GiftItem[];
  /** Categories in file order. */
  categories: string[];
  problems: GiftProblem[];
}

interface PegSyntaxError {
  location?: { start: { line: number; column: number } };
  expected?: { type: string; text?: string; description?: string }[];
  found?: string | null;
}

/** Parses GIFT text; a block with a problem is left out, the others go on. */
export function parseGift(text: string): ParsedGift {
  const items: GiftItem[] = [];
  const categories: string[] = [];
  const problems: GiftProblem[] = [];
  let category: string | null = null;
  for (const block of splitBlocks(text)) {
    // Comment lines alone (a file header, a commented-out question) are no question.
    if (block.text.split("\n").every((l) => /^\s*\/\//.test(l))) continue;
    const lookalikes = findLookalikes(block);
    if (lookalikes.length) {
      problems.push(
        ...lookalikes.map((l) => ({ code: "lookalike" as const, ...l })),
      );
      continue;
    }
    let parsed: GIFTQuestion[];
    try {
      parsed = parseGiftGrammar(block.text);
    } catch (e) {
      const err = e as PegSyntaxError;
      const at = err.location?.start ?? { line: 1, column: 1 };
      problems.push({
        code: "syntax",
        line: block.line + at.line - 1,
        col: at.column,
        expected: [
          ...new Set(
            (err.expected ?? []).map((x) =>
              x.type === "literal"
                ? JSON.stringify(x.text)
                : x.description ?? x.type
            ),
          ),
        ].slice(0, 6),
        found: err.found ?? null,
      });
      continue;
    }
    const notes = blockNotes(block);
    // The question starts at the first line that is not a comment.
    const lines = block.text.split("\n");
    const offset = Math.max(0, lines.findIndex((l) => !/^\s*\/\//.test(l)));
    for (const gift of parsed) {
      if (gift.type === "Category") {
        category = gift.title.trim();
        categories.push(category);
        continue;
      }
      items.push({ gift, line: block.line + offset, col: 1, category, notes });
    }
  }
  return { items, categories, problems };
}
