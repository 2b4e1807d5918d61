/**
 * The rubric grader for free-text replies (written questions, scenario reply
 * nodes, drill items). Deterministic, and a verdict is data, not prose: views
 * turn its reason codes into sentences through the i18n catalogs
 * (`grading.reason.*`, `grading.blocker.*`, `grading.refused.*`).
 *
 * ## The verdict (stable API; other modules and content checks rely on it)
 *
 * ```text
 * gradeReply(rubric, text, { elements?, passPercent? }): Verdict
 *
 * interface Verdict {
 *   rubricId: string;
 *   text: string;              // the reply as graded (trimmed); spans index into it
 *   refused: RefusalCode | null; // "empty" | "too_long" | "no_words": not graded
 *   contentScore: number;      // 0..100 from the criteria, vague words and length
 *   score: number;             // contentScore, or 0 when refused or blocked
 *   passPercent: number;
 *   passed: boolean;           // !refused && blockers.length === 0 && score >= passPercent
 *   criteria: CriterionVerdict[]; // the required criteria asked, rubric order
 *   blockers: Blocker[];          // red lines crossed, in text order
 *   deductions: Deduction[];      // vague words and length, when they cost points
 *   chars: number;             // length in characters (code points)
 * }
 * interface CriterionVerdict { id; element; label; met: boolean; spans: Span[]; reason: CriterionReason }
 * interface Blocker { category: RedLine; code: BlockerCode; span: Span }
 * interface Deduction { id; kind: "vague" | "length"; points; spans: Span[]; reason: DeductionReason }
 * interface Span { start; end; text }   // UTF-16 offsets into `text`
 * ```
 *
 * ## How a reply is read
 *
 * Patterns are JavaScript regular expressions matched against a same-length
 * matching view of the reply (text.ts): full-width to half-width, pasted HTML
 * blanked, a masked number `[数字1]` read as a number. Each cue is judged in
 * its clause (clauses end at ，。！？；： ~ spaces, line breaks and emoji):
 * - a cue after a negator (不/没/没有/别/未/无/并非/不是…, at most
 *   {@link NEGATION_WINDOW} characters before it) does not count: "别着急" is
 *   no empathy, "没办法帮您退款" no solution;
 * - a time cue about the past ("等了3天", "3天前", "7天无理由") is no
 *   commitment;
 * - red lines (redlines.ts) are blockers, not deductions: a reply with one
 *   fails whatever else it has. They ignore what is asked back ("您是担心快递
 *   弄丢了吗？"), quoted (“全网最低”) or negated ("不能保证明天到").
 *
 * ## The score
 *
 * 1. The required criteria asked (all, or those whose `element` is in
 *    `options.elements`) share 100 points; each one met earns its share.
 * 2. Each non-red-line forbidden criterion (`vague`) that matches deducts its
 *    `deduction` once.
 * 3. A reply outside `length.min..max` characters loses {@link LENGTH_PENALTY}.
 * 4. Rounded and clamped to 0..100: the content score. The score is 0 when a
 *    red line is crossed or the reply is refused, and at most one below the
 *    pass mark when a `must` criterion (a drill item's own) is not met.
 *
 * A rubric's forbidden criteria of a red-line category (promise, blame,
 * privacy, superlative) add their patterns to the built-in red lines; their
 * `deduction` is not used (a red line is never just a deduction).
 *
 * @module
 */
import type {
  ReplyElement,
  RequiredCriterion,
  Rubric,
} from "@/lib/content/schema.ts";
import { z } from "zod";
import { charCount, NEGATION_WINDOW, Reading } from "./text.ts";
import {
  type BlockerCode,
  findRedLines,
  RED_LINES,
  type RedLine,
} from "./redlines.ts";

export { NEGATION_WINDOW };
export type { BlockerCode, RedLine };
export { BLOCKER_CODES, RED_LINES } from "./redlines.ts";

/** Longest reply, in characters, the grader reads; longer ones are refused. */
export const MAX_REPLY_CHARS = 5000;
/** Points lost when a reply is shorter or longer than the rubric allows. */
export const LENGTH_PENALTY = 20;
/** Score a reply needs to pass unless the caller says otherwise. */
export const DEFAULT_PASS_PERCENT = 60;

/** Why a reply was not graded; an i18n key suffix (`grading.refused.<code>`). */
export type RefusalCode = "empty" | "too_long" | "no_words";
/** Why a criterion is met or not; `grading.reason.<code>`. */
export type CriterionReason =
  | "met"
  | "missing"
  | "negated"
  | "hedged"
  | "past_only";
