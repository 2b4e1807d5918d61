/**
 * `multiple`: several correct options. Each correct option chosen earns an
 * equal share (1 / number of correct options); each wrong option chosen
 * cancels one share; never below 0. Full credit only for exactly the correct
 * set; an empty answer scores 0. Form field `q.<id>` repeated = option ids.
 *
 * @module
 */
import type { QuestionTypeDef } from "../common/types.ts";
import { msg } from "@/lib/content/source.ts";
import { checkIds, contentError } from "../common/input.ts";
import { labelledItem } from "../common/option_label.ts";
import { checkOptionIds, choiceParts } from "../common/choice.ts";

/** The `multiple` question type. */
export const multiple: QuestionTypeDef<"multiple"> = {
  ...choiceParts("multiple"),
  fromForm(form, _q, field) {
    const values = form.getAll(field).filter((v): v is string =>
      typeof v === "string" && v !== ""
    );
    return values.length ? { type: "multiple", choices: values } : undefined;
  },
  score(q, { choices }) {
    checkIds(q, "answer.choices", choices, q.options, "an option");
    const key = q.options.filter((o) => o.correct).map((o) => o.id);
    if (key.length === 0) throw contentError(q, "it has no correct option");
    const chosen = new Set(choices);
    const right = key.filter((id) => chosen.has(id));
    const wrong = choices.filter((id) => !key.includes(id));
    const missed = key.filter((id) => !chosen.has(id));
    return {
      points: Math.max(0, right.length - wrong.length) / key.length,
      correct: missed.length === 0 && wrong.length === 0,
      detail: { type: "multiple", right, wrong, missed },
    };
  },
  keyAnswer: (q) => ({
    type: "multiple",
    choices: q.options.filter((o) => o.correct).map((o) => o.id),
  }),
  wrongAnswer: (q) => ({
    type: "multiple",
    choices: q.options.filter((o) => !o.correct).slice(0, 1).map((o) => o.id),
  }),
  hint(q, answer) {
    const chosen = new Set(answer.type === "multiple" ? answer.choices : []);
    const correct = q.options.filter((o) => o.correct).map((o) => o.id);
    const right = correct.filter((id) => chosen.has(id)).length;
    return {
      kind: "multiple",
      right,
      missed: correct.length - right,
      extra: [...chosen].filter((id) => !correct.includes(id)).length,
    };
  },
  describeAnswer(q, a, _words, shownIds) {
    return a.choices.map((c) => labelledItem(q.options, c, shownIds)).join(
      "；",
    );
  },
  check(q, ctx) {
    checkOptionIds(q, ctx);
    const correct = q.options.filter((o) => o.correct).length;
    if (correct < 2) {
      ctx.add(
        ["options"],
        msg("problem.question.multiple_correct", { found: correct }),
      );
    }
  },
  picks: (_q, a) => a.choices,
};
