import type { Handlers } from "$fresh/server.ts";
import { z } from "zod";
import { getCourseView } from "@/lib/content/course_view.ts";
import type { AppState } from "@/lib/http/state.ts";
import { readJsonBody } from "@/lib/http/body.ts";
import { gradeInlineCheck } from "@/lib/quiz/check_feedback.ts";
import { AnswerSchema, ScoringInputError } from "@/lib/quiz/score.ts";

const CheckInput = z.object({ answer: AnswerSchema });

/** Grades one inline check of a lesson (formative: nothing is stored). */
export const handler: Handlers<unknown, AppState> = {
  async POST(req, ctx) {
    const { course, module, lesson, index } = ctx.params;
    const view = await getCourseView(ctx.state.kv, course);
    const found = view?.lessons.find((l) =>
      l.module.module.id === module && l.lesson.lesson.id === lesson
    );
    const question = found?.lesson.checks[Number(index)];
    if (!view || !question || !/^\d+$/.test(index)) return ctx.renderNotFound();
    const body = await readJsonBody(req, 16 * 1024);
    if (!body.ok) {
      return Response.json({ errors: { body: body.error } }, {
        status: body.status,
      });
    }
    const input = CheckInput.safeParse(body.value);
    if (!input.success) {
      const errors = Object.fromEntries(
        input.error.issues.map((i) => [i.path.join(".") || "body", i.message]),
      );
      return Response.json({ errors }, { status: 422 });
    }
    try {
      return Response.json(
        gradeInlineCheck(
          question,
          input.data.answer,
          view.published.rubrics,
          ctx.state.t,
        ),
      );
    } catch (e) {
      if (e instanceof ScoringInputError || e instanceof RangeError) {
        return Response.json({ errors: { answer: e.message } }, {
          status: 422,
        });
      }
      throw e;
    }
  },
};
