/**
 * The evaluator's rollups: counters derived from each evidence statement and
 * written in the same atomic commit as the statement (statement_store.ts
 * calls `stageRollups`). Every counter is a Deno KV `KvU64` changed only by
 * `sum`, `min` or `max` mutations. Those commute: the rollups do not depend
 * on the order statements arrive in, a rebuild from the statements gives
 * the same bytes, and concurrent writers never conflict on a counter (the
 * statement's own "written once" check keeps a retried commit from counting
 * twice). A sum that must go down (a survey answer edited, a KPI period
 * re-imported) adds the two's complement, which `sum` wraps to the
 * difference.
 *
 * `first`/`last` fields pack time and value into one number,
 * `ms * 1024 + value`, so `min` keeps the earliest value and `max` the
 * latest.
 *
 * | key                                                       | value   |
 * | --------------------------------------------------------- | ------- |
 * | ["ev", "c", cohortId, ...field]                           | KvU64   |
 * | ["ev", "cx", cohortId, learnerId, ...compact field]       | KvU64   |
 * | ["ev", "ck", cohortId, metric, "YYYY-MM", learnerId]      | KvU64   |
 * | ["ev", "l", learnerId, ...field]                          | KvU64   |
 * | ["ev", "m", courseId, moduleId or "_course", ...field]    | KvU64   |
 * | ["ev", "tm", teamId, "YYYY-MM", ...field]                 | KvU64   |
 * | ["ev_text", cohortId, surveyId, learnerId, questionId]    | string  |
 *
 * Fields (values scaled to integers: scores and QA percent in per-mille,
 * KPI values x100). "c" and "l" hold the detail, "cx" only the few figures
 * per learner that a cohort summary needs (so it reads about ten keys per
 * learner, whatever the number of events):
 *
 * | scope      | field                                          | meaning                         |
 * | ---------- | ---------------------------------------------- | ------------------------------- |
 * | c, l       | "act", path, "n" / "sum" / "pass"              | scores of one activity          |
 * | c          | "act", path, "sq"                              | their squares (interval)        |
 * | l          | "act", path, "first" / "last"                  | packed first and latest score   |
 * | c, l       | "lessons"                                      | lessons completed               |
 * | c, l       | "breach", category                             | scenario red lines breached     |
 * | c, m       | "sv", surveyId, "resp"                         | respondents                     |
 * | c, m       | "sv", surveyId, "q", questionId, value         | answers with that value         |
 * | c, l       | "qa", checkpoint, "n" / "sum" / "pass" / "crit" | QA conversations               |
 * | c          | "qa", checkpoint, "sq"                         | their squares (interval)        |
 * | tm         | "qa", checkpoint, "n" / "pass"                 | QA pass rate of the month       |
 * | l          | "qa", checkpoint, "last"                       | packed latest QA percent        |
 * | c, l       | "qac", criterionId, "n" / "miss"               | QA criterion scored / missed    |
 * | c, l       | "qacrit", criticalId                           | critical items breached         |
 * | l          | "kpi", metric, month, "sum" / "n"              | KPI by month                    |
 * | c          | "kpim", metric, month, "sum" / "sq" / "n"      | KPI by month over agents        |
 * | tm         | "kpi", metric, "sum" / "sq" / "n"              | KPI of the team in the month    |
 * | c, l, tm   | "drv", kind                                    | drivers logged                  |
 * | c, l       | "conf", "n" / "sum" / "correct"                | rated answers (confidence)      |
 * | c, l       | "cert", levelId, "issued"/"expired"/"revoked"  | certificate events              |
 * | c          | "drillms", month, "sum" / "n"                  | drill response times            |
 * | cx         | "ex", examId, "first" / "last"                 | packed first and latest exam    |
 * | cx         | "mod", moduleId, "n" / "sum"                   | quiz, scenario, drill scores    |
 * | cx         | "qa", checkpoint                               | packed latest QA percent        |
 * | cx         | "conf", "n" / "sum" / "correct"                | rated answers                   |
 *
 * "ck" holds each agent's KPI value per metric and month (x100) in one
 * counter, `n * 2^40 + sum` (`packAgentKpi`), so a cohort summary lists
 * one month of one metric for all its agents in one range read: the KPI
 * movement of each agent before and after training (level 2 to 3).
 */
import type { Statement } from "./statement.ts";
import { EXTENSIONS } from "./statement.ts";
import { EVAL_EXT } from "./eval_extensions.ts";

