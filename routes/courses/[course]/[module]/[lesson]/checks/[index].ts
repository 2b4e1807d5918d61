import { codedErrors } from "@/lib/http/responses.ts";
import type { Handlers } from "$fresh/server.ts";
import { z } from "zod";
import { getCourseView } from "@/lib/content/course_view.ts";
import { inlineCheckSeed } from "@/lib/learning/lesson_page.ts";
import type { AppState } from "@/lib/http/state.ts";
import { readJsonInput } from "@/lib/http/json_input.ts";
import { gradeInlineCheck } from "@/lib/quiz/check_feedback.ts";
import { hintText } from "@/lib/quiz/check_hint_text.ts";
import {
  explanationOf,
  revealFeedback,
  shownOptionIds,
} from "@/lib/quiz/check_reveal.ts";
import { toPublicQuestion } from "@/lib/quiz/public_question.ts";
import { AnswerSchema, ScoringInputError } from "@/lib/quiz/score.ts";

// Either an answer to grade (with the try it is) or a request for the explanation.
const CheckInput = z.object({
  answer: AnswerSchema.optional(),
  tries: z.int().min(1).max(1000).default(1),
  reveal: z.literal(true).optional(),
}).refine((v) => v.reveal || v.answer, {
  path: ["answer"],
  message: "answer is required unless reveal is true",
});

/**
 * Grades one inline check of a lesson (formative: nothing is stored). A
 * wrong first try gets a hint, the second try or `{ reveal: true }` the
 * explanation.
 */
export const handler: Handlers<unknown, AppState> = {
  async POST(req, ctx) {
    const { course, module, lesson, index } = ctx.params;
    const view = await getCourseView(ctx.state.kv, course);
    const found = view?.lessons.find((l) =>
      l.module.module.id === module && l.lesson.lesson.id === lesson
    );
    const question = found?.lesson.checks[Number(index)];
    if (!view || !question || !/^\d+$/.test(index)) return ctx.renderNotFound();
    const input = await readJsonInput(req, ctx.state.t, 16 * 1024, CheckInput);
    if (!input.ok) return input.response;
    const shownIds = shownOptionIds(
      toPublicQuestion(question, inlineCheckSeed(view.id, lesson, index), true),
    );
    const { answer, tries, reveal } = input.data;
    if (reveal || !answer) {
      return Response.json({ explanation: explanationOf(question, shownIds) });
    }
    try {
      const shown = revealFeedback(
        question,
        answer,
        gradeInlineCheck(question, answer, view.published.rubrics, ctx.state.t),
        tries,
        shownIds,
      );
      const { hint, ...rest } = shown;
      return Response.json({
        ...rest,
        ...(hint ? { hint: hintText(ctx.state.t, hint) } : {}),
      });
    } catch (e) {
      if (e instanceof ScoringInputError) {
        return codedErrors(ctx.state.t, e, "answer");
      }
      if (e instanceof RangeError) {
        return codedErrors(ctx.state.t, { code: "answer-invalid" }, "answer");
      }
      throw e;
    }
  },
};
