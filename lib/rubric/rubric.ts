/**
 * The deterministic rubric engine for free-text replies. Each criterion
 * returns pass/fail with a reason the learner sees.
 *
 * Score (0..100, transparent on purpose):
 * - required elements (all of the rubric's, or the `elements` asked for)
 *   share 100 points equally; a missing element earns nothing;
 * - each forbidden item that matches deducts its `deduction` once;
 * - a reply outside the length bounds loses 20 points;
 * - the result is clamped to 0..100 and passes at `passPercent` (60).
 * Patterns are matched against the NFKC-normalised reply.
 */
import type { ReplyElement, Rubric } from "@/lib/content/schema.ts";

/** One criterion's verdict. */
export interface CriterionResult {
  id: string;
  kind: "required" | "forbidden" | "length";
  label: string;
  passed: boolean;
  reason: string;
  deduction?: number;
}

/** The graded reply. */
export interface RubricResult {
  score: number;
  passed: boolean;
  criteria: CriterionResult[];
}

/** Longest reply the engine will look at. */
export const MAX_REPLY = 5000;
/** Points lost when a reply is too short or too long. */
export const LENGTH_PENALTY = 20;

const compiled = new WeakMap<
  Rubric,
  { required: RegExp[][]; forbidden: RegExp[][] }
>();

function patterns(rubric: Rubric) {
  let c = compiled.get(rubric);
  if (!c) {
    c = {
      required: rubric.required.map((r) =>
        r.patterns.map((p) => new RegExp(p, "u"))
      ),
      forbidden: rubric.forbidden.map((f) =>
        f.patterns.map((p) => new RegExp(p, "gu"))
      ),
    };
    compiled.set(rubric, c);
  }
  return c;
}

/** Grades `text` with `rubric`, optionally only for some required elements. */
export function gradeReply(
  rubric: Rubric,
  text: string,
  options: { elements?: readonly ReplyElement[]; passPercent?: number } = {},
): RubricResult {
  if (text.length > MAX_REPLY) {
    throw new RangeError(
      `Cannot grade a reply of ${text.length} characters: at most ${MAX_REPLY} are accepted`,
    );
  }
  const reply = text.normalize("NFKC").trim();
  const { required, forbidden } = patterns(rubric);
  const criteria: CriterionResult[] = [];
  const asked = rubric.required
    .map((r, i) => ({ r, res: required[i] }))
    .filter(({ r }) =>
      !options.elements || options.elements.includes(r.element)
    );
  let met = 0;
  for (const { r, res } of asked) {
    const hit = res.map((re) => re.exec(reply)?.[0]).find((m) =>
      m !== undefined
    );
    if (hit) met++;
    criteria.push({
      id: r.id,
      kind: "required",
      label: r.label,
      passed: Boolean(hit),
      reason: hit ? `找到了“${hit}”` : r.hint,
    });
  }
  let score = asked.length ? (100 * met) / asked.length : 100;
  rubric.forbidden.forEach((f, i) => {
    const hits = [
      ...new Set(
        forbidden[i].flatMap((re) => [...reply.matchAll(re)].map((m) => m[0])),
      ),
    ];
    if (hits.length) score -= f.deduction;
    criteria.push({
      id: f.id,
      kind: "forbidden",
      label: f.label,
      passed: hits.length === 0,
      reason: hits.length ? `出现了“${hits.join("”“")}”:${f.hint}` : "没有出现",
      ...(hits.length ? { deduction: f.deduction } : {}),
    });
  });
  const length = [...reply].length;
  const inBounds = length >= rubric.length.min && length <= rubric.length.max;
  if (!inBounds) score -= LENGTH_PENALTY;
  criteria.push({
    id: "length",
    kind: "length",
    label: "长度",
    passed: inBounds,
    reason: inBounds
      ? `${length} 字,在 ${rubric.length.min}–${rubric.length.max} 字之间`
      : length < rubric.length.min
      ? `只有 ${length} 字,至少需要 ${rubric.length.min} 字`
      : `有 ${length} 字,超过了 ${rubric.length.max} 字`,
    ...(inBounds ? {} : { deduction: LENGTH_PENALTY }),
  });
  const final = Math.max(0, Math.min(100, Math.round(score)));
  return {
    score: final,
    passed: final >= (options.passPercent ?? 60),
    criteria,
  };
}