/** Why points were taken; `grading.reason.<code>`. */
export type DeductionReason = "vague" | "too_short" | "too_long";

/** A piece of the reply: UTF-16 offsets into `Verdict.text` and the words there. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** One required criterion's verdict. */
export interface CriterionVerdict {
  id: string;
  element: ReplyElement;
  /** The rubric's own label (content, Chinese). */
  label: string;
  met: boolean;
  /** The cues that decided it: counted ones when met, discounted ones when not. */
  spans: Span[];
  reason: CriterionReason;
  /** A criterion the caller added with `must` (a drill item's own). */
  must?: boolean;
}

/** A red line crossed. */
export interface Blocker {
  category: RedLine;
  code: BlockerCode;
  span: Span;
}

/** Points taken off for wording or length. */
export interface Deduction {
  id: string;
  kind: "vague" | "length";
  points: number;
  spans: Span[];
  reason: DeductionReason;
}

/** A graded (or refused) reply. */
export interface Verdict {
  rubricId: string;
  text: string;
  refused: RefusalCode | null;
  contentScore: number;
  score: number;
  passPercent: number;
  passed: boolean;
  criteria: CriterionVerdict[];
  blockers: Blocker[];
  deductions: Deduction[];
  chars: number;
}

/** @deprecated The old name of {@link Verdict}. */
export type RubricResult = Verdict;

/** How to grade: which required elements are asked, and the pass mark. */
export interface GradeOptions {
  /** Limits the required criteria to these elements (a scenario node's or drill item's `elements`). */
  elements?: readonly ReplyElement[];
  /** 0..100; default {@link DEFAULT_PASS_PERCENT}. */
  passPercent?: number;
  /**
   * Criteria the reply must meet on top of the rubric's (a drill item's own:
   * the customer's problem it must address). They share the points like the
   * rubric's, and a reply that misses one scores below the pass mark.
   */
  must?: readonly RequiredCriterion[];
}

interface Compiled {
  required: RegExp[][];
  vague: { id: string; deduction: number; res: RegExp[] }[];
  redLines: { category: RedLine; re: RegExp }[];
}

const cache = new WeakMap<Rubric, Compiled>();

function compileOne(
  rubric: Rubric,
  criterion: string,
  pattern: string,
): RegExp {
  try {
    return new RegExp(pattern, "g");
  } catch (e) {
    throw new SyntaxError(
      `Cannot compile rubric "${rubric.id}": pattern ${
        JSON.stringify(pattern)
      } of criterion "${criterion}" is not a valid regular expression`,
      { cause: e },
    );
  }
}

function compiled(rubric: Rubric): Compiled {
  let c = cache.get(rubric);
  if (c) return c;
  const isRedLine = (cat: string): cat is RedLine =>
    (RED_LINES as readonly string[]).includes(cat);
  c = {
    required: rubric.required.map((r) =>
      r.patterns.map((p) => compileOne(rubric, r.id, p))
    ),
    vague: rubric.forbidden.filter((f) => !isRedLine(f.category)).map((f) => ({
      id: f.id,
      deduction: f.deduction,
      res: f.patterns.map((p) => compileOne(rubric, f.id, p)),
    })),
    redLines: rubric.forbidden.flatMap((f) =>
      isRedLine(f.category)
        ? f.patterns.map((p) => ({
          category: f.category as RedLine,
          re: compileOne(rubric, f.id, p),
        }))
        : []
    ),
  };
  cache.set(rubric, c);
  return c;
}

// A time cue that only tells what already happened.
const PAST_BEFORE =
  /(?:等了|已经|过了|超过|晚了|拖了|耽误了|延误了|隔了|用了|买了|收到|签收|下单|下的单)[^，,。！？!?]{0,4}$/;
const PAST_AFTER =
  /^(?:了|都?还?没|无理由|内无理由|后?再(?:来|试|看|问|联系|下单|操作|刷新))/;
// "3天前" is the past; "15点前" is a deadline.
const AGO = /(?:天|日|周|星期|月|年|小时|分钟)$/;
// A hedge before a time makes it a guess, not a commitment: "大概明后天".
const HEDGE =
  /(?:可能|大概|估计|应该|差不多|也许|说不定|或许)[^,。!?]{0,6}$|(?<!通)过$/;

