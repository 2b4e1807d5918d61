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
  PLACEHOLDER,
  type PolicyFigure,
} from "../../content/policy.ts";
import type { Problem } from "../../content/source.ts";

/** A clause: what lies between punctuation marks (a list joined by 、 stays one clause). */
const SENTENCE = /[^，,。！？!?；;：:（）()\n]+/g;

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
        message: tree.policy
          ? `placeholder {{${m[1]}}} names no figure in ${POLICY_PATH}`
          : `placeholder {{${
            m[1]
          }}} needs ${POLICY_PATH}, which is missing or invalid`,
      });
    }
    if (figures.length === 0) continue;
    const yaml = /\.ya?ml$/.test(path);
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
        problems.push({
          path,
          ...at(start + found.index),
          message: contradiction(
            found.text,
            found.kind,
            same.map((x) => x.figure),
          ),
        });
      }
    }
  }
  return problems;
}

function contradiction(
  stated: string,
  kind: FigureKind,
  figures: PolicyFigure[],
): string {
  const policy = figures.map((f) =>
    `{{${f.id}}} = ${f.value} (${f.label}; ${f.source}: ${f.basis})`
  ).join("; ");
  return `states ${kind} "${stated.trim()}", which contradicts ${POLICY_PATH}: ${policy}. Write the placeholder instead of the number`;
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
