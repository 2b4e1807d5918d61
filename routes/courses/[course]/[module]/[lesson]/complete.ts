import type { Handlers } from "$fresh/server.ts";
import { getLessonPage } from "@/lib/learning/lesson_page.ts";
import { seeOther } from "@/lib/http/responses.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { completeLesson } from "@/lib/learning/lesson_completion.ts";

/** "Mark complete": idempotent, so a double click or a resubmitted form changes nothing. */
export const handler: Handlers<unknown, SignedInState> = {
  async POST(_req, ctx) {
    const { course, module, lesson } = ctx.params;
    const page = await getLessonPage(ctx.state.kv, course, module, lesson);
    if (!page) return ctx.renderNotFound();
    await completeLesson(
      ctx.state.kv,
      ctx.state.user.id,
      {
        courseId: page.courseId,
        version: page.version,
        moduleId: page.moduleId,
        lessonId: page.lesson.id,
        title: page.lesson.title,
        url: page.url,
      },
      new Date(),
      ctx.state.user.cohortId,
    );
    return seeOther(page.next?.url ?? page.url);
  },
};
