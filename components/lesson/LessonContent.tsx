import { Fragment } from "preact";
import { Head } from "$fresh/runtime.ts";
import { SanitizedHtml } from "@/components/SanitizedHtml.tsx";
import InlineCheck from "@/islands/InlineCheck.tsx";
import type { LessonPage } from "@/lib/learning/lesson_page.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import { checkLabels } from "@/lib/quiz/check_labels.ts";

/**
 * The part of a lesson page that depends only on the course version and the
 * language, so the route can cache its HTML; the learner's own part (mark
 * complete, progress) and the lesson navigation come after it.
 */
export function LessonContent({ page, t }: { page: LessonPage; t: Translate }) {
  const labels = checkLabels(t);
  return (
    <>
      <Head>
        <title>
          {`${page.lesson.title} · ${page.courseTitle} · ${t("app.name")}`}
        </title>
      </Head>
      <nav aria-label={t("course.modules")}>
        <ol class="breadcrumbs">
          <li>
            <a href={`/courses/${page.courseId}`}>{page.courseTitle}</a>
          </li>
          <li>
            <a href={`/courses/${page.courseId}/${page.moduleId}`}>
              {page.moduleTitle}
            </a>
          </li>
          <li aria-current="page">{page.position} / {page.moduleLessons}</li>
        </ol>
      </nav>
      <h1>{page.lesson.title}</h1>
      <p class="lesson-meta">
        <span>
          {t("course.lesson.minutes", { count: page.lesson.minutes })}
        </span>
        {page.checks.length > 0 && (
          <span>
            {t("course.lesson.checks", { count: page.checks.length })}
          </span>
        )}
      </p>
      <div class="lesson-layout">
        <article class="lesson-main">
          <section class="objectives" aria-labelledby="objectives-heading">
            <h2 id="objectives-heading">{t("course.lesson.objectives")}</h2>
            <ul>
              {page.lesson.objectives.map((o, i) => <li key={i}>{o}</li>)}
            </ul>
          </section>
          <div class="lesson-body">
            {page.parts.map((html, i) => (
              <Fragment key={i}>
                <SanitizedHtml class="lesson-part" html={html} />
                {page.checks[i] && (
                  <InlineCheck
                    action={`${page.url}/checks/${page.checks[i].index}`}
                    question={page.checks[i].question}
                    labels={labels}
                    index={page.checks[i].index}
                  />
                )}
              </Fragment>
            ))}
          </div>
        </article>
        {page.toc.length > 0 && (
          <aside class="lesson-aside">
            <nav class="toc" aria-labelledby="toc-heading">
              <h2 id="toc-heading">{t("course.lesson.toc")}</h2>
              <ol>
                {page.toc.map((e) => (
                  <li key={e.id} class={`toc-${e.level}`}>
                    <a href={`#${e.id}`}>{e.text}</a>
                  </li>
                ))}
              </ol>
            </nav>
          </aside>
        )}
      </div>
    </>
  );
}
