/**
 * The deterministic rubric engine for free-text replies (written questions,
 * scenario reply nodes, drills). It never guesses: each criterion is a list
 * of regular expressions, and each verdict comes with a Chinese reason the
 * learner sees, quoting the words that decided it.
 *
 * The score, out of 100, is transparent on purpose:
 *
 * 1. The required criteria asked for (all of the rubric's, or those whose
 *    `element` is in `options.elements`) share 100 points equally; each one
 *    met earns its share: `100 × met / asked`. When none is asked the base
 *    is 100.
 * 2. Each forbidden criterion that matches anywhere deducts its `deduction`
 *    once, however many of its words appear and however often.
 * 3. A reply shorter than `length.min` or longer than `length.max`
 *    characters loses {@link LENGTH_PENALTY} points.
 * 4. The result is rounded and clamped to 0..100; the reply passes at
 *    `passPercent` (default {@link DEFAULT_PASS_PERCENT}).
 *
 * Patterns are JavaScript regular expressions without flags, matched against
 * the reply after NFKC normalisation (full width to half width) and trimming;
 * length counts the characters (code points) of that same text. Patterns are
 * compiled once per rubric object, so a rubric must not be changed after it
 * was first used. Replies longer than {@link MAX_REPLY_CHARS} characters are
 * refused with a RangeError before any matching.
 *
 * @module
 */
import type { ReplyElement, Rubric } from "@/lib/content/schema.ts";

/** Longest reply, in characters, the engine will look at. */
export const MAX_REPLY_CHARS = 5000;
/** Points lost when a reply is shorter or longer than the rubric allows. */
export const LENGTH_PENALTY = 20;
/** Score a reply needs to pass unless the caller says otherwise. */
export const DEFAULT_PASS_PERCENT = 60;

/** One criterion's verdict, shown to the learner. */
export interface CriterionResult {
  /** The criterion id; `length` for the length check. */
  id: string;
  kind: "required" | "forbidden" | "length";
  label: string;
  passed: boolean;
  /** Chinese, for the learner: what was found or what is missing. */
  reason: string;
  /** Points taken off, on a failed forbidden or length criterion. */
  deduction?: number;
}

/** A graded reply. */
export interface RubricResult {
  /** 0..100. */
  score: number;
  /** `score >= passPercent`. */
  passed: boolean;
  /** Required criteria (rubric order), then forbidden ones, then length. */
  criteria: CriterionResult[];
}

/** How to grade: which required elements are asked, and the pass mark. */
export interface GradeOptions {
  /** Limits the required criteria to these elements (a scenario node's or drill item's `elements`). */
  elements?: readonly ReplyElement[];
  /** 0..100; default {@link DEFAULT_PASS_PERCENT}. */
  passPercent?: number;
}

interface Compiled {
  required: RegExp[][];
  /** Global, to collect every distinct forbidden word. */
  forbidden: RegExp[][];
}

const cache = new WeakMap<Rubric, Compiled>();

function compile(rubric: Rubric): Compiled {
  const one = (criterion: string, pattern: string, flags: string) => {
    try {
      return new RegExp(pattern, flags);
    } catch (e) {
      throw new SyntaxError(
        `Cannot compile rubric "${rubric.id}": pattern ${
          JSON.stringify(pattern)
        } of criterion "${criterion}" is not a valid regular expression`,
        { cause: e },
      );
    }
  };
  return {
    required: rubric.required.map((r) =>
      r.patterns.map((p) => one(r.id, p, ""))
    ),
    forbidden: rubric.forbidden.map((f) =>
      f.patterns.map((p) => one(f.id, p, "g"))
    ),
  };
}

function compiled(rubric: Rubric): Compiled {
  let c = cache.get(rubric);
  if (!c) {
    c = compile(rubric);
    cache.set(rubric, c);
  }
  return c;
}

/** Counts code points, stopping early once past `limit`. */
function charsUpTo(text: string, limit: number): number {
  if (text.length <= limit) return text.length === 0 ? 0 : [...text].length;
  let n = 0;
  for (const _ of text) {
    if (++n > limit) break;
  }
  return n;
}

const quote = (words: readonly string[]) =>
  words.map((w) => `“${w}”`).join("、");

