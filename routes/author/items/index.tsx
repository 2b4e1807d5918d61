import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { EmptyState } from "@/components/EmptyState.tsx";
import { ItemCard, percent } from "@/components/items/ItemCard.tsx";
import { listCourseViews } from "@/lib/content/course_view.ts";
import { type ItemReport, itemReport } from "@/lib/analytics/item_report.ts";
import type { SignedInState } from "@/lib/http/state.ts";

/** Below this many attempts the figures carry a warning (item_analysis.ts default). */
const MIN_N = 10;

interface Data {
  report: ItemReport | null;
}

export const handler: Handlers<Data, SignedInState> = {
  async GET(_req, ctx) {
    const q = ctx.url.searchParams;
    const courses = await listCourseViews(ctx.state.kv);
    const course = courses.find((c) => c.id === q.get("course"))?.id ??
      courses[0]?.id;
    const report = course
      ? await itemReport(
        ctx.state.kv,
        course,
        q.get("quiz"),
        q.get("attempts") === "all" ? "all" : "first",
      )
      : null;
    return ctx.render({ report });
  },
};

export default function ItemsPage(
  { data: { report }, state: { t } }: PageProps<Data, SignedInState>,
) {
  return (
    <section class="items-page">
      <Head>
        <title>{`${t("items.title")} · ${t("app.name")}`}</title>
      </Head>
      <h1>{t("items.title")}</h1>
      <p class="lead">{t("items.lead")}</p>
      {!report && <EmptyState title={t("items.no_course")} />}
      {report && (
        <>
          <form method="get" class="stack items-filter">
            <input type="hidden" name="course" value={report.courseId} />
            <label for="items-quiz">{t("items.assessment")}</label>
            <select id="items-quiz" name="quiz">
              {report.assessments.map((a) => (
                <option
                  key={a.key}
                  value={a.key}
                  selected={a.key === report.assessment?.key}
                >
                  {`${t(`items.kind.${a.kind}`)}：${a.title}`}
                </option>
              ))}
            </select>
            <fieldset>
              <legend class="sr-only">{t("items.which")}</legend>
              {(["first", "all"] as const).map((w) => (
                <label key={w} class="check-option">
                  <input
                    type="radio"
                    name="attempts"
                    value={w}
                    checked={report.attempts === w}
                  />{" "}
                  {t(`items.${w}`)}
                </label>
              ))}
            </fieldset>
            <p class="actions">
              <button type="submit">{t("items.show")}</button>
            </p>
          </form>
          {report.assessment && report.quiz && report.quiz.attempts > 0
            ? (
              <section aria-labelledby="items-quiz-heading">
                <h2 id="items-quiz-heading">{report.assessment.title}</h2>
                <p>
                  {t("items.quiz.summary", {
                    attempts: report.quiz.attempts,
                    mean: percent(t, report.quiz.mean),
                    slots: report.quiz.slots ?? 0,
                  })}
                </p>
                <p>
                  {report.quiz.alpha === null
                    ? t("items.alpha_none")
                    : t("items.alpha", { alpha: report.quiz.alpha })}
                </p>
                {report.quiz.nTooSmall && (
                  <p class="notice" role="note">
                    {t("items.n_small", {
                      n: report.quiz.attempts,
                      min: MIN_N,
                    })}
                  </p>
                )}
                {report.items.map((row) => (
                  <ItemCard key={row.stats.item} row={row} t={t} minN={MIN_N} />
                ))}
              </section>
            )
            : <EmptyState title={t("items.none")} />}
        </>
      )}
    </section>
  );
}
