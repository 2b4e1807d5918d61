import { Fragment } from "preact";
import { renderToString } from "preact-render-to-string";
import { SanitizedHtml } from "@/components/SanitizedHtml.tsx";
import InlineCheck from "@/islands/InlineCheck.tsx";
import type { LessonPreview as Preview } from "@/lib/authoring/editor_check.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import { checkLabels } from "@/lib/quiz/check_labels.ts";

/**
 * A lesson draft as the lesson page shows it to learners: title, objectives,
 * the body from the same renderer and sanitizer, and each inline check with
 * the learner's own check component (not graded here: it has no answer URL
 * to post to).
 */
export function LessonPreview(
  { preview, t }: { preview: Preview; t: Translate },
) {
  const labels = checkLabels(t);
  const lesson = preview.frontmatter;
  return (
    <div class="lesson-preview">
      {lesson && (
        <>
          <h2 class="preview-title">{lesson.title}</h2>
          <p class="lesson-meta">
            <span>
              {t("course.lesson.minutes", { count: lesson.minutes })}
            </span>
          </p>
          <section class="objectives">
            <h3>{t("course.lesson.objectives")}</h3>
            <ul>{lesson.objectives.map((o, i) => <li key={i}>{o}</li>)}</ul>
          </section>
        </>
      )}
      <div class="lesson-body">
        {preview.parts.map((html, i) => (
          <Fragment key={i}>
            <SanitizedHtml class="lesson-part" html={html} />
            {preview.checks[i] && (
              <InlineCheck
                action=""
                question={preview.checks[i].question}
                labels={labels}
                index={preview.checks[i].index}
              />
            )}
          </Fragment>
        ))}
      </div>
    </div>
  );
}

/** The preview as an HTML string, for the editor to swap in while the trainer types. */
export function lessonPreviewHtml(preview: Preview, t: Translate): string {
  return renderToString(<LessonPreview preview={preview} t={t} />);
}
