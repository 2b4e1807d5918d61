/**
 * The setup the evaluator's tests share (lib/evaluation, lib/dashboard,
 * bench/): cohorts with numbered members, the reaction survey, the worked
 * QA and FRT examples of docs/evaluation.md, statements written through the
 * live store, and a snapshot of the rollups. Test-only: no module of the
 * app imports it. The statement builders are in `./testing.ts`.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Statement } from "@/lib/evidence/statement.ts";
import { addStatement } from "@/lib/evidence/statement_store.ts";
import { ROLLUP_ROOT, TEXT_ROOT } from "@/lib/evidence/rollup.ts";
import {
  addMembership,
  type Cohort,
  createCohort,
} from "@/lib/identity/teams/cohort_store.ts";
import { createTeam } from "@/lib/identity/teams/team_store.ts";
import type { SurveyInfo, SurveyQuestionInfo } from "./content_map.ts";
import { kpiStatement, qaStatement } from "./testing.ts";

/** The clock the fixtures create teams, cohorts and memberships at. */
export const NOW = new Date("2026-11-01T00:00:00Z");

/** A day's event time: 04:00 UTC, midday in Shanghai. */
export const day = (iso: string): Date => new Date(`${iso}T04:00:00Z`);

/** Writes each statement in its own commit, as the engines do; a refused commit fails the test. */
export async function writeStatements(
  kv: Deno.Kv,
  statements: readonly Statement[],
): Promise<void> {
  for (const s of statements) {
    assert.ok(
      (await addStatement(kv.atomic(), s, new Date(s.timestamp)).commit()).ok,
    );
  }
}

/** `<cohort>-u0`, `<cohort>-u1`, ...: the fixtures' learner ids of a cohort. */
export function numbered(cohortId: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${cohortId}-u${i}`);
}

/** Adds the users to a cohort of team `teamId`, a hundred memberships a commit. */
export async function addMembers(
  kv: Deno.Kv,
  cohortId: string,
  teamId: string,
  userIds: readonly string[],
  joinedAt: Date = NOW,
): Promise<void> {
  for (let i = 0; i < userIds.length; i += 100) {
    const op = kv.atomic();
    for (const userId of userIds.slice(i, i + 100)) {
      addMembership(op, { cohortId, teamId, userId, joinedAt });
    }
    assert.ok((await op.commit()).ok);
  }
}

/**
 * Team "t1" with cohort "c1" (starting 2026-11-01, trained over the
 * examples' months) and "c2" (starting 2027-02-01, not yet trained: the
 * comparison), each with `membersPerCohort` numbered members.
 */
export async function twoCohorts(
  kv: Deno.Kv,
  membersPerCohort: number,
): Promise<Cohort[]> {
  await createTeam(kv, { id: "t1", name: "售前一组" }, NOW);
  const cohorts = [
    await createCohort(
      kv,
      { id: "c1", name: "十一月", teamId: "t1", startDate: "2026-11-01" },
      NOW,
    ),
    await createCohort(
      kv,
      { id: "c2", name: "二月", teamId: "t1", startDate: "2027-02-01" },
      NOW,
    ),
  ];
  for (const c of cohorts) {
    await addMembers(kv, c.id, "t1", numbered(c.id, membersPerCohort));
  }
  return cohorts;
}

/** The reaction survey "reaction-basics" of module "basics", reported from 5 respondents. */
export function reactionSurvey(questions: SurveyQuestionInfo[]): SurveyInfo {
  return {
    id: "reaction-basics",
    title: "反馈",
    module: "basics",
    minReportN: 5,
    questions,
  };
}

/**
 * Three QA reviews in cohort "c1" of team "t1": at d30 u0 70 (missed
 * "opening") and u1 90 with a privacy red line (mean 80, critical-fail rate
 * 0.5); at d90 u0 85, passed.
 */
export function qaExample(): Statement[] {
  return [
    qaStatement("c1-u0", "c1", "t1", {
      percent: 70,
      passed: false,
      checkpoint: "d30",
      scored: ["opening"],
      missed: ["opening"],
      breached: [],
    }, day("2026-12-01")),
    qaStatement("c1-u1", "c1", "t1", {
      percent: 90,
      passed: false,
      checkpoint: "d30",
      scored: ["opening"],
      missed: [],
      breached: ["privacy"],
    }, day("2026-12-01")),
    qaStatement("c1-u0", "c1", "t1", {
      percent: 85,
      passed: true,
      checkpoint: "d90",
      scored: ["opening"],
      missed: [],
      breached: [],
    }, day("2027-01-30")),
  ];
}

/**
 * The FRT example of docs/evaluation.md (difference-in-differences -8 s,
 * interval [-12.58, -3.42]) as KPI months 2026-10 and 2026-12 of learners
 * u0-u4 of "c1" (trained; CSAT 4.2 then 4.6) and of "c2" (not yet trained;
 * no CSAT).
 */
export function frtExample(): Statement[] {
  const frt = {
    c1: [[40, 42, 38, 44, 36], [30, 31, 29, 33, 27]],
    c2: [[41, 39, 43, 37, 40], [38, 39, 37, 40, 36]],
  };
  const csat: Record<string, number[]> = { c1: [4.2, 4.6] };
  const months = [["2026-10", "2026-11-01"], ["2026-12", "2027-01-01"]];
  const out: Statement[] = [];
  for (let i = 0; i < 5; i++) {
    for (const c of ["c1", "c2"] as const) {
      months.forEach(([month, importedOn], m) => {
        const values: Record<string, number> = { frt: frt[c][m][i] };
        if (csat[c]) values.csat = csat[c][m];
        out.push(
          kpiStatement(
            `${c}-u${i}`,
            c,
            "t1",
            month,
            values,
            null,
            day(importedOn),
          ),
        );
      });
    }
  }
  return out;
}

/** Every rollup and text-rollup entry, key (as JSON) to value, to compare two stores. */
export async function rollupSnapshot(
  kv: Deno.Kv,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const root of [ROLLUP_ROOT, TEXT_ROOT]) {
    for await (const e of kv.list({ prefix: [root] })) {
      out.set(
        JSON.stringify(e.key),
        e.value instanceof Deno.KvU64
          ? `u64:${e.value.value}`
          : String(e.value),
      );
    }
  }
  return out;
}
