/**
 * The Kirkpatrick panel's tables as `TableData` (./table_data.ts), built
 * once for the page (components/dashboard/KirkpatrickPanel.tsx) and for the
 * CSV export (routes/dashboard/export/[table].ts), so a download holds
 * exactly the numbers on the screen. Numbers are rounded here to the one
 * decimal the page shows, in the unit the header names (rates as percent);
 * text is translated with the page language.
 */
import type {
  CHECKPOINTS,
  KirkpatrickPanel,
} from "@/lib/dashboard/kirkpatrick.ts";
import { DID_METRICS, KPI_METRICS } from "@/lib/evaluation/kpi.ts";
import type { Interval } from "@/lib/evaluation/formulas.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { TableCell, TableData } from "./table_data.ts";

/** The panel's tables, by id (the CSV route's `table` parameter). */
export const PANEL_TABLES = [
  "kp-reaction",
  "kp-learning",
  "kp-mastery",
  "kp-qa",
  "kp-behaviour",
  "kp-months",
  "kp-did",
  "kp-leading",
  "kp-correlation",
] as const;
/** A panel table id. */
export type PanelTableId = typeof PANEL_TABLES[number];

/** True for a panel table id. */
export function isPanelTable(id: string): id is PanelTableId {
  return (PANEL_TABLES as readonly string[]).includes(id);
}

const row = (cells: TableCell[]) => ({ cells });

/** Rounds to `digits` decimals; null stays null. */
export function rounded(
  x: number | null | undefined,
  digits = 1,
): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  // `|| 0` turns -0 (a small negative change rounded away) into 0, not "-0".
  return Math.round(x * f) / f || 0;
}

/** A 0-1 rate as a percent with one decimal. */
export const percent = (x: number | null | undefined): number | null =>
  x === null || x === undefined ? null : rounded(x * 100);

