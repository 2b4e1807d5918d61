/**
 * `matching`: the fraction of left items matched to their key's right item.
 * Left items left unmatched count as wrong; two left items may name the same
 * right item. Form fields `q.<id>.<leftId>` = right id.
 *
 * @module
 */
import type { QuestionTypeDef } from "../common/types.ts";
import { msg } from "@/lib/content/source.ts";
import { formString, inputError } from "../common/input.ts";
import { shuffleAwayFrom } from "../common/shuffle.ts";
import { itemText } from "../common/option_label.ts";

/** The `matching` question type. */
export const matching: QuestionTypeDef<"matching"> = {
  type: "matching",
  toPublic(q, seed) {
    const keyOrder = q.left.map((l) => q.answer[l.id]);
    const item = ({ id, text }: { id: string; text: string }) => ({ id, text });
    return {
      type: "matching",
      prompt: q.prompt,
      left: q.left.map(item),
      right: shuffleAwayFrom(q.right.map(item), keyOrder, seed),
    };
  },
  fromForm(form, q, field) {
    const pairs: Record<string, string> = {};
    for (const l of q.left) {
      const v = formString(form, `${field}.${l.id}`);
      if (v) pairs[l.id] = v;
    }
    return Object.keys(pairs).length ? { type: "matching", pairs } : undefined;
  },
  score(q, { pairs }) {
    const left = new Set(q.left.map((l) => l.id));
    const right = new Set(q.right.map((r) => r.id));
    for (const [l, r] of Object.entries(pairs)) {
      if (!left.has(l)) {
        throw inputError(
          q,
          "answer.pairs",
          l,
          "is not a left item of this question",
        );
      }
      if (!right.has(r)) {
        throw inputError(
          q,
          `answer.pairs.${l}`,
          r,
          "is not a right item of this question",
        );
      }
    }
    const wrong = q.left
      .filter((l) =>
        !Object.hasOwn(pairs, l.id) || pairs[l.id] !== q.answer[l.id]
      )
      .map((l) => l.id);
    const of = q.left.length;
    return {
      points: (of - wrong.length) / of,
      correct: wrong.length === 0,
      detail: { type: "matching", matched: of - wrong.length, of, wrong },
    };
  },
  keyAnswer: (q) => ({ type: "matching", pairs: { ...q.answer } }),
  wrongAnswer(q) {
    // Each left item gets its neighbour's right item.
    const lefts = q.left.map((l) => l.id);
    return {
      type: "matching",
      pairs: Object.fromEntries(
        lefts.map((l, i) => [l, q.answer[lefts[(i + 1) % lefts.length]]]),
      ),
    };
  },
  hint(q, answer) {
    const pairs = answer.type === "matching" ? answer.pairs : {};
    const left = Object.keys(q.answer);
    return {
      kind: "matching",
      wrong: left.filter((l) => pairs[l] !== q.answer[l]).length,
      total: left.length,
    };
  },
  describeAnswer: (q, a) =>
    q.left.map((l) =>
      `${l.text} — ${a.pairs[l.id] ? itemText(q.right, a.pairs[l.id]) : "?"}`
    ).join("；"),
  describeKey: (q) =>
    q.left.map((l) => `${l.text} — ${itemText(q.right, q.answer[l.id])}`).join(
      "；",
    ),
  shownTexts: (q) => [...q.left, ...q.right].map((i) => i.text),
  texts: (q) => [...q.left, ...q.right].map((i) => i.text),
  check(q, ctx) {
    ctx.unique(q.left.map((it, i) => [it.id, ["left", i, "id"]]), "left");
    ctx.unique(q.right.map((it, i) => [it.id, ["right", i, "id"]]), "right");
    const right = new Set(q.right.map((r) => r.id));
    const left = q.left.map((l) => l.id);
    for (const id of left) {
      if (!(id in q.answer)) {
        ctx.add(["answer"], msg("problem.question.no_match", { id }));
      }
    }
    for (const [l, r] of Object.entries(q.answer)) {
      if (!left.includes(l)) {
        ctx.add(["answer", l], msg("problem.question.not_left", { id: l }));
      }
      if (!right.has(r)) {
        ctx.add(["answer", l], msg("problem.question.not_right", { id: r }));
      }
    }
  },
  // Pairs are not one pick among options: item analysis counts no options.
  analysisOptions: () => [],
  picks: () => [],
};
