/**
 * The agent record's tables (routes/evaluation/learners/[learner].tsx),
 * built once for the page and for each CSV download (its export/[table].ts),
 * so both hold the same rows.
 */
import type { TableData } from "@/components/dashboard/table_data.ts";
import type { AgentRecord } from "@/lib/evaluation/agent_view.ts";
import { KPI_METRICS } from "@/lib/evaluation/kpi.ts";
import type { LoopView } from "@/lib/evaluation/qa_loop.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { ObservationRecord } from "@/lib/onboarding/observation_store.ts";

/** How a QA-loop criterion moved since its practice was assigned, in words. */
export function loopMovement(
  t: Translate,
  l: Pick<LoopView, "movement" | "metSince" | "reviewedSince">,
): string {
  if (l.movement === "waiting") return t("evaluator.loop.waiting");
  return t(
    l.movement === "moved" ? "evaluator.loop.moved" : "evaluator.loop.not_yet",
    { met: l.metSince, reviewed: l.reviewedSince },
  );
}

/** One QA-loop line as a table shows it: names already resolved. */
export type LoopLine =
  & Pick<LoopView, "movement" | "metSince" | "reviewedSince" | "assignedAt">
  & { criterion: string; practice: string };

/**
 * The QA loop as a table: each criterion with its assigned practice, when
 * it was assigned and how it moved since (the agent record's and the
 * drill-down's).
 */
export function loopTable(
  t: Translate,
  id: string,
  lines: LoopLine[],
): TableData {
  return {
    id,
    caption: t("evaluator.loop.title"),
    header: [
      t("evaluator.col.criterion"),
      t("evaluator.col.practice"),
      t("dd.loop.assigned"),
      t("evaluator.col.movement"),
    ],
    rows: lines.map((l) => ({
      cells: [l.criterion, l.practice, l.assignedAt, loopMovement(t, l)],
    })),
  };
}

/** Every table of the agent record, by id (the CSV route's `table`). */
export function agentTables(
  data: { record: AgentRecord; reviews: ObservationRecord[] },
  t: Translate,
): Record<"reviews" | "loops" | "drivers" | "kpi", TableData> {
  const { record, reviews } = data;
  return {
    reviews: {
      id: "qa-reviews",
      caption: t("evaluator.agent.qa"),
      header: [
        t("evaluator.col.date"),
        t("evaluator.col.checkpoint"),
        t("evaluator.col.score"),
        t("evaluator.col.result"),
        t("evaluator.col.critical"),
      ],
      rows: reviews.map((r) => ({
        cells: [
          r.at,
          t(`evaluator.checkpoint.${r.checkpoint}`),
          r.percent,
          t(`evaluator.result.${r.passed ? "passed" : "failed"}`),
          r.breached.length ? r.breached.join(", ") : t("evaluator.none"),
        ],
      })),
    },
    loops: loopTable(
      t,
      "qa-loops",
      record.loops.map((l) => ({
        ...l,
        criterion: l.criterionId,
        practice: l.practice.join(", "),
      })),
    ),
    drivers: {
      id: "driver-table",
      caption: t("evaluator.drivers.title"),
      header: [
        t("evaluator.col.date"),
        t("evaluator.col.kind"),
        t("evaluator.col.note"),
      ],
      rows: record.drivers.map((d) => ({
        cells: [
          d.at,
          t(`evaluator.drivers.kind.${d.kind}`),
          [d.topic, d.note].filter(Boolean).join(" · "),
        ],
      })),
    },
    kpi: {
      id: "kpi-months",
      caption: t("evaluator.kpi_months.title"),
      header: [
        t("evaluator.col.month"),
        ...KPI_METRICS.map((m) => t(`evaluator.metric.${m}`)),
      ],
      rows: record.kpi.map((p) => ({
        cells: [p.month, ...KPI_METRICS.map((m) => p.values[m] ?? null)],
      })),
    },
  };
}
