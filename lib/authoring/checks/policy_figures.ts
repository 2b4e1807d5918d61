/**
 * Content that states a house figure must state the one in
 * `assessments/policy.yaml`. Scans the raw text of every content file:
 * a `{{id}}` placeholder must name a declared figure, and a sentence that
 * mentions a figure's topic ("退款", "审核"...) and states a figure of the
 * same kind (a time, an amount, a percentage) must state one the policy
 * allows for the topics the sentence mentions. A line holding `policy-ok`
 * (in a comment) is exempt: it quotes another company's figure on purpose.
 *
 * @module
 */
import type { ContentTree } from "../../content/loader.ts";
import { POLICY_PATH } from "../../content/loader.ts";
import {
  type FigureKind,
  figureValues,
  findFigures,
  type FoundFigure,
  PLACEHOLDER,
  type PolicyFigure,
} from "../../content/policy.ts";
import {
  msg,
  type Problem,
  type ProblemMessage,
} from "../../content/source.ts";

/** A clause: what lies between punctuation marks (a list joined by 、 stays one clause). */
const SENTENCE = /[^，,。！？!?；;：:（）()\n]+/g;

/** What ends a sentence: between two clauses, it stops a topic carrying over. */
const SENTENCE_END = /[。！？!?\n]/;

/**
 * Where a copied figure's topic is looked for: its own clause and the clause
 * before it in the same sentence, since a copy often names its topic in one
 * clause and the number in the next ("升级给主管，承诺48小时内结案"). Not the
 * whole sentence: a long sentence mentions other topics ("…通常 1-2 天送达；
 * …我马上帮您办退款") and their figures are not copies.
 */
function copyContexts(
  text: string,
): { clause: string; start: number; topicText: string }[] {
  const clauses = [...text.matchAll(SENTENCE)];
  return clauses.map((m, i) => {
    const prev = clauses[i - 1];
    const joined = prev &&
      !SENTENCE_END.test(
        text.slice(prev.index! + prev[0].length, m.index!),
      );
    return {
      clause: m[0],
      start: m.index!,
      topicText: joined ? prev[0] + m[0] : m[0],
    };
  });
}