function cuesFor(
  reading: Reading,
  res: readonly RegExp[],
  element: ReplyElement,
): { counted: Span[]; discounted: Span[]; negated: boolean; hedged: boolean } {
  let hedged = false;
  const counted: Span[] = [];
  const discounted: Span[] = [];
  let negated = false;
  const seen = new Set<number>();
  for (const re of res) {
    for (const m of reading.view.matchAll(re)) {
      if (!m[0] || seen.has(m.index!)) continue;
      seen.add(m.index!);
      const span = spanOf(reading.text, m.index!, m.index! + m[0].length);
      // A greeting or a check-back question is what it is whatever stands before it.
      if (
        element !== "greeting" && element !== "paraphrase" &&
        reading.negated(m.index!)
      ) {
        negated = true;
        discounted.push(span);
        continue;
      }
      if (element === "time") {
        const before = reading.view.slice(
          reading.clauseAt(m.index!).start,
          m.index!,
        );
        const after = reading.view.slice(
          m.index! + m[0].length,
          m.index! + m[0].length + 4,
        );
        if (
          PAST_BEFORE.test(before) || PAST_AFTER.test(after) ||
          (AGO.test(m[0]) && after.startsWith("前"))
        ) {
          discounted.push(span);
          continue;
        }
        if (HEDGE.test(before)) {
          hedged = true;
          discounted.push(span);
          continue;
        }
      }
      counted.push(span);
    }
  }
  counted.sort((a, b) => a.start - b.start);
  return { counted, discounted, negated, hedged };
}

const mustCache = new WeakMap<object, RegExp[]>();

function compiledMust(rubric: Rubric, c: RequiredCriterion): RegExp[] {
  let res = mustCache.get(c);
  if (!res) {
    res = c.patterns.map((p) => compileOne(rubric, c.id, p));
    mustCache.set(c, res);
  }
  return res;
}

function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

function refusal(text: string): RefusalCode | null {
  if (text.length === 0) return "empty";
  if (text.length > MAX_REPLY_CHARS * 2 || charCount(text) > MAX_REPLY_CHARS) {
    return "too_long";
  }
  return null;
}

/** A verdict that grades nothing: the reply was refused, so it scores zero. */
function refusedVerdict(
  base: Pick<Verdict, "rubricId" | "passPercent" | "chars" | "text">,
  refused: RefusalCode,
): Verdict {
  return {
    ...base,
    refused,
    contentScore: 0,
    score: 0,
    passed: false,
    criteria: [],
    blockers: [],
    deductions: [],
  };
}

/**
 * Grades `text` with `rubric`. Never throws for any reply: an empty reply,
 * one over {@link MAX_REPLY_CHARS} characters or one without a letter or
 * digit (only emoji, only markup) comes back `refused` with score 0. Throws a
 * SyntaxError naming the pattern when the rubric holds an invalid regular
 * expression (a content error, caught by the content check).
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
 *   forbidden: [],
 * };
 * const ok = gradeReply(rubric, "非常抱歉，2小时内给您回复");
 * assert.equal(ok.passed, true);
 * const blamed = gradeReply(rubric, "非常抱歉，是快递的问题，2小时内给您回复");
 * assert.equal(blamed.passed, false);
 * assert.equal(blamed.blockers[0].code, "blame.third_party");
 * assert.equal(blamed.blockers[0].span.text, "快递的问题");
 * ```
 */
