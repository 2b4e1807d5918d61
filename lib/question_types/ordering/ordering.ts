/**
 * `ordering`: scored by pairs in the right relative order, the fraction of
 * the n(n-1)/2 item pairs whose order matches the key. The key order scores
 * 1, the reversed order 0, one adjacent swap 1 - 1/(n(n-1)/2). The answer
 * must place every item exactly once. Form fields `q.<id>.<itemId>` =
 * position 1..n.
 *
 * @module
 */
import type { QuestionTypeDef } from "../common/types.ts";
import { msg } from "@/lib/content/source.ts";
import {
  checkIds,
  contentError,
  formString,
  inputError,
  ScoringInputError,
} from "../common/input.ts";
import { shuffleAwayFrom } from "../common/shuffle.ts";
import { itemText } from "../common/option_label.ts";

/** The `ordering` question type. */
export const ordering: QuestionTypeDef<"ordering"> = {
  type: "ordering",
  toPublic: (q, seed) => ({
    type: "ordering",
    prompt: q.prompt,
    items: shuffleAwayFrom(
      q.items.map(({ id, text }) => ({ id, text })),
      q.answer,
      seed,
    ),
  }),
  fromForm(form, q, field) {
    const positions = q.items.map((item) =>
      [item.id, formString(form, `${field}.${item.id}`)] as const
    );
    if (positions.every(([, p]) => !p)) return undefined;
    const order: string[] = [];
    for (const [id, p] of positions) {
      const n = Number(p);
      if (!Number.isInteger(n) || n < 1 || n > q.items.length) {
        throw new ScoringInputError(
          `${field}.${id}: position "${
            p ?? ""
          }" must be 1 to ${q.items.length}`,
        );
      }
      if (order[n - 1]) {
        throw new ScoringInputError(
          `${field}.${id}: position ${n} is used twice`,
        );
      }
      order[n - 1] = id;
    }
    return { type: "ordering", order };
  },
  score(q, { order }) {
    checkIds(q, "answer.order", order, q.items, "an item");
    if (order.length !== q.items.length) {
      const missing = q.items.find((i) => !order.includes(i.id))!;
      throw inputError(
        q,
        "answer.order",
        order,
        `leaves out item "${missing.id}": every item must be placed once`,
      );
    }
    const position = new Map(order.map((id, i) => [id, i]));
    // The key as positions in the answer: pairs in order are increasing pairs.
    const key = q.answer.map((id) => position.get(id) ?? -1);
    if (
      key.length !== order.length || key.includes(-1) ||
      new Set(key).size !== key.length
    ) {
      throw contentError(q, "its answer is not an order of its items");
    }
    let inOrder = 0;
    let pairs = 0;
    for (let i = 0; i < key.length; i++) {
      for (let j = i + 1; j < key.length; j++) {
        pairs++;
        if (key[i] < key[j]) inOrder++;
      }
    }
    return {
      points: inOrder / pairs,
      correct: inOrder === pairs,
      detail: { type: "ordering", pairsInOrder: inOrder, pairs },
    };
  },
  keyAnswer: (q) => ({ type: "ordering", order: [...q.answer] }),
  // Reversed: no pair in the right order.
  wrongAnswer: (q) => ({ type: "ordering", order: q.answer.toReversed() }),
  hint(q, answer) {
    const order = answer.type === "ordering" ? answer.order : [];
    return {
      kind: "ordering",
      misplaced: q.answer.filter((id, i) => order[i] !== id).length,
    };
  },
  describeAnswer: (q, a) =>
    a.order.map((id) => itemText(q.items, id)).join(" → "),
  describeKey: (q) => q.answer.map((id) => itemText(q.items, id)).join(" → "),
  shownTexts: (q) => q.items.map((i) => i.text),
  texts: (q) => q.items.map((i) => i.text),
  check(q, ctx) {
    const items = q.items.map((it) => it.id);
    ctx.unique(q.items.map((it, i) => [it.id, ["items", i, "id"]]), "item");
    const missing = items.filter((id) => !q.answer.includes(id));
    const extra = q.answer.filter((id, i) =>
      !items.includes(id) || q.answer.indexOf(id) !== i
    );
    if (
      missing.length > 0 || extra.length > 0 || q.answer.length !== items.length
    ) {
      const quoted = (ids: string[]) => ids.map((m) => `"${m}"`).join(", ");
      const detail = missing.length && extra.length
        ? msg("problem.question.order_both", {
          missing: quoted(missing),
          extra: quoted(extra),
        })
        : extra.length
        ? msg("problem.question.order_extra", { ids: quoted(extra) })
        : msg("problem.question.order_missing", { ids: quoted(missing) });
      ctx.add(
        ["answer"],
        msg("problem.question.not_permutation", { detail }),
      );
    }
  },
  // An order is not a pick among options: item analysis counts no options.
  analysisOptions: () => [],
  picks: () => [],
};
