import { Partial } from "$fresh/runtime.ts";
import { type Handlers, type PageProps, RenderCache } from "$fresh/server.ts";
import { CsrfField } from "@/components/CsrfField.tsx";
import { LessonContent } from "@/components/lesson/LessonContent.tsx";
import { LessonNav } from "@/components/LessonNav.tsx";
import { getLessonPage, type LessonPage } from "@/lib/learning/lesson_page.ts";
import { getProgress } from "@/lib/evidence/progress_store.ts";
import type { AppState } from "@/lib/http/state.ts";
import { LessonReplies } from "@/components/replies/LessonReplies.tsx";
import { getCourseVersionView } from "@/lib/content/course_view.ts";
import {
  libraryOf,
  repliesForLesson,
  type ReplyCard,
  replyCard,
} from "@/lib/replies/library.ts";

interface Data {
  page: LessonPage;
  /** When the signed-in learner completed it, if they did. */
  completedAt: Date | null;
  moduleDone: number;
  /** Library replies this lesson teaches. */
  replies: ReplyCard[];
}

export const handler: Handlers<Data, AppState> = {
  async GET(_req, ctx) {
    const { course, module, lesson } = ctx.params;
    const page = await getLessonPage(ctx.state.kv, course, module, lesson);
    if (!page) return ctx.renderNotFound();
    const user = ctx.state.user;
    const progress = user?.role === "learner"
      ? await getProgress(ctx.state.kv, user.id, course, new Date())
      : null;
    const view = await getCourseVersionView(
      ctx.state.kv,
      page.courseId,
      page.version,
    );
    const lib = view && libraryOf(view);
    return ctx.render({
      page,
      replies: lib ? repliesForLesson(lib, page.lesson.id).map(replyCard) : [],
      completedAt: progress?.lessons[page.lesson.id] ?? null,
      moduleDone: progress
        ? page.moduleLessonIds.filter((id) => progress.lessons[id]).length
        : 0,
    });
  },
};

export default function Lesson(
  { data, state: { t, lang, user } }: PageProps<Data, AppState>,
) {
  const { page } = data;
  // Lesson text and navigation depend only on the version and the language.
  const key =
    `${page.courseId}@${page.version}/${page.moduleId}/${page.lesson.id}:${lang}`;
  const lesson = (
    <>
      <RenderCache id={`lesson:${key}`}>
        <LessonContent page={page} t={t} />
      </RenderCache>
      <LessonReplies replies={data.replies} t={t} />
      {user?.role === "learner" && (
        <section class="lesson-complete" aria-live="polite">
          <p class="meta">
            {t("lesson.module_progress", {
              done: data.moduleDone,
              total: page.moduleLessons,
            })}
          </p>
          <progress max={page.moduleLessons} value={data.moduleDone} />
          {data.completedAt
            ? <p class="done">✓ {t("lesson.completed")}</p>
            : (
              <form method="post" action={`${page.url}/complete`}>
                <CsrfField token={user.csrfToken} />
                <button type="submit">{t("lesson.mark_complete")}</button>
              </form>
            )}
        </section>
      )}
      <RenderCache id={`lesson-nav:${key}`}>
        <LessonNav prev={page.prev} next={page.next} t={t} />
      </RenderCache>
    </>
  );
  // Lesson to lesson (LessonNav's links) is a client navigation: only this
  // area is fetched and swapped, the header stays, and the address, title
  // and back button follow; without JavaScript the links load the page. A
  // Partial ships the browser runtime, so a lesson without inline checks
  // (no island, no JavaScript) goes without; the content rules give every
  // real lesson a check.
  return page.checks.length > 0
    ? <Partial name="lesson">{lesson}</Partial>
    : lesson;
}
