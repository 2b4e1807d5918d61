import { Head } from "$fresh/runtime.ts";
import type { Handlers, PageProps } from "$fresh/server.ts";
import { EmptyState } from "@/components/EmptyState.tsx";
import { AttentionTable } from "@/components/dashboard/AttentionTable.tsx";
import { ChartFigure } from "@/components/dashboard/ChartFigure.tsx";
import { DashboardStyles } from "@/components/dashboard/DashboardStyles.tsx";
import { ExportList } from "@/components/dashboard/ExportList.tsx";
import { FilterForm } from "@/components/dashboard/FilterForm.tsx";
import { KirkpatrickPanel } from "@/components/dashboard/KirkpatrickPanel.tsx";
import {
  StandingBadge,
  standingCounts,
} from "@/components/team/StandingBadge.tsx";
import type { ChartSpec } from "@/lib/dashboard/chart_spec.ts";
import {
  type CohortDashboard,
  cohortDashboard,
  type CohortSummary,
} from "@/lib/dashboard/cohort_dashboard.ts";
import {
  type DashboardFilters,
  type FilterProblem,
  filterQuery,
  parseFilters,
} from "@/lib/dashboard/filters.ts";
import { FUNNEL_STAGES } from "@/lib/dashboard/funnel.ts";
import type { SignedInState } from "@/lib/http/state.ts";
import { formatDate, formatDateTime, type Translate } from "@/lib/i18n/i18n.ts";

interface Data {
  dashboard: CohortDashboard;
  filters: DashboardFilters;
  problems: FilterProblem[];
  /** Page of the learners table (1-based). */
  page: number;
}

/** Learners per page of the table (every learner is in the CSV export). */
const PAGE_SIZE = 50;
/** Learners needing attention listed on the page (all of them in the CSV). */
const ATTENTION_SHOWN = 50;

export const handler: Handlers<Data, SignedInState> = {
  async GET(req, ctx) {
    const params = new URL(req.url).searchParams;
    const { filters, problems } = parseFilters(params);
    const page = Math.max(1, Math.floor(Number(params.get("page")) || 1));
    const { id, role } = ctx.state.user;
    const dashboard = await cohortDashboard(
      ctx.state.kv,
      { id, role },
      filters,
      new Date(),
    );
    return ctx.render({ dashboard, filters, problems, page });
  },
};

function dayText(c: CohortSummary, t: Translate, lang: "zh-CN" | "en") {
  if (c.day < 1) {
    return t("dash.cohort.before", {
      date: formatDate(lang, new Date(`${c.startDate}T00:00:00+08:00`)),
    });
  }
  if (c.day > c.planDays) return t("dash.cohort.after");
  return t("dash.cohort.day", { day: c.day, total: c.planDays });
}