/** The root of every rollup key. */
export const ROLLUP_ROOT = "ev";
/** The root of survey comment keys. */
export const TEXT_ROOT = "ev_text";

/** One counter change. */
export interface RollupMutation {
  key: Deno.KvKey;
  type: "sum" | "min" | "max";
  /** Signed; a negative sum is written as its two's complement. */
  value: bigint;
}

/** One text set (survey comments): last write per learner wins. */
export interface TextMutation {
  key: Deno.KvKey;
  value: string | null;
}

const PACK = 1024n;
/** n's unit in an agent's KPI counter: sums (x100) stay below it. */
const AGENT_N = 2 ** 40;

/** An agent's KPI counter ("ck") as n and the sum of its values (x100). */
export function unpackAgentKpi(packed: bigint): { n: number; sum: number } {
  const v = BigInt.asUintN(64, packed);
  return {
    n: Number(v / BigInt(AGENT_N)),
    sum: Number(v % BigInt(AGENT_N)),
  };
}

/** Packs a time and a 0-1023 value so min/max keep the earliest/latest. */
export function pack(at: Date, value: number): bigint {
  const v = Math.max(0, Math.min(1023, Math.round(value)));
  return BigInt(at.getTime()) * PACK + BigInt(v);
}

/** The value of a packed number. */
export function unpackValue(packed: bigint): number {
  return Number(packed % PACK);
}

/** The time of a packed number. */
export function unpackTime(packed: bigint): Date {
  return new Date(Number(packed / PACK));
}

