/**
 * `written`: graded by the question's rubric with {@link gradeReply}:
 * points = rubric score / 100, correct = the rubric passed. Form field
 * `q.<id>` = text.
 *
 * @module
 */
import { gradeReply } from "@/lib/rubric/rubric.ts";
import type { QuestionTypeDef } from "../common/types.ts";
import { contentError } from "../common/input.ts";
import { textFromForm } from "../fillin/fillin.ts";

/** A reply that misses most of a rubric (demo learners who got it wrong). */
export const WEAK_WRITTEN_REPLY = "好的，知道了。";

/** The `written` question type. */
export const written: QuestionTypeDef<"written"> = {
  type: "written",
  toPublic: (q) => ({ type: "written", prompt: q.prompt }),
  fromForm(form, _q, field) {
    const text = textFromForm(form, field);
    return text === undefined ? undefined : { type: "written", text };
  },
  score(q, { text }, options) {
    const rubric = options.rubrics?.find((r) => r.id === q.rubric);
    if (!rubric) {
      throw contentError(q, `its rubric "${q.rubric}" was not supplied`);
    }
    const graded = gradeReply(rubric, text);
    return {
      points: graded.score / 100,
      correct: graded.passed,
      detail: { type: "written", rubric: graded },
    };
  },
  keyAnswer: (q) => ({ type: "written", text: q.modelAnswer }),
  wrongAnswer: () => ({ type: "written", text: WEAK_WRITTEN_REPLY }),
  hint: () => ({ kind: "written" }),
  describeAnswer: (_q, a) => a.text,
  describeKey: (q) => q.modelAnswer,
  shownTexts: () => [],
  texts: (q) => [q.modelAnswer],
  check(q, ctx) {
    ctx.rubric(["rubric"], q.rubric, ["modelAnswer"], q.modelAnswer);
  },
  analysisOptions: () => [],
  picks: () => [],
};
