import { ChartFigure, figure } from "@/components/dashboard/ChartFigure.tsx";
import type { ChartSpec } from "@/lib/dashboard/chart_spec.ts";
import type { LevelFigures } from "@/lib/dashboard/kirkpatrick.ts";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";

/**
 * The four Kirkpatrick levels per cohort: a chart on a 0-100 scale with its
 * table, each level's raw figures beside, and what the results level needs.
 */
export function KirkpatrickPanel(
  { levels, t, lang }: {
    levels: LevelFigures[];
    t: Translate;
    lang: Language;
  },
) {
  const spec: ChartSpec = {
    id: "chart-levels",
    kind: "bar",
    labels: levels.map((c) => c.cohortName),
    series: [
      {
        label: t("dash.kp.l1"),
        data: levels.map((c) =>
          c.reaction === null ? null : Math.round(c.reaction * 200) / 10
        ),
      },
      { label: t("dash.kp.l2"), data: levels.map((c) => c.post) },
      { label: t("dash.kp.l3"), data: levels.map((c) => c.qa) },
      { label: t("dash.kp.l4"), data: levels.map((c) => c.results) },
    ],
    max: 100,
    lang,
    title: t("dash.kp.chart"),
  };
  return (
    <section aria-labelledby="kirkpatrick">
      <h2 id="kirkpatrick">{t("dash.kp.title")}</h2>
      <p class="meta">{t("dash.kp.lead_stores")}</p>
      <ChartFigure
        spec={spec}
        caption={t("dash.kp.chart")}
        labelHeader={t("dash.col.cohort")}
        empty={t("dash.kp.empty")}
        note={t("dash.kp.note")}
      />
      {levels.length > 0 && (
        <div
          class="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t("dash.kp.details")}
        >
          <table class="data-table" id="levels-detail">
            <caption>{t("dash.kp.details")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dash.col.cohort")}</th>
                <th scope="col">{t("dash.kp.col.reaction")}</th>
                <th scope="col">{t("dash.kp.col.gain")}</th>
                <th scope="col">{t("dash.kp.col.qa_latest")}</th>
                <th scope="col">{t("dash.kp.col.results")}</th>
              </tr>
            </thead>
            <tbody>
              {levels.map((c) => (
                <tr key={c.cohortId}>
                  <th scope="row">{c.cohortName}</th>
                  <td>
                    {c.reaction === null ? "—" : t("dash.kp.cell.reaction", {
                      mean: figure(lang, c.reaction),
                      nps: figure(lang, c.nps),
                      rate: figure(lang, c.responseRate),
                    })}
                  </td>
                  <td>
                    {c.gainN === 0 ? "—" : t("dash.kp.cell.gain", {
                      post: figure(lang, c.post),
                      gain: figure(lang, c.gain),
                      n: c.gainN,
                    })}
                  </td>
                  <td>
                    {c.qaN === 0 ? "—" : t("dash.kp.cell.qa_latest", {
                      qa: figure(lang, c.qa),
                      n: c.qaN,
                      critical: figure(lang, c.criticalRate),
                    })}
                  </td>
                  <td>{figure(lang, c.results)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {levels.every((c) => c.results === null) && (
        <p class="meta">{t("dash.kp.no_kpi")}</p>
      )}
    </section>
  );
}
