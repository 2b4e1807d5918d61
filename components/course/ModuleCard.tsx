import type { Translate } from "@/lib/i18n/i18n.ts";
import type { ModuleSummary } from "@/lib/learning/course_page.ts";

/** A module's lessons with ticks, its quiz and its practice, as one card. */
export function ModuleCard(
  { m, t, headingLevel = 2, showProgress, heading }: {
    m: ModuleSummary;
    t: Translate;
    headingLevel?: 2 | 3;
    /** A plain heading instead of the module's linked title (on its own page). */
    heading?: string;
    /** Ticks and scores are a learner's; others see the outline. */
    showProgress: boolean;
  },
) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <section class="module-card" aria-labelledby={`module-${m.id}`}>
      <H id={`module-${m.id}`}>
        {heading ?? <a href={m.url}>{m.title}</a>}
      </H>
      {showProgress && (
        <p class="meta">
          {t("learner.module.progress", { done: m.done, total: m.total })}
          <progress
            max={m.total}
            value={m.done}
            aria-label={t("learner.module.progress", {
              done: m.done,
              total: m.total,
            })}
          />
        </p>
      )}
      <ol class="lesson-ticks">
        {m.lessons.map((l) => (
          <li key={l.id} class={showProgress && l.done ? "done" : undefined}>
            <span class="tick" aria-hidden="true">
              {showProgress ? (l.done ? "✓" : "○") : "·"}
            </span>
            <a href={l.url}>{l.title}</a>
            <span class="meta">
              {t("course.lesson.minutes", { count: l.minutes })}
              {showProgress && (
                <span class="sr-only">
                  {" · "}
                  {l.done ? t("learner.module.done") : t("learner.module.todo")}
                </span>
              )}
            </span>
          </li>
        ))}
      </ol>
      <Sub>{t("learner.module.quiz")}</Sub>
      {m.quiz
        ? (
          <p>
            <a href={m.quiz.url}>{t("learner.module.quiz_open")}</a>
            {showProgress && m.quiz.best !== null && (
              <span class="meta">
                {" · "}
                {t("learner.module.quiz_best", { best: m.quiz.best })}
                {m.quiz.passed && ` · ✓ ${t("learner.module.quiz_passed")}`}
              </span>
            )}
          </p>
        )
        : <p class="meta">{t("learner.module.quiz_none")}</p>}
      <Sub>{t("learner.module.practice")}</Sub>
      {m.scenarios.length + m.drills.length === 0
        ? <p class="meta">{t("learner.module.practice_none")}</p>
        : (
          <ul class="practice-links">
            {m.scenarios.map((s) => (
              <li key={s.id}>
                <span class="meta">{t("learner.module.scenarios")}</span>{" "}
                <a href={s.url}>{s.title}</a>
                {showProgress && s.best !== null && (
                  <span class="meta">
                    {" · "}
                    {t("my.recent_score", { best: s.best, latest: s.latest! })}
                  </span>
                )}
              </li>
            ))}
            {m.drills.map((d) => (
              <li key={d.id}>
                <span class="meta">{t("learner.module.drills")}</span>{" "}
                <a href={d.url}>{d.title}</a>
                {showProgress && d.best !== null && (
                  <span class="meta">
                    {" · "}
                    {t("my.recent_score", { best: d.best, latest: d.latest! })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}
