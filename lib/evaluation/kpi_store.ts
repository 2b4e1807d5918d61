/**
 * KPI import: one CSV of agent KPI values per period (month), parsed with
 * papaparse. A file with any bad row imports nothing and lists every bad row
 * and field. Each agent-month is one record; re-importing a period replaces
 * it, and an unchanged row writes nothing (so importing the same file again
 * changes nothing). Each changed row is one commit: the record, and a
 * statement carrying the values it replaces (the rollups subtract them).
 * Teams' targets default to shared/domain.md §4 (kpi.ts). Only this module
 * reads or writes these keys:
 *
 * | key                                  | value                       |
 * | ------------------------------------ | --------------------------- |
 * | ["kpi_periods", learnerId, "YYYY-MM"] | KpiPeriod                  |
 * | ["kpi_targets", teamId]              | Partial<Record<metric, KpiTarget>> |
 */
import Papa from "papaparse";
import { z } from "zod";
import { ConflictError } from "@/lib/errors.ts";
import { buildStatement } from "@/lib/evidence/statement.ts";
import { addStatement } from "@/lib/evidence/statement_store.ts";
import {
  findUserByLogin,
  getUser,
} from "@/lib/identity/accounts/user_store.ts";
import { decodeStored } from "@/lib/db/decode.ts";
import { listMembershipsOfUser } from "@/lib/identity/teams/cohort_store.ts";
import { EVAL_EXT } from "@/lib/evidence/eval_extensions.ts";
import type { KpiTarget } from "./formulas.ts";
import {
  DEFAULT_TARGETS,
  KPI_METRICS,
  KPI_UNITS,
  type KpiMetric,
} from "./kpi.ts";

/** One agent's KPI values of one month. */
export const KpiPeriodSchema = z.object({
  learnerId: z.string(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  values: z.record(z.string(), z.number()),
  teamId: z.string().optional(),
  cohortId: z.string().optional(),
  importedBy: z.string(),
  importedAt: z.date(),
});
/** One agent's KPI values of one month. */
export type KpiPeriod = z.infer<typeof KpiPeriodSchema>;

/** A problem in one row and field of the file (codes are i18n key suffixes). */
export interface KpiRowProblem {
  /** Line in the file, 1 = the header. */
  line: number;
  field: string;
  code:
    | "missing_column"
    | "agent_unknown"
    | "month_format"
    | "not_a_number"
    | "out_of_range"
    | "no_values"
    | "duplicate"
    | "too_many_rows"
    | "parse";
  value?: string;
}

/** What an import did. */
export interface KpiImportResult {
  ok: boolean;
  problems: KpiRowProblem[];
  rows: number;
  /** Rows that wrote a new or changed period. */
  changed: number;
  /** Rows equal to what was stored. */
  unchanged: number;
}

/** The most rows one file may hold. */
export const MAX_KPI_ROWS = 5000;

const periodKey = (learnerId: string, month: string) => [
  "kpi_periods",
  learnerId,
  month,
];

interface ParsedRow {
  line: number;
  learnerId: string;
  month: string;
  values: Partial<Record<KpiMetric, number>>;
}

/**
 * Reads and checks a KPI CSV (columns `agent`, `month`, then any of the
 * KPI ids): every problem is listed, none is written here.
 */
export async function checkKpiCsv(
  kv: Deno.Kv,
  csv: string,
  teams: ReadonlySet<string> | null = null,
): Promise<{ rows: ParsedRow[]; problems: KpiRowProblem[] }> {
  const parsed = Papa.parse<Record<string, string>>(
    csv.replace(/^\uFEFF/, ""),
    {
      header: true,
      skipEmptyLines: "greedy",
      transformHeader: (h) => h.trim().toLowerCase(),
    },
  );
  const problems: KpiRowProblem[] = [];
  for (const e of parsed.errors) {
    problems.push({
      line: (e.row ?? 0) + 2,
      field: "",
      code: "parse",
      value: e.code,
    });
  }
  const header = parsed.meta.fields ?? [];
  for (const col of ["agent", "month"]) {
    if (!header.includes(col)) {
      problems.push({ line: 1, field: col, code: "missing_column" });
    }
  }
  if (problems.some((p) => p.code === "missing_column")) {
    return { rows: [], problems };
  }
  if (parsed.data.length > MAX_KPI_ROWS) {
    return {
      rows: [],
      problems: [{
        line: MAX_KPI_ROWS + 2,
        field: "",
        code: "too_many_rows",
        value: String(parsed.data.length),
      }],
    };
  }
  const metrics = KPI_METRICS.filter((m) => header.includes(m));
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  const agents = new Map<string, string | null>();
  for (const [i, raw] of parsed.data.entries()) {
    const line = i + 2;
    const agent = (raw.agent ?? "").trim();
    let learnerId = agents.get(agent);
    if (learnerId === undefined) {
      const user = agent
        ? (await findUserByLogin(kv, agent)) ?? (await getUser(kv, agent))
        : null;
      learnerId = user && user.role === "learner" ? user.id : null;
      // A manager imports only their own teams' agents; others are unknown
      // to them (not "forbidden", which would tell who exists).
      if (learnerId && teams) {
        const memberships = await listMembershipsOfUser(kv, learnerId);
        if (!memberships.some((m) => teams.has(m.teamId))) learnerId = null;
      }
      agents.set(agent, learnerId);
    }
    if (!learnerId) {
      problems.push({
        line,
        field: "agent",
        code: "agent_unknown",
        value: agent,
      });
    }
    const month = (raw.month ?? "").trim();
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      problems.push({
        line,
        field: "month",
        code: "month_format",
        value: month,
      });
    }
    const values: Partial<Record<KpiMetric, number>> = {};
    for (const m of metrics) {
      const text = (raw[m] ?? "").trim().replace(/%$/, "");
      if (text === "") continue;
      const v = Number(text);
      if (!Number.isFinite(v)) {
        problems.push({ line, field: m, code: "not_a_number", value: text });
      } else if (v < KPI_UNITS[m].min || v > KPI_UNITS[m].max) {
        problems.push({ line, field: m, code: "out_of_range", value: text });
      } else values[m] = v;
    }
    if (
      Object.keys(values).length === 0 &&
      !problems.some((p) =>
        p.line === line && metrics.includes(p.field as KpiMetric)
      )
    ) problems.push({ line, field: metrics.join(","), code: "no_values" });
    if (learnerId) {
      const key = `${learnerId}|${month}`;
      if (seen.has(key)) {
        problems.push({
          line,
          field: "month",
          code: "duplicate",
          value: String(seen.get(key)),
        });
      } else seen.set(key, line);
      rows.push({ line, learnerId, month, values });
    }
  }
  return { rows, problems };
}

