import type { Translate } from "@/lib/i18n/i18n.ts";
import type { MyCourse } from "@/lib/learning/my_learning.ts";

/** The learner's own progress on the home page. */
export function MyLearning(
  { courses, t }: { courses: MyCourse[]; t: Translate },
) {
  return (
    <section class="my-learning" aria-labelledby="my-learning-heading">
      <h2 id="my-learning-heading">{t("my.title")}</h2>
      {courses.map((c) => (
        <article key={c.id} class="course-card">
          <h3 class="card-title">{c.title}</h3>
          {c.resume && (
            <p>
              <a class="button" href={c.resume.url}>
                {t("learner.resume", { title: c.resume.title })}
              </a>
            </p>
          )}
          <ul class="module-progress">
            {c.modules.map((m) => (
              <li key={m.id}>
                <span>{m.title}</span>
                <progress
                  max={m.total}
                  value={m.done}
                  aria-label={t("my.lessons", { done: m.done, total: m.total })}
                />
                <span class="meta">
                  {t("my.lessons", { done: m.done, total: m.total })}
                </span>
                {m.quizUrl && (
                  <a href={m.quizUrl}>
                    {m.quiz
                      ? t("my.quiz_best", { best: m.quiz.best }) +
                        (m.quiz.passed ? " ✓" : "")
                      : t("my.quiz_todo")}
                  </a>
                )}
              </li>
            ))}
          </ul>
          <p class="meta">
            <a href={`/courses/${c.id}/scenarios`}>
              {t("scenario.list.title")}
            </a>{" "}
            · <a href={`/courses/${c.id}/drills`}>{t("drill.list.title")}</a>
          </p>
          {c.recent.length > 0 && (
            <>
              <h4>{t("my.recent")}</h4>
              <ul class="recent-scores">
                {c.recent.map((r) => (
                  <li key={r.kind + r.title}>
                    {t("learner.recent_row", {
                      title: r.title,
                      score: t("my.recent_score", {
                        best: r.best,
                        latest: r.latest,
                      }),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </article>
      ))}
    </section>
  );
}
