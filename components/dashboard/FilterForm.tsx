import type { DashboardFilters } from "@/lib/dashboard/filters.ts";
import type { FilterProblem } from "@/lib/dashboard/filters.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/** The filter options a page offers. */
export interface FilterOptions {
  teams: { id: string; name: string }[];
  cohorts: { id: string; name: string; teamId: string }[];
  levels: { id: string; title: string; titleEn: string }[];
}

/**
 * Team, cohort, date range and level as a GET form, so every filter lands
 * in the URL and a view can be shared; bad values are named above it.
 */
export function FilterForm(props: {
  action: string;
  filters: DashboardFilters;
  problems: FilterProblem[];
  options: FilterOptions;
  lang: string;
  t: Translate;
  /** Which filters this page offers. */
  fields?: readonly ("team" | "cohort" | "from" | "to" | "level")[];
}) {
  const { t, filters, options } = props;
  const fields = new Set(
    props.fields ?? ["team", "cohort", "from", "to", "level"],
  );
  const label = (f: FilterProblem["field"]) => t(`dash.filter.${f}`);
  return (
    <>
      {props.problems.length > 0 && (
        <ul class="dash-problems" role="alert">
          {props.problems.map((p) => (
            <li key={p.field}>
              {t(
                p.code === "range"
                  ? "dash.filter.range"
                  : "dash.filter.invalid",
                {
                  field: label(p.field),
                },
              )}
            </li>
          ))}
        </ul>
      )}
      <form method="get" action={props.action} class="dash-filters">
        {fields.has("team") && options.teams.length > 1 && (
          <label>
            {t("dash.filter.team")}
            <select name="team">
              <option value="">{t("dash.filter.all")}</option>
              {options.teams.map((x) => (
                <option
                  key={x.id}
                  value={x.id}
                  selected={filters.team === x.id}
                >
                  {x.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {fields.has("cohort") && (
          <label>
            {t("dash.filter.cohort")}
            <select name="cohort" id="filter-cohort">
              <option value="">{t("dash.filter.all")}</option>
              {options.cohorts.map((x) => (
                <option
                  key={x.id}
                  value={x.id}
                  selected={filters.cohort === x.id}
                >
                  {x.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {fields.has("from") && (
          <label>
            {t("dash.filter.from")}
            <input type="date" name="from" value={filters.from ?? ""} />
          </label>
        )}
        {fields.has("to") && (
          <label>
            {t("dash.filter.to")}
            <input type="date" name="to" value={filters.to ?? ""} />
          </label>
        )}
        {fields.has("level") && options.levels.length > 0 && (
          <label>
            {t("dash.filter.level")}
            <select name="level">
              {options.levels.map((x) => (
                <option
                  key={x.id}
                  value={x.id}
                  selected={filters.level === x.id}
                >
                  {props.lang === "en" ? x.titleEn : x.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <div class="actions">
          <button type="submit">{t("dash.filter.apply")}</button>
          <a href={props.action}>{t("dash.filter.reset")}</a>
        </div>
      </form>
    </>
  );
}