/**
 * Imports a KPI CSV: all rows or, with any problem, none. `teams` limits
 * the agents to those teams (a manager's); null allows every agent.
 */
export async function importKpiCsv(
  kv: Deno.Kv,
  csv: string,
  importedBy: string,
  now: Date,
  teams: ReadonlySet<string> | null = null,
): Promise<KpiImportResult> {
  const { rows, problems } = await checkKpiCsv(kv, csv, teams);
  if (problems.length > 0) {
    return { ok: false, problems, rows: rows.length, changed: 0, unchanged: 0 };
  }
  let changed = 0;
  for (const row of rows) {
    if (await savePeriod(kv, row, importedBy, now)) changed++;
  }
  return {
    ok: true,
    problems: [],
    rows: rows.length,
    changed,
    unchanged: rows.length - changed,
  };
}

/** The agent's current team and cohort (their latest membership). */
async function placeOf(
  kv: Deno.Kv,
  learnerId: string,
): Promise<{ teamId?: string; cohortId?: string }> {
  const memberships = await listMembershipsOfUser(kv, learnerId);
  const latest =
    memberships.sort((a, b) => b.joinedAt.getTime() - a.joinedAt.getTime())[0];
  return latest ? { teamId: latest.teamId, cohortId: latest.cohortId } : {};
}

const same = (a: Record<string, number>, b: Record<string, number>) => {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length &&
    ka.every((k, i) => k === kb[i] && a[k] === b[k]);
};

/**
 * Stores one agent-month (replacing the period) with its statement in one
 * commit; false when the stored values are the same.
 */
export async function savePeriod(
  kv: Deno.Kv,
  row: { learnerId: string; month: string; values: Record<string, number> },
  importedBy: string,
  now: Date,
): Promise<boolean> {
  const place = await placeOf(kv, row.learnerId);
  for (let attempt = 0; attempt < 10; attempt++) {
    const entry = await kv.get(periodKey(row.learnerId, row.month));
    const prior = entry.value === null
      ? null
      : decodeStored(KpiPeriodSchema, entry.key, entry.value);
    if (prior && same(prior.values, row.values)) return false;
    const record = KpiPeriodSchema.parse({
      learnerId: row.learnerId,
      month: row.month,
      values: row.values,
      // The period stays with the team and cohort it was first filed under,
      // so a replacement subtracts from the same counters.
      ...(prior ? { teamId: prior.teamId, cohortId: prior.cohortId } : place),
      importedBy,
      importedAt: now,
    });
    const op = kv.atomic().check(entry).set(entry.key, record);
    addStatement(
      op,
      buildStatement({
        learnerId: row.learnerId,
        verb: "scored",
        activity: {
          kind: "performance",
          path: `kpi/${row.month}`,
          name: `KPI ${row.month}`,
        },
        courseId: "onboarding",
        contentVersion: 1,
        cohortId: record.cohortId,
        extensions: {
          [EVAL_EXT.month]: row.month,
          [EVAL_EXT.kpi]: row.values,
          ...(prior ? { [EVAL_EXT.previous]: prior.values } : {}),
          ...(record.teamId ? { [EVAL_EXT.team]: record.teamId } : {}),
        },
        at: now,
      }),
      now,
    );
    if ((await op.commit()).ok) return true;
  }
  throw new ConflictError(
    `Cannot save KPI ${row.month} of "${row.learnerId}": contention`,
    "retry",
  );
}

/** An agent's stored KPI periods, oldest first. */
export async function listPeriods(
  kv: Deno.Kv,
  learnerId: string,
): Promise<KpiPeriod[]> {
  return await Array.fromAsync(
    kv.list({ prefix: ["kpi_periods", learnerId] }, { limit: 240 }),
    (e) => decodeStored(KpiPeriodSchema, e.key, e.value),
  );
}

const TargetsSchema = z.record(
  z.string(),
  z.object({ direction: z.enum(["min", "max"]), target: z.number() }),
);

/** A team's KPI targets: its own where set, the defaults otherwise. */
export async function getTargets(
  kv: Deno.Kv,
  teamId: string,
): Promise<Record<string, KpiTarget>> {
  const e = await kv.get(["kpi_targets", teamId]);
  const own = e.value === null
    ? {}
    : decodeStored(TargetsSchema, e.key, e.value);
  return { ...DEFAULT_TARGETS, ...own } as Record<string, KpiTarget>;
}

/** Sets a team's own targets (metrics left out keep the default). */
export async function setTargets(
  kv: Deno.Kv,
  teamId: string,
  targets: Partial<Record<KpiMetric, KpiTarget>>,
): Promise<void> {
  await kv.set(["kpi_targets", teamId], TargetsSchema.parse(targets));
}