/** Reports unknown placeholders and figures that contradict the policy. */
export function checkPolicyFigures(tree: ContentTree): Problem[] {
  const sources = tree.sources ?? {};
  const figures = tree.policy?.data.figures ?? [];
  const known = new Set(figures.map((f) => f.id));
  const allowed = figures.map((f) => ({
    figure: f,
    values: figureValues(f.value),
  }));
  const problems: Problem[] = [];
  for (const [path, text] of Object.entries(sources)) {
    if (path === POLICY_PATH) continue;
    const at = lineIndex(text);
    for (const m of text.matchAll(PLACEHOLDER)) {
      if (known.has(m[1])) continue;
      problems.push({
        path,
        ...at(m.index!),
        ...msg(
          tree.policy
            ? "problem.policy.unknown_placeholder"
            : "problem.policy.no_policy",
          { id: m[1], file: POLICY_PATH },
        ),
      });
    }
    if (figures.length === 0) continue;
    const yaml = /\.ya?ml$/.test(path);
    const contradicted = new Set<number>();
    for (const s of text.matchAll(SENTENCE)) {
      const sentence = s[0];
      const start = s.index!;
      const lineText = lineAt(text, start);
      if (lineText.includes("policy-ok")) continue;
      if (yaml && /^\s*#/.test(lineText)) continue;
      const topical = allowed.filter(({ figure }) =>
        figure.topic?.some((t) => sentence.includes(t))
      );
      if (topical.length === 0) continue;
      for (const found of findFigures(sentence)) {
        const same = topical.filter(({ values }) =>
          values.some((v) => v.kind === found.kind)
        );
        if (same.length === 0) continue;
        const ok = new Set(
          same.flatMap(({ values }) =>
            values.filter((v) => v.kind === found.kind).flatMap((v) => v.values)
          ),
        );
        if (found.values.every((v) => ok.has(v))) continue;
        contradicted.add(start + found.index);
        problems.push({
          path,
          ...at(start + found.index),
          ...contradiction(
            found.text,
            found.kind,
            same.map((x) => x.figure),
          ),
        });
      }
    }
    // A figure the policy holds, copied as a number, is right today and
    // wrong the day the policy changes: report exact copies in a clause
    // that names the figure's topic (or right after one that does).
    for (const { clause: sentence, start, topicText } of copyContexts(text)) {
      const topical = allowed.filter(({ figure }) =>
        figure.topic?.some((t) => topicText.includes(t))
      ).map(({ figure }) => figure);
      if (topical.length === 0) continue;
      for (const found of findFigures(sentence)) {
        const offset = start + found.index;
        if (contradicted.has(offset)) continue;
        const lineText = lineAt(text, offset);
        if (lineText.includes("policy-ok")) continue;
        if (yaml && /^\s*#/.test(lineText)) continue;
        const copied = copiedFigures(found, topical);
        if (copied.length === 0 || isTermName(sentence, found, copied)) {
          continue;
        }
        problems.push({
          path,
          ...at(offset),
          ...copy(found.text, copied),
        });
      }
    }
  }
  return problems;
}

/**
 * The figures `found` restates in full: the same numbers as the figure's
 * whole value ("48小时" for 48 小时, "1到2天" for 1-2 天). A number inside a
 * list figure ("10元" of "3、5 或 10 元") is a use of the policy, not a copy:
 * it stays valid when the list changes unless it leaves the list, which the
 * contradiction check then reports.
 */
function copiedFigures(
  found: FoundFigure,
  figures: PolicyFigure[],
): PolicyFigure[] {
  const stated = [...new Set(found.values)].sort((a, b) => a - b).join(",");
  return figures.filter((f) =>
    figureValues(f.value).some((v) =>
      v.kind === found.kind &&
      [...new Set(v.values)].sort((a, b) => a - b).join(",") === stated
    )
  );
}

/**
 * A figure written as part of a fixed name rather than stated as a figure:
 * a Chinese numeral run straight into one of the figure's own topic words,
 * as in the law's "七日无理由退货". An Arabic figure ("7天无理由") is a copy.
 */
function isTermName(
  sentence: string,
  found: FoundFigure,
  figures: PolicyFigure[],
): boolean {
  if (/\d/.test(found.text)) return false;
  const after = sentence.slice(found.index + found.text.length);
  return figures.some((f) => f.topic?.some((t) => after.startsWith(t)));
}

function copy(stated: string, figures: PolicyFigure[]): ProblemMessage {
  const ids = figures.map((f) => `{{${f.id}}}`).join(" or ");
  const what = figures.map((f) => `${f.value} (${f.label})`).join("; ");
  return msg("problem.policy.copied", {
    stated: stated.trim(),
    ids,
    file: POLICY_PATH,
    what,
  });
}

function contradiction(
  stated: string,
  kind: FigureKind,
  figures: PolicyFigure[],
): ProblemMessage {
  const policy = figures.map((f) =>
    `{{${f.id}}} = ${f.value} (${f.label}; ${f.source}: ${f.basis})`
  ).join("; ");
  return msg("problem.policy.contradicts", {
    kind,
    stated: stated.trim(),
    file: POLICY_PATH,
    policy,
  });
}

/** Maps a string offset to a 1-based line and column. */
function lineIndex(text: string): (offset: number) => {
  line: number;
  col: number;
} {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\n") starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo] + 1 };
  };
}

function lineAt(text: string, offset: number): string {
  const from = text.lastIndexOf("\n", offset - 1) + 1;
  const to = text.indexOf("\n", offset);
  return text.slice(from, to < 0 ? text.length : to);
}
