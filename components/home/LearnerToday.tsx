import { loopMovement } from "@/components/evaluation/agent_tables.ts";
import { CertificationExplanation } from "@/components/certification/CertificationExplanation.tsx";
import { CertificateSummary } from "@/components/certification/CertificateSummary.tsx";
import { levelName } from "@/lib/certification/levels.ts";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";
import {
  itemLink,
  missingTitles,
  type TodayView,
} from "@/lib/onboarding/today.ts";
import type { PlanItemStanding } from "@/lib/onboarding/plan_standing.ts";

function ItemList(
  { items, data, t }: {
    items: PlanItemStanding[];
    data: TodayView;
    t: Translate;
  },
) {
  return (
    <ul class="plan-list">
      {items.map((item, i) => {
        const link = itemLink(data.record, item);
        return (
          <li key={`${item.kind}:${item.ref ?? item.title}:${i}`}>
            <span class="meta">{t(`onboarding.kind.${item.kind}`)}</span>{" "}
            {link.href ? <a href={link.href}>{link.title}</a> : link.title}
            {" · "}
            <span class="state-word">
              {t(`onboarding.item.${item.state}`)}
            </span>
            {(item.kind === "shadowing" || item.kind === "milestone") &&
              item.state !== "done" && (
              <span class="meta">{t("onboarding.item.mentor_confirms")}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Practice the QA loop assigned, with whether later reviews moved. */
function QaPractice(
  { practice, t }: { practice: TodayView["practice"]; t: Translate },
) {
  return (
    <section class="card" data-testid="qa-practice">
      <h3>{t("evaluator.today.title")}</h3>
      <p class="meta">{t("evaluator.today.lead")}</p>
      <ul class="plan-list">
        {practice.map((p) => (
          <li key={p.criterionId}>
            {p.criterion}
            {p.practice.map((x) => (
              <span key={x.href}>
                {" · "}
                <a href={x.href}>{x.title}</a>
              </span>
            ))}
            {" · "}
            <span class="state-word">
              {loopMovement(t, p)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The learner's Today: plan day, due, overdue, next, standing, certification. */
export function LearnerToday(
  { data, t, lang }: { data: TodayView; t: Translate; lang: Language },
) {
  const s = data.record.standing;
  return (
    <section aria-labelledby="today-heading" class="today">
      <h2 id="today-heading">
        {data.started
          ? data.finished
            ? t("onboarding.today.finished")
            : t("onboarding.today.day", { day: data.day })
          : t("onboarding.today.not_started", {
            date: data.record.cohort?.startDate ?? "",
          })}
        {data.dayTitle && !data.finished ? ` · ${data.dayTitle}` : ""}
      </h2>
      <p class={`standing standing-${s.standing}`} data-standing={s.standing}>
        {t(`standing.${s.standing}`)}
        {" · "}
        {t("onboarding.today.progress", {
          done: s.done,
          due: s.dueByToday,
          overdue: s.overdue,
        })}
      </p>
      {data.levels.map((l) =>
        l.renewInDays !== null && (
          <p class="notice" role="status" key={`renew-${l.level.id}`}>
            {t("onboarding.today.renew", {
              level: levelName(l.level, lang),
              days: l.renewInDays,
            })}
          </p>
        )
      )}
      {data.started && !data.finished && (
        data.restDay ? <p class="card">{t("onboarding.today.rest")}</p> : (
          <>
            <h3>{t("onboarding.today.due")}</h3>
            {data.dueToday.length === 0
              ? <p class="meta">{t("onboarding.today.nothing_due")}</p>
              : <ItemList items={data.dueToday} data={data} t={t} />}
          </>
        )
      )}
      {data.practice.length > 0 && (
        <QaPractice
          practice={data.practice}
          t={t}
        />
      )}
      <h3>{t("onboarding.today.overdue")}</h3>
      {data.overdue.length === 0
        ? <p class="meta">{t("onboarding.today.no_overdue")}</p>
        : <ItemList items={data.overdue} data={data} t={t} />}
      {data.next && (
        <>
          <h3>{t("onboarding.today.next", { day: data.next.day })}</h3>
          <ItemList items={data.next.items} data={data} t={t} />
        </>
      )}
      <h3>{t("onboarding.today.certification")}</h3>
      {data.levels.map((l) => (
        <div class="card" key={l.level.id}>
          <h4>{levelName(l.level, lang)}</h4>
          {l.certificate && l.status && (
            <CertificateSummary
              certificate={l.certificate}
              status={l.status}
              lang={lang}
              t={t}
            />
          )}
          {(!l.certificate || l.status !== "valid" ||
            l.renewInDays !== null) && (
            <>
              <p class="meta">
                {l.explanation.eligible
                  ? t("onboarding.today.eligible")
                  : t("onboarding.today.missing_intro")}
              </p>
              <CertificationExplanation
                explanation={l.explanation}
                missing={l.explanation.criteria.map((c) =>
                  missingTitles(data.record, c)
                )}
                t={t}
              />
            </>
          )}
        </div>
      ))}
    </section>
  );
}