/** "YYYY-MM" of a date in Asia/Shanghai, where the teams work. */
export function monthOf(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${
    String(d.getUTCMonth() + 1).padStart(2, "0")
  }`;
}

/** The activity path of a statement ("modules/basics/quiz", "drills/x"). */
export function activityPath(s: Statement): string {
  const id = s.object.id;
  const m = /\/courses\/[^/]+\/(.+)$/.exec(id);
  return m ? m[1] : id;
}

/** The course id of a statement. */
export function courseOf(s: Statement): string {
  const m = /\/courses\/([^/]+)/.exec(s.object.id);
  return m ? m[1] : "";
}

function ext<T = unknown>(s: Statement, iri: string): T | undefined {
  return (s.result?.extensions?.[iri] ?? s.context.extensions[iri]) as
    | T
    | undefined;
}

/**
 * Every counter change one statement makes, and the texts it sets. Pure:
 * the same statement always gives the same changes.
 */
export function rollupMutations(
  s: Statement,
): { counters: RollupMutation[]; texts: TextMutation[] } {
  const counters: RollupMutation[] = [];
  const texts: TextMutation[] = [];
  const learner = s.actor.account.name;
  const cohort = ext<string>(s, EXTENSIONS.cohort);
  const moduleId = ext<string>(s, EXTENSIONS.module);
  const team = ext<string>(s, EVAL_EXT.team);
  const course = courseOf(s);
  const at = new Date(s.timestamp);
  const month = monthOf(at);
  const path = activityPath(s);
  const kind = path.split("/")[0];

  const C: Deno.KvKey | null = cohort ? [ROLLUP_ROOT, "c", cohort] : null;
  const CX: Deno.KvKey | null = cohort
    ? [ROLLUP_ROOT, "cx", cohort, learner]
    : null;
  const L: Deno.KvKey = [ROLLUP_ROOT, "l", learner];
  const TM: Deno.KvKey | null = team ? [ROLLUP_ROOT, "tm", team, month] : null;
  const cl = C ? [C, L] : [L];

  const add = (
    scope: Deno.KvKey | null,
    field: Deno.KvKeyPart[],
    value: number,
  ) => {
    if (scope && value !== 0) {
      counters.push({
        key: [...scope, ...field],
        type: "sum",
        value: BigInt(value),
      });
    }
  };
  const extreme = (
    type: "min" | "max",
    scope: Deno.KvKey | null,
    field: Deno.KvKeyPart[],
    value: bigint,
  ) => {
    if (scope) counters.push({ key: [...scope, ...field], type, value });
  };

  if (kind === "lessons" && s.result?.completion) {
    for (const sc of cl) add(sc, ["lessons"], 1);
  }

  // Scored activities: quizzes, exams, scenarios, drills.
  const scaled = s.result?.score?.scaled;
  if (
    scaled !== undefined &&
    ["modules", "exams", "scenarios", "drills"].includes(kind)
  ) {
    const pm = Math.round(scaled * 1000);
    const pass = s.result?.success ? 1 : 0;
    // Only what a reader uses: the cohort's interval needs the squares,
    // the learner's page only n, sum and pass (bench/statement_cost.ts).
    for (const sc of cl) {
      add(sc, ["act", path, "n"], 1);
      add(sc, ["act", path, "sum"], pm);
      add(sc, ["act", path, "pass"], pass);
    }
    add(C, ["act", path, "sq"], pm * pm);
    extreme("min", L, ["act", path, "first"], pack(at, pm));
    extreme("max", L, ["act", path, "last"], pack(at, pm));
    if (kind === "exams") {
      const examId = path.split("/")[1];
      extreme("min", CX, ["ex", examId, "first"], pack(at, pm));
      extreme("max", CX, ["ex", examId, "last"], pack(at, pm));
    } else if (moduleId) {
      add(CX, ["mod", moduleId, "n"], 1);
      add(CX, ["mod", moduleId, "sum"], pm);
    }
    if (kind === "scenarios") {
      // The scenario engine writes Breach objects; count them by category.
      const breaches = (ext<unknown[]>(s, EVAL_EXT.breaches) ?? []).map((b) =>
        typeof b === "string"
          ? b
          : String((b as { category?: unknown })?.category ?? "other")
      );
      for (const b of breaches) for (const sc of cl) add(sc, ["breach", b], 1);
    }
    if (kind === "drills" && s.result?.duration) {
      add(C, ["drillms", month, "sum"], durationMs(s.result.duration));
      add(C, ["drillms", month, "n"], 1);
    }
  }

  // Answered questions with a confidence rating (0-1).
  const confidence = ext<number>(s, EVAL_EXT.confidence);
  if (s.verb.id.endsWith("/answered") && typeof confidence === "number") {
    for (const sc of [...cl, CX]) {
      add(sc, ["conf", "n"], 1);
      add(sc, ["conf", "sum"], Math.round(confidence * 1000));
      add(sc, ["conf", "correct"], s.result?.success ? 1 : 0);
    }
  }

  // Reaction surveys: answers replace the learner's previous ones.
  const answers = ext<Record<string, number | string>>(s, EVAL_EXT.answers);
  if (kind === "surveys" && answers) {
    const surveyId = path.split("/")[1];
    const previous = ext<Record<string, number | string>>(
      s,
      EVAL_EXT.previous,
    );
    const surveyModule = ext<string>(s, EVAL_EXT.surveyModule);
    const scopes: (Deno.KvKey | null)[] = [C];
    if (course) {
      scopes.push([ROLLUP_ROOT, "m", course, "_course"]);
      if (surveyModule) scopes.push([ROLLUP_ROOT, "m", course, surveyModule]);
    }
    for (const sc of scopes) {
      if (!previous) add(sc, ["sv", surveyId, "resp"], 1);
      for (const [q, v] of Object.entries(answers)) {
        if (typeof v === "number") add(sc, ["sv", surveyId, "q", q, v], 1);
      }
      for (const [q, v] of Object.entries(previous ?? {})) {
        if (typeof v === "number") add(sc, ["sv", surveyId, "q", q, v], -1);
      }
    }
    if (cohort) {
      const ids = new Set([
        ...Object.keys(answers),
        ...Object.keys(previous ?? {}),
      ]);
      for (const q of ids) {
        const v = answers[q];
        const key = [TEXT_ROOT, cohort, surveyId, learner, q];
        if (typeof v === "string" && v.trim()) texts.push({ key, value: v });
        else if (typeof previous?.[q] === "string") {
          texts.push({ key, value: null });
        }
      }
    }
  }

  // QA observations of real conversations.
  if (kind === "observations" && scaled !== undefined) {
    const cp = ext<string>(s, EVAL_EXT.checkpoint) ?? "other";
    const pm = Math.round(scaled * 1000);
    const breached = ext<string[]>(s, EVAL_EXT.breaches) ?? [];
    for (const sc of cl) {
      add(sc, ["qa", cp, "n"], 1);
      add(sc, ["qa", cp, "sum"], pm);
      add(sc, ["qa", cp, "crit"], breached.length > 0 ? 1 : 0);
      for (const c of breached) add(sc, ["qacrit", c], 1);
    }
    // The team-month series shows the pass rate only; the interval is the
    // cohort's.
    for (const sc of [...cl, TM]) {
      add(sc, ["qa", cp, "pass"], s.result?.success ? 1 : 0);
    }
    add(TM, ["qa", cp, "n"], 1);
    add(C, ["qa", cp, "sq"], pm * pm);
    for (const sc of cl) {
      for (const c of ext<string[]>(s, EVAL_EXT.scored) ?? []) {
        add(sc, ["qac", c, "n"], 1);
      }
      for (const c of ext<string[]>(s, EVAL_EXT.missed) ?? []) {
        add(sc, ["qac", c, "miss"], 1);
      }
    }
    extreme("max", L, ["qa", cp, "last"], pack(at, pm));
    extreme("max", CX, ["qa", cp], pack(at, pm));
  }

  // Drivers: coaching, reinforcement, recognition.
  if (kind === "drivers") {
    const driver = ext<string>(s, EVAL_EXT.driver) ?? "coaching";
    for (const sc of [...cl, TM]) add(sc, ["drv", driver], 1);
  }

  // Certificates: issued, expired and revoked, per level.
  if (kind === "certifications") {
    const levelId = path.split("/")[1];
    const event = s.verb.id.slice(s.verb.id.lastIndexOf("/") + 1);
    if (levelId && ["issued", "expired", "revoked"].includes(event)) {
      for (const sc of cl) add(sc, ["cert", levelId, event], 1);
    }
  }

  // KPI periods: the values replace the period's previous import.
  const period = ext<string>(s, EVAL_EXT.month);
  if (kind === "kpi" && period) {
    const values = ext<Record<string, number>>(s, EVAL_EXT.kpi) ?? {};
    const previous = ext<Record<string, number>>(s, EVAL_EXT.previous) ?? {};
    const tm: Deno.KvKey | null = team
      ? [ROLLUP_ROOT, "tm", team, period]
      : null;
    const ck: Deno.KvKey | null = cohort ? [ROLLUP_ROOT, "ck", cohort] : null;
    const metrics = new Set([...Object.keys(values), ...Object.keys(previous)]);
    for (const metric of metrics) {
      const v = values[metric] === undefined
        ? undefined
        : Math.round(values[metric] * 100);
      const p = previous[metric] === undefined
        ? undefined
        : Math.round(previous[metric] * 100);
      const dSum = (v ?? 0) - (p ?? 0);
      const dSq = (v ?? 0) ** 2 - (p ?? 0) ** 2;
      const dN = (v === undefined ? 0 : 1) - (p === undefined ? 0 : 1);
      add(L, ["kpi", metric, period, "sum"], dSum);
      add(L, ["kpi", metric, period, "n"], dN);
      add(ck, [metric, period, learner], dN * AGENT_N + dSum);
      for (
        const [sc, field] of [[C, ["kpim", metric, period]], [tm, [
          "kpi",
          metric,
        ]]] as const
      ) {
        add(sc, [...field, "sum"], dSum);
        add(sc, [...field, "sq"], dSq);
        add(sc, [...field, "n"], dN);
      }
    }
  }

  return { counters, texts };
}

/** Adds a statement's rollup changes to `op` (same commit as the statement). */
export function stageRollups(
  op: Deno.AtomicOperation,
  s: Statement,
): Deno.AtomicOperation {
  const { counters, texts } = rollupMutations(s);
  for (const m of coalesce(counters)) {
    const v = BigInt.asUintN(64, m.value);
    if (m.type === "sum") op.sum(m.key, v);
    else if (m.type === "min") op.min(m.key, v);
    else op.max(m.key, v);
  }
  for (const t of texts) {
    if (t.value === null) op.delete(t.key);
    else op.set(t.key, t.value);
  }
  return op;
}

/**
 * Merges changes to the same key (two breaches of one category, an edited
 * answer that kept its value) into one, as a commit changes a key once.
 */
export function coalesce(counters: RollupMutation[]): RollupMutation[] {
  const out = new Map<string, RollupMutation>();
  for (const m of counters) {
    const id = `${m.type}:${JSON.stringify(m.key)}`;
    const prev = out.get(id);
    if (!prev) out.set(id, { ...m });
    else if (m.type === "sum") prev.value += m.value;
    else if (m.type === "min") {
      prev.value = m.value < prev.value ? m.value : prev.value;
    } else prev.value = m.value > prev.value ? m.value : prev.value;
  }
  return [...out.values()].filter((m) => m.type !== "sum" || m.value !== 0n);
}

/** Reads a stored counter as a signed number. */
export function counterValue(v: unknown): bigint {
  return v instanceof Deno.KvU64 ? BigInt.asIntN(64, v.value) : 0n;
}

/** Milliseconds of an ISO 8601 duration as written by isoDuration(). */
export function durationMs(iso: string): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso);
  if (!m) return 0;
  return Math.round(
    ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) *
      1000,
  );
}