/**
 * Grades `text` with `rubric` by the formula in this module's documentation.
 * Throws a RangeError for a reply longer than {@link MAX_REPLY_CHARS}
 * characters, and a SyntaxError naming the pattern when the rubric holds an
 * invalid regular expression.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { gradeReply } from "@/lib/rubric/rubric.ts";
 * const rubric = {
 *   id: "mini",
 *   title: "示例",
 *   length: { min: 5, max: 100 },
 *   required: [
 *     { id: "empathy", label: "共情", element: "empathy" as const, patterns: ["抱歉"], hint: "先道歉" },
 *     { id: "time", label: "时限", element: "time" as const, patterns: ["\\d+\\s*小时"], hint: "给出时间" },
 *   ],
 *   forbidden: [
 *     { id: "vague", label: "含糊用语", category: "vague" as const, patterns: ["可能", "大概"], deduction: 10, hint: "别说可能" },
 *   ],
 * };
 * const result = gradeReply(rubric, "非常抱歉,可能要晚一点,大概明天到");
 * assert.equal(result.score, 40); // 50 for empathy, −10 for vague words
 * assert.equal(result.passed, false);
 * assert.equal(result.criteria[2].reason, "出现了含糊用语“可能”、“大概”,扣 10 分。别说可能");
 * ```
 */
export function gradeReply(
  rubric: Rubric,
  text: string,
  options: GradeOptions = {},
): RubricResult {
  const chars = charsUpTo(text, MAX_REPLY_CHARS);
  if (chars > MAX_REPLY_CHARS) {
    throw new RangeError(
      `Cannot grade the reply: it is longer than ${MAX_REPLY_CHARS} characters`,
    );
  }
  const reply = text.normalize("NFKC").trim();
  const patterns = compiled(rubric);
  const criteria: CriterionResult[] = [];

  let asked = 0;
  let met = 0;
  rubric.required.forEach((r, i) => {
    if (options.elements && !options.elements.includes(r.element)) return;
    asked++;
    let hit: string | undefined;
    for (const re of patterns.required[i]) {
      hit = re.exec(reply)?.[0];
      if (hit !== undefined) break;
    }
    if (hit !== undefined) met++;
    criteria.push({
      id: r.id,
      kind: "required",
      label: r.label,
      passed: hit !== undefined,
      reason: hit !== undefined
        ? `做到了${r.label}:找到${quote([hit])}。`
        : `缺少${r.label}。${r.hint}`,
    });
  });
  let score = asked === 0 ? 100 : (100 * met) / asked;

  rubric.forbidden.forEach((f, i) => {
    const words = new Set<string>();
    for (const re of patterns.forbidden[i]) {
      for (const m of reply.matchAll(re)) if (m[0]) words.add(m[0]);
    }
    if (words.size === 0) {
      criteria.push({
        id: f.id,
        kind: "forbidden",
        label: f.label,
        passed: true,
        reason: `没有${f.label}。`,
      });
      return;
    }
    score -= f.deduction;
    criteria.push({
      id: f.id,
      kind: "forbidden",
      label: f.label,
      passed: false,
      reason: `出现了${f.label}${
        quote([...words])
      },扣 ${f.deduction} 分。${f.hint}`,
      deduction: f.deduction,
    });
  });

  const { min, max } = rubric.length;
  const length = [...reply].length;
  const inBounds = length >= min && length <= max;
  if (!inBounds) score -= LENGTH_PENALTY;
  criteria.push({
    id: "length",
    kind: "length",
    label: "长度",
    passed: inBounds,
    reason: inBounds
      ? `共 ${length} 字,在 ${min}–${max} 字之间。`
      : length < min
      ? `只有 ${length} 字,至少需要 ${min} 字,扣 ${LENGTH_PENALTY} 分。`
      : `共 ${length} 字,超过了 ${max} 字,扣 ${LENGTH_PENALTY} 分。请精简。`,
    ...(inBounds ? {} : { deduction: LENGTH_PENALTY }),
  });

  const final = Math.max(0, Math.min(100, Math.round(score)));
  return {
    score: final,
    passed: final >= (options.passPercent ?? DEFAULT_PASS_PERCENT),
    criteria,
  };
}
