import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { LearnerLevelCard } from "@/components/certification/LearnerLevelCard.tsx";
import { OnboardingStyles } from "@/components/certification/OnboardingStyles.tsx";
import { StandingBadge } from "@/components/team/StandingBadge.tsx";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDateTime } from "@/lib/i18n/i18n.ts";
import {
  type LearnerProgress,
  learnerProgress,
} from "@/lib/learning/team_progress.ts";
import { type LearnerLevel, learnerLevels } from "@/lib/onboarding/today.ts";

interface Data extends LearnerProgress {
  levels: LearnerLevel[];
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const { id, role } = ctx.state.user;
    const now = new Date();
    // Someone else's team's learner is "not found", like a missing one;
    // learnerProgress checks access before anything else is read.
    const progress = await learnerProgress(
      ctx.state.kv,
      { id, role },
      ctx.params.learner,
      now,
    );
    const levels = await learnerLevels(ctx.state.kv, progress.id, now);
    return ctx.render({ ...progress, levels });
  },
};

export default function LearnerPage(
  { data, state: { t, lang } }: PageProps<Data, SignedInState>,
) {
  const days = new Map<number, NonNullable<LearnerProgress["plan"]>["items"]>();
  for (const item of data.plan?.items ?? []) {
    days.set(item.day, [...(days.get(item.day) ?? []), item]);
  }
  const itemTitle = (
    i: NonNullable<LearnerProgress["plan"]>["items"][number],
  ) => i.title ?? data.titles[`${i.kind}:${i.ref}`] ?? i.ref ?? "";
  return (
    <section>
      <Head>
        <title>
          {`${t("learner.title", { name: data.name })} · ${t("app.name")}`}
        </title>
      </Head>
      <p>
        <a href="/team">← {t("learner.back")}</a>
        {" · "}
        <a href={`/dashboard/learners/${data.id}`}>{t("dash.drill")}</a>
      </p>
      <OnboardingStyles />
      <h1>{t("learner.title", { name: data.name })}</h1>
      <p class="lead">
        {data.cohort
          ? t("learner.cohort", {
            team: data.cohort.teamName,
            cohort: data.cohort.name,
            day: data.cohort.day,
          })
          : t("learner.no_cohort")}
        {data.disabled && <span class="meta">({t("team.disabled")})</span>}
      </p>
      <p>
        {data.plan && <StandingBadge standing={data.plan.standing} t={t} />}
        {" "}
        {t("learner.summary", {
          lessons: data.lessonsDone,
          lessonsTotal: data.lessonsTotal,
          quizzes: data.quizzesPassed,
          quizzesTotal: data.quizzesTotal,
        })}
        {data.lastActiveAt && (
          <span class="meta">
            {" · "}
            {t("learner.last", {
              when: formatDateTime(lang, data.lastActiveAt),
            })}
          </span>
        )}
      </p>

      <p>
        <a href={`/evaluation/learners/${data.id}`}>
          {t("evaluator.link.agent")}
        </a>
      </p>

      <h2>{t("onboarding.learner.certification")}</h2>
      {data.levels.length === 0 && (
        <p class="meta">{t("onboarding.learner.none")}</p>
      )}
      {data.levels.map((l) => (
        <LearnerLevelCard key={l.level.id} level={l} lang={lang} t={t} />
      ))}

      <h2>{t("learner.modules")}</h2>
      <ul class="module-progress">
        {data.modules.map((m) => (
          <li key={m.id}>
            <span>{m.title}</span>
            <progress
              max={m.total}
              value={m.done}
              aria-label={`${m.done} / ${m.total}`}
            />
            <span class="meta">{m.done} / {m.total}</span>
          </li>
        ))}
      </ul>

      <h2>{t("learner.practice")}</h2>
      {data.practice.length === 0
        ? <p class="meta">{t("learner.practice_empty")}</p>
        : (
          <ul class="practice-list">
            {data.practice.map((p) => (
              <li key={`${p.kind}:${p.id}`}>
                <span class="meta">{t(`plan.kind.${p.kind}`)}</span> {p.title}:
                {" "}
                {t("learner.practice_row", {
                  best: p.best,
                  latest: p.latest,
                  count: p.count,
                })}
                {p.passed ? " ✓" : ""}
              </li>
            ))}
          </ul>
        )}

      <h2>{t("learner.plan")}</h2>
      {!data.plan
        ? (
          <p class="meta">
            {data.cohort ? t("learner.plan_none") : t("learner.no_cohort")}
          </p>
        )
        : (
          <ol class="plan-days">
            {[...days].map(([day, items]) => (
              <li
                key={day}
                class={day === data.plan!.day ? "plan-day today" : "plan-day"}
              >
                <h3>{t("learner.plan_day", { day })}</h3>
                <ul>
                  {items.map((i, n) => (
                    <li key={n} class={`plan-item plan-${i.state}`}>
                      <span class="meta">{t(`plan.kind.${i.kind}`)}</span>{" "}
                      {itemTitle(i)}
                      {" — "}
                      <span class="plan-state">
                        {t(`plan.state.${i.state}`)}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
    </section>
  );
}
