import { EmptyState } from "@/components/EmptyState.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { MentoredCohort } from "@/lib/home/mentor_home.ts";

/** The mentor's home: the cohorts they accompany and their learners. */
export function MentorHome(
  { cohorts, t }: { cohorts: MentoredCohort[]; t: Translate },
) {
  return (
    <section aria-labelledby="mentor-heading">
      <h1 id="mentor-heading">{t("home.mentor.title")}</h1>
      <p class="lead">{t("home.mentor.lead")}</p>
      <p>
        <a class="button" href="/mentor">{t("home.mentor.queue")}</a>
      </p>
      {cohorts.length === 0 && (
        <EmptyState title={t("home.mentor.empty.title")}>
          {t("home.mentor.empty.body")}
        </EmptyState>
      )}
      {cohorts.map((c) => (
        <article key={c.id} class="cohort">
          <header class="cohort-head">
            <h2>{c.name}</h2>
            <span class="meta">
              {c.teamName} · {t("team.day", { day: c.day, total: 30 })}
            </span>
          </header>
          {c.mentees.length === 0
            ? <p class="meta">{t("team.no_members")}</p>
            : (
              <ul class="home-list">
                {c.mentees.map((m) => (
                  <li key={m.id}>
                    <a href={`/dashboard/learners/${m.id}`}>{m.name}</a>
                    {" · "}
                    <a href={`/evaluation/learners/${m.id}`}>
                      {t("dd.mentor.on_job")}
                    </a>
                  </li>
                ))}
              </ul>
            )}
        </article>
      ))}
    </section>
  );
}
