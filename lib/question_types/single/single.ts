/**
 * `single`: one correct option. Scores 1 for the correct option, else 0.
 * Form field `q.<id>` = option id.
 *
 * @module
 */
import type { QuestionTypeDef } from "../common/types.ts";
import { msg } from "@/lib/content/source.ts";
import { checkIds, contentError, formString } from "../common/input.ts";
import { labelledItem } from "../common/option_label.ts";
import { checkOptionIds, choiceParts } from "../common/choice.ts";

/** The `single` question type. */
export const single: QuestionTypeDef<"single"> = {
  ...choiceParts("single"),
  fromForm(form, _q, field) {
    const v = formString(form, field);
    return v ? { type: "single", choice: v } : undefined;
  },
  score(q, { choice }) {
    checkIds(q, "answer.choice", [choice], q.options, "an option");
    const key = q.options.filter((o) => o.correct);
    if (key.length !== 1) {
      throw contentError(q, `it has ${key.length} correct options, not 1`);
    }
    const ok = choice === key[0].id;
    return {
      points: ok ? 1 : 0,
      correct: ok,
      detail: { type: "single", chosen: choice, key: key[0].id },
    };
  },
  keyAnswer(q) {
    const key = q.options.find((o) => o.correct);
    if (!key) {
      throw new Error(
        `Cannot build the key of "${
          q.id ?? q.prompt
        }": it has no correct option`,
      );
    }
    return { type: "single", choice: key.id };
  },
  wrongAnswer(q) {
    return { type: "single", choice: q.options.find((o) => !o.correct)!.id };
  },
  hint: () => ({ kind: "single" }),
  describeAnswer(q, a, _words, shownIds) {
    return labelledItem(q.options, a.choice, shownIds);
  },
  check(q, ctx) {
    checkOptionIds(q, ctx);
    const correct = q.options.flatMap((o, i) => (o.correct ? [i] : []));
    if (correct.length !== 1) {
      ctx.add(
        correct.length > 1 ? ["options", correct[1]] : ["options"],
        msg("problem.question.single_correct", { found: correct.length }),
      );
    }
  },
  picks: (_q, a) => [a.choice],
};