export default function DashboardPage(
  { data, url, state: { t, lang } }: PageProps<Data, SignedInState>,
) {
  const { dashboard: d, filters } = data;
  const q = filterQuery(filters);
  const exportHref = (table: string) => `/dashboard/export/${table}${q}`;
  const names = d.cohorts.map((c) => c.name);
  const progress: ChartSpec = {
    id: "chart-progress",
    kind: "bar",
    labels: names,
    series: [
      {
        label: t("dash.chart.progress.planned"),
        data: d.cohorts.map((c) => c.plannedPercent),
      },
      {
        label: t("dash.chart.progress.done"),
        data: d.cohorts.map((c) => c.donePercent),
      },
    ],
    max: 100,
    lang,
    title: t("dash.chart.progress"),
  };
  const standing: ChartSpec = {
    id: "chart-standing",
    kind: "bar",
    stacked: true,
    labels: names,
    series: (["on-track", "behind", "at-risk"] as const).map((s) => ({
      label: t(`standing.${s}`),
      data: d.cohorts.map((c) => c.counts[s]),
    })),
    lang,
    title: t("dash.chart.standing"),
  };
  const levelName = d.level
    ? (lang === "en" ? d.level.titleEn : d.level.title)
    : "";
  const funnel: ChartSpec = {
    id: "chart-funnel",
    kind: "bar",
    horizontal: true,
    labels: FUNNEL_STAGES.map((s) => t(`dash.funnel.${s}`)),
    series: [{
      label: t("dash.chart.funnel.count"),
      data: FUNNEL_STAGES.map((s) => d.funnel[s]),
    }],
    lang,
    title: t("dash.chart.funnel", { level: levelName }),
  };
  const csvLabel = (table: "progress" | "funnel" | "members") =>
    t("dash.csv.named", { table: t(`dash.export.${table}`) });
  // The standing chart's counts sit in the progress CSV beside the plan.
  const charts: {
    spec: ChartSpec;
    labelHeader: string;
    csv: "progress" | "funnel";
    note?: string;
  }[] = [
    { spec: progress, labelHeader: t("dash.col.cohort"), csv: "progress" },
    { spec: standing, labelHeader: t("dash.col.cohort"), csv: "progress" },
    {
      spec: funnel,
      labelHeader: t("dash.col.stage"),
      csv: "funnel",
      note: t("dash.chart.funnel.note"),
    },
  ];
  const learnerHref = (id: string) => `/dashboard/learners/${id}`;
  const pages = Math.max(1, Math.ceil(d.members.length / PAGE_SIZE));
  const page = Math.min(data.page, pages);
  const rows = d.members.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const pageHref = (n: number) =>
    `/dashboard${filterQuery(filters, { page: String(n) })}#members`;
  return (
    <section>
      <Head>
        <title>{`${t("dash.title")} · ${t("app.name")}`}</title>
      </Head>
      <DashboardStyles />
      <h1>{t("dash.title")}</h1>
      <p class="lead">{t("dash.lead")}</p>
      {d.options.cohorts.length === 0
        ? (
          <EmptyState title={t("dash.empty.scope.title")}>
            {t("dash.empty.scope.body")}
          </EmptyState>
        )
        : (
          <>
            <FilterForm
              action="/dashboard"
              filters={filters}
              problems={data.problems}
              options={d.options}
              lang={lang}
              t={t}
            />
            {d.cohorts.length === 0
              ? (
                <EmptyState title={t("dash.empty.filter.title")}>
                  {t("dash.empty.filter.body")}
                </EmptyState>
              )
              : (
                <>
                  <h2>{t("dash.cohorts")}</h2>
                  <ul class="cohort-cards" id="cohort-cards">
                    {d.cohorts.map((c) => (
                      <li class="cohort-card" key={c.id}>
                        <h3>{c.name}</h3>
                        <p class="meta">
                          {t("dash.cohort.meta", {
                            team: c.teamName,
                            members: c.members,
                            day: dayText(c, t, lang),
                          })}
                        </p>
                        <p>
                          {t("dash.cohort.progress", {
                            planned: c.plannedPercent,
                            done: c.donePercent,
                          })}
                        </p>
                        <p class="meta">
                          {standingCounts(t, c.counts)}
                        </p>
                      </li>
                    ))}
                  </ul>
                  {charts.map((c) => (
                    <ChartFigure
                      key={c.spec.id}
                      spec={c.spec}
                      caption={c.spec.title}
                      labelHeader={c.labelHeader}
                      empty={t("dash.no_chart")}
                      note={c.note}
                      csvHref={exportHref(c.csv)}
                      csvLabel={csvLabel(c.csv)}
                    />
                  ))}
                  <KirkpatrickPanel
                    panel={d.panel}
                    t={t}
                    lang={lang}
                    filters={filters}
                    teamName={(id) =>
                      d.options.teams.find((x) => x.id === id)?.name ?? id}
                  />
                  <h2 id="attention">{t("dash.attention")}</h2>
                  <AttentionTable
                    lines={d.attention.slice(0, ATTENTION_SHOWN)}
                    t={t}
                    hrefOf={learnerHref}
                  />
                  {d.attention.length > ATTENTION_SHOWN && (
                    <p class="meta">
                      {t("dash.attention.more", {
                        count: d.attention.length - ATTENTION_SHOWN,
                      })}{" "}
                      <a href={exportHref("members")} download>
                        {csvLabel("members")}
                      </a>
                    </p>
                  )}
                  <h2 id="members">{t("dash.members")}</h2>
                  {d.members.length === 0
                    ? <p class="meta">{t("dash.members.none")}</p>
                    : (
                      <div
                        class="table-wrap"
                        tabIndex={0}
                        role="region"
                        aria-labelledby="members"
                      >
                        <table class="data-table" id="members-table">
                          <thead>
                            <tr>
                              <th scope="col">{t("dash.col.name")}</th>
                              <th scope="col">{t("dash.col.cohort")}</th>
                              <th scope="col">{t("dash.col.standing")}</th>
                              <th scope="col">{t("dash.col.done")}</th>
                              <th scope="col">{t("dash.col.due")}</th>
                              <th scope="col">{t("dash.col.overdue")}</th>
                              <th scope="col">{t("dash.col.quizzes")}</th>
                              <th scope="col">{t("dash.col.last")}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {rows.map((m) => (
                              <tr key={`${m.cohortId}:${m.learnerId}`}>
                                <th scope="row">
                                  <a href={learnerHref(m.learnerId)}>
                                    {m.name || m.learnerId}
                                  </a>
                                </th>
                                <td>{m.cohortName}</td>
                                <td>
                                  <StandingBadge standing={m.standing} t={t} />
                                </td>
                                <td>{m.done}</td>
                                <td>{m.due}</td>
                                <td>{m.overdue}</td>
                                <td>{m.quizzesPassed}</td>
                                <td>
                                  {m.lastActiveAt
                                    ? formatDateTime(lang, m.lastActiveAt)
                                    : t("dash.never")}
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    )}
                  {pages > 1 && (
                    <nav class="pager" aria-label={t("dash.pages")}>
                      {page > 1 && (
                        <a href={pageHref(page - 1)} rel="prev">
                          {t("dash.page.prev")}
                        </a>
                      )}
                      <span class="meta">
                        {t("dash.page.of", { page, pages })}
                      </span>
                      {page < pages && (
                        <a href={pageHref(page + 1)} rel="next">
                          {t("dash.page.next")}
                        </a>
                      )}
                    </nav>
                  )}
                  <ExportList filters={filters} t={t} url={url} />
                </>
              )}
          </>
        )}
    </section>
  );
}
