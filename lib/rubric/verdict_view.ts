/**
 * A stored verdict as the learner reads it: each line's title and reason in
 * the request's language, with the words of the reply that decided it. The
 * codes come from rubric.ts; the sentences live in the i18n catalogs
 * (lib/i18n/parts/grading.ts). Lines stored before reason codes existed
 * carry a Chinese sentence as `reason`; it is shown as it is.
 *
 * @module
 */
import type { MessageKey, Translate } from "@/lib/i18n/i18n.ts";
import { zh as gradingMessages } from "@/lib/i18n/parts/grading.ts";
import type { Span, VerdictLine } from "./rubric.ts";

/** One line of a verdict, translated. */
export interface VerdictLineView {
  kind: VerdictLine["kind"];
  passed: boolean;
  /** What the line is about: a criterion, a red line, a deduction. */
  title: string;
  /** Why, in a sentence. */
  reason: string;
  /** The reply's words behind it. */
  quotes: string[];
}

/** The shape every stored criterion line has at least (older runs have only this). */
export interface StoredLine {
  id: string;
  label: string;
  passed: boolean;
  reason: string;
  kind?: VerdictLine["kind"];
  element?: string;
  must?: boolean;
  spans?: Span[];
  points?: number;
}

const has = (key: string): key is MessageKey & keyof typeof gradingMessages =>
  Object.hasOwn(gradingMessages, key);

function title(line: StoredLine, t: Translate): string {
  const key = line.kind === "blocker"
    ? `grading.redline.${line.label}`
    : line.kind === "deduction"
    ? `grading.deduction.${line.id === "length" ? "length" : "vague"}`
    : line.kind === "refused"
    ? "grading.refused.title"
    : line.must
    ? "grading.must"
    : line.element
    ? `grading.element.${line.element}`
    : "";
  // The adapt drill's own line (lib/drill/drill_grade.ts): placeholders left unfilled.
  if (line.kind === "criterion" && line.id === "placeholders" && line.must) {
    return t("replies.adapt.placeholders");
  }
  // A criterion keeps the rubric's own label in Chinese; English shows the element.
  if (line.kind === "criterion" && t("grading.use_rubric_labels") === "yes") {
    return line.label;
  }
  return has(key) ? t(key) : line.label;
}

function reason(line: StoredLine, t: Translate): string {
  const quote = (line.spans ?? []).map((s) =>
    t("grading.quote", { text: s.text })
  ).join(t("grading.quote_separator"));
  const prefix = line.kind === "blocker"
    ? "grading.blocker."
    : line.kind === "refused"
    ? "grading.refused."
    : "grading.reason.";
  const key = `${prefix}${line.reason}`;
  if (!has(key)) return line.reason;
  return t(key, { quote, points: line.points ?? 0 });
}

/** Translates stored verdict lines for display. */
export function verdictView(
  lines: readonly StoredLine[],
  t: Translate,
): VerdictLineView[] {
  return lines.map((line) => ({
    kind: line.kind ?? "criterion",
    passed: line.passed,
    title: title(line, t),
    reason: reason(line, t),
    quotes: (line.spans ?? []).map((s: Span) => s.text),
  }));
}

/** The one-line summary of a verdict: blocked, refused, passed or not. */
export function verdictSummaryKey(
  lines: readonly StoredLine[],
  passed: boolean,
): MessageKey {
  if (lines.some((l) => l.kind === "refused")) return "grading.summary.refused";
  if (lines.some((l) => l.kind === "blocker")) return "grading.summary.blocked";
  return passed ? "grading.summary.passed" : "grading.summary.failed";
}
