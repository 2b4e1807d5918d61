import type { DashboardFilters } from "@/lib/dashboard/filters.ts";
import { filterQuery } from "@/lib/dashboard/filters.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

const TABLES = ["members", "progress", "funnel", "certification"] as const;

/**
 * The cohort dashboard's downloads under its filters: each table as CSV,
 * and the xAPI statements of the selected cohorts for a range of record
 * dates (a GET form, so the export's URL can be shared like the page's).
 */
export function ExportList(
  { filters, t, url }: {
    filters: DashboardFilters;
    t: Translate;
    /** The page's URL: a refused xAPI form comes back with `xapi=<field>`. */
    url: URL;
  },
) {
  const q = filterQuery(filters);
  const problem = url.searchParams.get("xapi");
  const bad = (field: "since" | "until") =>
    problem === field || (field === "until" && problem === "range");
  const typed = (field: "since" | "until") =>
    problem ? url.searchParams.get(field) ?? undefined : undefined;
  return (
    <>
      <h2 id="exports">{t("dash.exports")}</h2>
      <p class="meta">{t("dash.exports.lead")}</p>
      <ul class="export-list">
        {TABLES.map((table) => (
          <li key={table}>
            <a href={`/dashboard/export/${table}${q}`} download>
              {t("dash.csv.named", { table: t(`dash.export.${table}`) })}
            </a>
          </li>
        ))}
        <li>
          <a href={`/dashboard/xapi${q}`} download>
            {t("dash.export.xapi")}
          </a>
        </li>
      </ul>
      <form
        method="get"
        action="/dashboard/xapi"
        class="dash-filters"
        id="xapi-form"
        aria-labelledby="xapi-heading"
      >
        <h3 id="xapi-heading">{t("dp.xapi.title")}</h3>
        <p class="meta">{t("dp.xapi.lead")}</p>
        {(problem === "since" || problem === "until" || problem === "range") &&
          (
            <p class="dash-problems" role="alert" id="xapi-problem">
              {t(`dp.xapi.bad_${problem}`)}
            </p>
          )}
        {(["team", "cohort", "from", "to", "level"] as const).map((k) =>
          filters[k] && (
            <input key={k} type="hidden" name={k} value={filters[k]} />
          )
        )}
        {(["since", "until"] as const).map((k) => (
          <label key={k}>
            {t(`dp.xapi.${k}`)}
            <input
              type="date"
              name={k}
              id={`xapi-${k}`}
              value={typed(k)}
              aria-invalid={bad(k) ? "true" : undefined}
              aria-describedby={bad(k) ? "xapi-problem" : undefined}
            />
          </label>
        ))}
        <div class="actions">
          <button type="submit">{t("dp.xapi.submit")}</button>
        </div>
      </form>
    </>
  );
}