/** Every table of the panel, in page order. */
export function panelTables(
  panel: KirkpatrickPanel,
  t: Translate,
  teamName: (teamId: string) => string,
): Record<PanelTableId, TableData> {
  const cohorts = panel.cohorts;
  const cp = (c: typeof CHECKPOINTS[number]) => t(`evaluator.checkpoint.${c}`);
  const interval = (i: Interval | null, digits = 1) =>
    i
      ? t("kp.interval", {
        low: String(rounded(i.low, digits)),
        high: String(rounded(i.high, digits)),
      })
      : null;
  const skills = [
    ...new Map(
      cohorts.flatMap((c) => c.learning.skills.map((s) => [s.skill, s.title])),
    ),
  ];
  const months = (teamId: string) =>
    panel.teams.find((x) => x.teamId === teamId)?.series ?? [];
  const raw: Record<
    PanelTableId,
    { caption: string; header: string[]; rows: TableCell[][] }
  > = {
    "kp-reaction": {
      caption: t("kp.l1.table"),
      header: [
        t("kp.col.cohort"),
        t("kp.col.survey"),
        t("kp.col.respondents"),
        t("kp.l1.rate"),
        t("kp.col.likert"),
        t("kp.l1.nps"),
        t("kp.col.low"),
        t("kp.col.state"),
      ],
      rows: cohorts.flatMap((c) =>
        c.reaction.surveys.map((s) => [
          c.cohortName,
          s.title,
          s.respondents,
          percent(s.responseRate),
          rounded(s.likert),
          rounded(s.nps),
          s.low.join(t("onboarding.list_sep")) || null,
          s.shown
            ? t("kp.state.shown")
            : t("kp.state.waiting", { n: s.respondents, need: s.minN }),
        ])
      ),
    },
    "kp-learning": {
      caption: t("kp.l2.table"),
      header: [
        t("kp.col.cohort"),
        t("kp.l2.pre"),
        t("kp.l2.post"),
        t("kp.l2.gain"),
        t("kp.col.gain_n"),
        t("kp.l2.score"),
        t("kp.col.score_n"),
        t("kp.col.over"),
        t("kp.col.under"),
      ],
      rows: cohorts.map((c) => [
        c.cohortName,
        rounded(c.learning.pre),
        rounded(c.learning.post),
        percent(c.learning.gain),
        c.learning.gainN,
        rounded(c.learning.score),
        c.learning.scoreN,
        c.learning.overconfident,
        c.learning.underconfident,
      ]),
    },
    "kp-mastery": {
      caption: t("kp.l2.mastery"),
      header: [t("kp.col.skill"), ...cohorts.map((c) => c.cohortName)],
      rows: skills.map(([skill, title]) => [
        title,
        ...cohorts.map((c) =>
          rounded(c.learning.skills.find((s) => s.skill === skill)?.mean)
        ),
      ]),
    },
    "kp-qa": {
      caption: t("kp.l3.table"),
      header: [
        t("kp.col.cohort"),
        t("kp.col.checkpoint"),
        t("kp.col.n"),
        t("kp.col.qa_mean"),
        t("kp.col.interval"),
        t("kp.col.pass"),
        t("kp.col.critical"),
      ],
      rows: cohorts.flatMap((c) =>
        c.behaviour.qa.map((q) => [
          c.cohortName,
          cp(q.checkpoint),
          q.n,
          rounded(q.mean),
          interval(q.interval),
          percent(q.passRate),
          percent(q.criticalFailRate),
        ])
      ),
    },
    "kp-behaviour": {
      caption: t("kp.l3.kpi_table"),
      header: [
        t("kp.col.cohort"),
        t("kp.col.before_month"),
        t("kp.col.attain_before"),
        t("kp.col.after_month"),
        t("kp.col.attain_after"),
        t("kp.col.behaviour"),
        t("kp.col.drivers"),
      ],
      rows: cohorts.map((c) => [
        c.cohortName,
        c.behaviour.window.before,
        percent(c.behaviour.attainmentBefore),
        c.behaviour.window.after,
        percent(c.behaviour.attainmentAfter),
        rounded(c.behaviour.behaviourScore),
        c.behaviour.drivers,
      ]),
    },
    "kp-months": {
      caption: t("kp.l4.months", {
        team: panel.teams.map((x) => teamName(x.teamId)).join(
          t("onboarding.list_sep"),
        ),
      }),
      header: [
        t("kp.col.month"),
        ...(panel.teams.length > 1 ? [t("dash.col.team")] : []),
        ...KPI_METRICS.map((m) => t(`evaluator.metric.${m}`)),
        t("kp.l4.qa_pass"),
        t("kp.col.qa_n"),
        t("kp.col.drivers"),
        t("kp.col.starts"),
      ],
      rows: panel.teams.flatMap((team) =>
        months(team.teamId).map((m) => [
          m.month,
          ...(panel.teams.length > 1 ? [teamName(team.teamId)] : []),
          ...KPI_METRICS.map((k) => rounded(m.kpi[k]?.mean)),
          percent(m.qaPassRate),
          m.qaN,
          m.drivers,
          team.cohortStarts.filter((s) => s.startDate.slice(0, 7) === m.month)
            .map((s) => s.name).join(t("onboarding.list_sep")) || null,
        ])
      ),
    },
    "kp-did": {
      caption: t("kp.l4.did"),
      header: [
        t("kp.col.cohort"),
        t("kp.col.metric"),
        t("kp.col.trained"),
        t("kp.col.control"),
        t("kp.col.did"),
        t("kp.col.interval"),
        t("kp.col.cells"),
        t("kp.col.state"),
      ],
      rows: cohorts.flatMap((c) =>
        c.results.did.map((d) => [
          c.cohortName,
          t(`evaluator.metric.${d.metric}`),
          rounded(d.treatedChange),
          rounded(d.controlChange),
          rounded(d.estimate),
          interval(d.interval),
          t("kp.cells", {
            tb: d.n.treatedBefore,
            ta: d.n.treatedAfter,
            cb: d.n.controlBefore,
            ca: d.n.controlAfter,
          }),
          d.claimed
            ? t("kp.did.claimed")
            : d.controlCohorts.length === 0
            ? t("kp.did.no_control")
            : t("kp.did.waiting", {
              n: Math.min(...Object.values(d.n)),
              need: d.minN,
            }),
        ])
      ),
    },
    "kp-leading": {
      caption: t("kp.l4.leading_table"),
      header: [t("kp.col.cohort"), t("kp.col.qa14"), t("kp.col.drill")],
      rows: cohorts.map((c) => {
        const drill = c.results.drillResponseMs.filter((m) => m.mean !== null)
          .at(-1);
        return [
          c.cohortName,
          percent(c.results.qaPassRateDay14),
          drill ? rounded(drill.mean! / 1000) : null,
        ];
      }),
    },
    "kp-correlation": {
      caption: t("kp.corr"),
      header: [
        t("kp.col.cohort"),
        t("kp.col.module"),
        t("kp.col.against"),
        t("kp.col.r"),
        t("kp.col.interval"),
        t("kp.col.n"),
        t("kp.col.state"),
      ],
      rows: cohorts.flatMap((c) =>
        c.correlations.flatMap((x) =>
          [
            [t("kp.corr.qa"), x.estimate] as const,
            ...DID_METRICS.flatMap((metric) => {
              const e = x.kpi[metric];
              return e ? [[t(`evaluator.metric.${metric}`), e] as const] : [];
            }),
          ].map(([against, e]) => [
            c.cohortName,
            x.title,
            against,
            // Two decimals, as text: r is read to the second place.
            e.r === null ? null : e.r.toFixed(2),
            interval(e.interval, 2),
            e.n,
            e.claimed
              ? t("kp.did.claimed")
              : t("kp.corr.waiting", { n: e.n, need: x.minN }),
          ])
        )
      ),
    },
  };
  return Object.fromEntries(
    PANEL_TABLES.map((
      id,
    ) => [id, { id, ...raw[id], rows: raw[id].rows.map(row) }]),
  ) as Record<PanelTableId, TableData>;
}
