/**
 * Statement extensions (IRIs) the evaluator reads. Other stores write some
 * of them already (breaches, outcome); the evaluator's own statements
 * (QA, drivers, KPI) and the survey store write the rest.
 *
 * @module
 */
import { ACTIVITY_ROOT } from "./statement.ts";

const x = (name: string) => `${ACTIVITY_ROOT}/extensions/${name}`;

/** Extension IRIs the rollups read. */
export const EVAL_EXT = {
  /** The agent's team (KPI, QA, drivers): team-month rollups. */
  team: x("team"),
  /** Scenario or QA red lines breached (ids). */
  breaches: x("breaches"),
  /** Survey answers, question id -> number or text. */
  answers: x("answers"),
  /** The values this statement replaces (survey edit, KPI re-import). */
  previous: x("previous"),
  /** The module a survey asks about. */
  surveyModule: x("survey-module"),
  /** QA checkpoint: d14, d30, d60, d90 or other. */
  checkpoint: x("checkpoint"),
  /** QA coaching criteria scored on this conversation. */
  scored: x("criteria-scored"),
  /** QA coaching criteria not met. */
  missed: x("criteria-missed"),
  /** Driver kind: coaching, reinforcement, recognition. */
  driver: x("driver"),
  /** KPI period month "YYYY-MM". */
  month: x("month"),
  /** KPI values of the period, metric -> number. */
  kpi: x("kpi"),
  /** A learner's confidence in an answer, 0-1. */
  confidence: x("confidence"),
} as const;