export function gradeReply(
  rubric: Rubric,
  text: string,
  options: GradeOptions = {},
): Verdict {
  const passPercent = options.passPercent ?? DEFAULT_PASS_PERCENT;
  const patterns = compiled(rubric);
  const reply = typeof text === "string" ? text.trim() : "";
  const refused = refusal(reply);
  const base = {
    rubricId: rubric.id,
    passPercent,
    chars: refused === "too_long" ? charCount(reply) : 0,
  };
  if (refused) {
    return refusedVerdict(
      { ...base, text: refused === "too_long" ? "" : reply },
      refused,
    );
  }
  const reading = new Reading(reply);
  if (!/[\p{L}\p{N}]/u.test(reading.view)) {
    return refusedVerdict(
      { ...base, text: reply, chars: charCount(reply) },
      "no_words",
    );
  }

  const criteria: CriterionVerdict[] = [];
  const asked = [
    ...rubric.required.map((r, i) => ({
      r,
      res: patterns.required[i],
      must: false,
    }))
      .filter(({ r }) =>
        !options.elements || options.elements.includes(r.element)
      ),
    ...(options.must ?? []).map((r) => ({
      r,
      res: compiledMust(rubric, r),
      must: true,
    })),
  ];
  asked.forEach(({ r, res, must }) => {
    const found = cuesFor(reading, res, r.element);
    const met = found.counted.length > 0;
    criteria.push({
      id: r.id,
      element: r.element,
      label: r.label,
      met,
      spans: met ? found.counted : found.discounted,
      reason: met
        ? "met"
        : found.negated
        ? "negated"
        : found.hedged
        ? "hedged"
        : found.discounted.length
        ? "past_only"
        : "missing",
      ...(must ? { must } : {}),
    });
  });
  let score = criteria.length === 0
    ? 100
    : (100 * criteria.filter((c) => c.met).length) / criteria.length;

  const deductions: Deduction[] = [];
  for (const v of patterns.vague) {
    const spans: Span[] = [];
    for (const re of v.res) {
      for (const m of reading.view.matchAll(re)) {
        if (!m[0] || reading.negated(m.index!) || reading.quoted(m.index!)) {
          continue;
        }
        spans.push(spanOf(reply, m.index!, m.index! + m[0].length));
      }
    }
    if (spans.length) {
      score -= v.deduction;
      deductions.push({
        id: v.id,
        kind: "vague",
        points: v.deduction,
        spans: spans.sort((a, b) => a.start - b.start),
        reason: "vague",
      });
    }
  }
  const chars = charCount(reply);
  const { min, max } = rubric.length;
  if (chars < min || chars > max) {
    score -= LENGTH_PENALTY;
    deductions.push({
      id: "length",
      kind: "length",
      points: LENGTH_PENALTY,
      spans: [],
      reason: chars < min ? "too_short" : "too_long",
    });
  }

  const blockers: Blocker[] = findRedLines(reading, patterns.redLines).map((
    h,
  ) => ({
    category: h.category,
    code: h.code,
    span: spanOf(reply, h.start, h.end),
  }));
  const contentScore = Math.max(0, Math.min(100, Math.round(score)));
  const mustMissed = criteria.some((c) => c.must && !c.met);
  const final = blockers.length
    ? 0
    : mustMissed
    ? Math.min(contentScore, Math.max(0, passPercent - 1))
    : contentScore;
  return {
    ...base,
    text: reply,
    refused: null,
    contentScore,
    score: final,
    passed: blockers.length === 0 && final >= passPercent,
    criteria,
    blockers,
    deductions,
    chars,
  };
}

/** A stored, display-ready line of a verdict (what runs keep per reply). */
export interface VerdictLine {
  /** Criterion id, `redline.<category>`, a deduction id, or `refused`. */
  id: string;
  kind: "criterion" | "blocker" | "deduction" | "refused";
  /** The rubric's label for a criterion; the category for a blocker. */
  label: string;
  element?: ReplyElement;
  /** A drill item's own criterion. */
  must?: boolean;
  passed: boolean;
  /** A reason, blocker or refusal code (i18n key suffix). */
  reason: string;
  /** Words of the reply that decided it. */
  spans?: Span[];
  points?: number;
}

/**
 * A {@linkcode VerdictLine} as runs store it (drill answers, scenario
 * replies); lines of older runs have only id, label, passed and reason.
 */
export const StoredVerdictLineSchema = z.object({
  id: z.string(),
  label: z.string(),
  passed: z.boolean(),
  reason: z.string(),
  kind: z.enum(["criterion", "blocker", "deduction", "refused"]).optional(),
  element: z.string().optional(),
  must: z.boolean().optional(),
  spans: z.array(
    z.object({ start: z.number(), end: z.number(), text: z.string() }),
  ).optional(),
  points: z.number().optional(),
});

/**
 * Flattens a verdict into lines for storage and display: blockers first
 * (they decide), then criteria, deductions, or the refusal.
 */
export function verdictLines(v: Verdict): VerdictLine[] {
  if (v.refused) {
    return [{
      id: "refused",
      kind: "refused",
      label: "refused",
      passed: false,
      reason: v.refused,
    }];
  }
  return [
    ...v.blockers.map((b): VerdictLine => ({
      id: `redline.${b.category}`,
      kind: "blocker",
      label: b.category,
      passed: false,
      reason: b.code,
      spans: [b.span],
    })),
    ...v.criteria.map((c): VerdictLine => ({
      id: c.id,
      kind: "criterion",
      label: c.label,
      element: c.element,
      ...(c.must ? { must: true } : {}),
      passed: c.met,
      reason: c.reason,
      spans: c.spans,
    })),
    ...v.deductions.map((d): VerdictLine => ({
      id: d.id,
      kind: "deduction",
      label: d.id,
      passed: false,
      reason: d.reason,
      spans: d.spans,
      points: d.points,
    })),
  ];
}
