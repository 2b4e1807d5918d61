/**
 * Reads the evaluator's rollups (rollup.ts) into the four Kirkpatrick levels
 * of a cohort, a learner's evaluation and a team's monthly KPI series.
 * Readers never scan statements: a cohort summary lists the cohort's
 * counters, about ten compact counters per learner, each agent's FRT, CSAT
 * and FCR for the two months of the training window (one counter each), the
 * team's months and the comparison cohorts' counters, however many events
 * there were.
 *
 * @module
 */
import {
  type Cohort,
  getCohort,
  listCohortsOfTeam,
  listMembers,
} from "@/lib/identity/teams/cohort_store.ts";
import { type EvaluationContent, NO_CONTENT } from "./content_map.ts";
import {
  behaviourScore,
  calibration,
  type CalibrationFigure,
  type Cell,
  correlation,
  type CorrelationEstimate,
  countOf,
  type Counts,
  type DidEstimate,
  differenceInDifferences,
  distribution,
  kpiAttainment,
  kpiMovement,
  type KpiTarget,
  mean,
  type MeanEstimate,
  meanFromSums,
  meanOfCounts,
  MIN_N_REACTION,
  normalisedGain,
  nps,
  responseRate,
} from "./formulas.ts";
import { DEFAULT_TARGETS, DID_METRICS, KPI_METRICS } from "./kpi.ts";
import {
  counterValue,
  ROLLUP_ROOT,
  TEXT_ROOT,
  unpackAgentKpi,
  unpackTime,
  unpackValue,
} from "@/lib/evidence/rollup.ts";
import { addMonths } from "@/lib/calendar/months.ts";

/** Counters of one scope: field parts joined by "|" -> value. */
export type Fields = Map<string, bigint>;

const SEP = "|";

/** Lists every counter under `prefix`, keyed by the rest of the key. */
export async function readScope(
  kv: Deno.Kv,
  prefix: Deno.KvKey,
): Promise<Fields> {
  const out: Fields = new Map();
  for await (
    const e of kv.list({ prefix }, { batchSize: 1000 })
  ) out.set(e.key.slice(prefix.length).join(SEP), counterValue(e.value));
  return out;
}

/** Lists the compact per-learner counters of a cohort, by learner. */
async function readLearners(
  kv: Deno.Kv,
  cohortId: string,
): Promise<Map<string, Fields>> {
  const prefix = [ROLLUP_ROOT, "cx", cohortId];
  const out = new Map<string, Fields>();
  for await (const e of kv.list({ prefix }, { batchSize: 1000 })) {
    const learner = String(e.key[prefix.length]);
    let f = out.get(learner);
    if (!f) out.set(learner, f = new Map());
    f.set(e.key.slice(prefix.length + 1).join(SEP), counterValue(e.value));
  }
  return out;
}

const num = (f: Fields, ...parts: (string | number)[]) =>
  Number(f.get(parts.join(SEP)) ?? 0n);
const packed = (f: Fields, ...parts: (string | number)[]) => {
  const v = f.get(parts.join(SEP));
  return v === undefined || v === 0n ? null : v;
};

/** Distinct values of the part at `index` among keys starting with `head`. */
function partsAfter(f: Fields, head: string[], index = 0): string[] {
  const out = new Set<string>();
  const h = head.join(SEP) + SEP;
  for (const k of f.keys()) {
    if (k.startsWith(h)) out.add(k.slice(h.length).split(SEP)[index]);
  }
  return [...out];
}

function cellFrom(f: Fields, ...field: string[]): Cell {
  return {
    n: num(f, ...field, "n"),
    sum: num(f, ...field, "sum") / 100,
    sumSq: num(f, ...field, "sq") / 10_000,
  };
}

/**
 * The month before training (the month before the cohort starts) and the
 * month after it (the month after the 30-day plan ends).
 */
export function trainingWindow(
  startDate: string,
): { before: string; after: string } {
  const end = new Date(`${startDate}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 29);
  return {
    before: addMonths(startDate, -1),
    after: addMonths(end.toISOString().slice(0, 10), 1),
  };
}

// ------------------------------------------------------------------ types

/** Level 1 figures of one survey question. */
export interface ReactionItem {
  id: string;
  type: "likert" | "nps" | "choice";
  prompt: string;
  n: number;
  /** Null below the survey's minimum n. */
  mean: number | null;
  nps: number | null;
  distribution: { value: number; count: number; share: number }[] | null;
  /** A Likert mean under 3.5: shown to trainers first. */
  low: boolean;
}

/** Level 1 figures of one survey in a cohort. */
export interface ReactionSurvey {
  surveyId: string;
  title: string;
  module?: string;
  respondents: number;
  minN: number;
  /** False below the minimum n: no figure is shown. */
  shown: boolean;
  responseRate: number | null;
  nps: number | null;
  items: ReactionItem[];
  comments: { questionId: string; text: string }[];
}

/** Level 2 figures of one activity. */
export interface ActivityScore {
  path: string;
  n: number;
  /** Mean percent with its interval. */
  score: MeanEstimate;
  passRate: number | null;
}

/** One learner's evaluation figures within a cohort. */
export interface LearnerFigures {
  learnerId: string;
  pre: number | null;
  post: number | null;
  gain: number | null;
  /** Module id -> mean percent of quizzes, scenarios and drills. */
  modules: Record<string, number>;
  /** Checkpoint -> latest QA percent. */
  qa: Record<string, number>;
  /** Skill id -> mean percent of the modules that train it (by their n). */
  skills: Record<string, number>;
  /**
   * KPI (FRT, CSAT, FCR) movement from the month before training to the
   * month after, improvement positive (`kpiMovement`).
   */
  kpiMovement: Record<string, number>;
  /** Confidence versus correctness; null below MIN_N_CALIBRATION rated answers. */
  calibration: CalibrationFigure | null;
  /** Rated answers (confidence given), also below the minimum. */
  rated: number;
}

/** Level 2 to 3 of one module or skill: training score against job movement. */
export interface MovementCorrelation {
  /** Against QA movement (latest of d90/d60 minus d30). */
  estimate: CorrelationEstimate;
  /** Against each KPI's movement (improvement positive), by metric. */
  kpi: Record<string, CorrelationEstimate>;
}

/** The four levels of one cohort. */
export interface CohortSummary {
  cohort: {
    id: string;
    name: string;
    teamId: string;
    startDate: string;
    members: number;
  };
  level1: { surveys: ReactionSurvey[] };
  level2: {
    activities: ActivityScore[];
    skills: { skill: string; title: string; n: number; mean: number | null }[];
    gain: {
      n: number;
      mean: number | null;
      pre: number | null;
      post: number | null;
    };
    /** Learners whose confidence exceeds their accuracy by more than the margin. */
    overconfident: string[];
    /** Learners whose accuracy exceeds their confidence by more than the margin. */
    underconfident: string[];
    /**
     * Confidence versus correctness of the cohort: `figure` from every rated
     * answer pooled (null below MIN_N_CALIBRATION), `n` those answers;
     * `learners` rated at all, `classed` with enough answers to be classed
     * (over, under or calibrated).
     */
    confidence: {
      n: number;
      figure: CalibrationFigure | null;
      learners: number;
      classed: number;
    };
    breaches: Record<string, number>;
  };
  level3: {
    qa: Record<string, {
      n: number;
      score: MeanEstimate;
      passRate: number | null;
      criticalFailRate: number | null;
    }>;
    criteria: {
      id: string;
      n: number;
      missed: number;
      missRate: number | null;
    }[];
    critical: Record<string, number>;
    kpi: {
      window: { before: string; after: string };
      before: Record<string, number | null>;
      after: Record<string, number | null>;
      attainmentBefore: number | null;
      attainmentAfter: number | null;
    };
    behaviourScore: number | null;
    drivers: Record<string, number>;
    /** Certificate events per level (issued, expired, revoked). */
    certificates: Record<string, CertificateCounts>;
  };
  level4: {
    series: TeamMonth[];
    cohortStarts: { cohortId: string; name: string; startDate: string }[];
    did: Record<string, DidEstimate & { controlCohorts: string[] }>;
    leading: {
      qaPassRateDay14: number | null;
      drillResponseMs: { month: string; n: number; mean: number | null }[];
    };
  };
  /**
   * Level 2 to 3: training score per module against QA movement (d30 ->
   * d60/d90, `estimate`) and KPI movement before -> after training (`kpi`).
   */
  correlations: ({
    moduleId: string;
    title: string;
    skills: string[];
  } & MovementCorrelation)[];
  /** The same per skill (a learner's score over the modules training it). */
  skillCorrelations: ({
    skill: string;
    title: string;
    modules: string[];
  } & MovementCorrelation)[];
  learners: LearnerFigures[];
}

/** Certificate events of one level. */
export interface CertificateCounts {
  issued: number;
  expired: number;
  revoked: number;
}

function certificateCounts(f: Fields): Record<string, CertificateCounts> {
  return Object.fromEntries(
    partsAfter(f, ["cert"]).sort().map((level) => [level, {
      issued: num(f, "cert", level, "issued"),
      expired: num(f, "cert", level, "expired"),
      revoked: num(f, "cert", level, "revoked"),
    }]),
  );
}

/** One team month: KPI means, QA pass rate, drivers logged. */
export interface TeamMonth {
  month: string;
  kpi: Record<string, { n: number; mean: number | null }>;
  qaPassRate: number | null;
  qaN: number;
  drivers: number;
}

// ----------------------------------------------------------------- reading

/** A team's KPI, QA and driver figures by month, oldest first. */
export async function teamMonthSeries(
  kv: Deno.Kv,
  teamId: string,
): Promise<TeamMonth[]> {
  const prefix = [ROLLUP_ROOT, "tm", teamId];
  const months = new Map<string, Fields>();
  for await (const e of kv.list({ prefix }, { batchSize: 1000 })) {
    const month = String(e.key[prefix.length]);
    let f = months.get(month);
    if (!f) months.set(month, f = new Map());
    f.set(e.key.slice(prefix.length + 1).join(SEP), counterValue(e.value));
  }
  return [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(
    ([month, f]) => {
      const kpi: TeamMonth["kpi"] = {};
      for (const m of KPI_METRICS) {
        const n = num(f, "kpi", m, "n");
        if (n > 0) kpi[m] = { n, mean: num(f, "kpi", m, "sum") / 100 / n };
      }
      let qaN = 0;
      let qaPass = 0;
      for (const cp of partsAfter(f, ["qa"])) {
        qaN += num(f, "qa", cp, "n");
        qaPass += num(f, "qa", cp, "pass");
      }
      const drivers = partsAfter(f, ["drv"]).reduce(
        (a, k) => a + num(f, "drv", k),
        0,
      );
      return {
        month,
        kpi,
        qaPassRate: qaN === 0 ? null : qaPass / qaN,
        qaN,
        drivers,
      };
    },
  );
}

function reaction(
  c: Fields,
  content: EvaluationContent,
  members: number,
  comments: { surveyId: string; questionId: string; text: string }[],
): ReactionSurvey[] {
  return content.surveys.map((s) => {
    const respondents = num(c, "sv", s.id, "resp");
    const minN = Math.max(s.minReportN, MIN_N_REACTION);
    const shown = respondents >= minN;
    const items: ReactionItem[] = [];
    let surveyNps: number | null = null;
    for (const q of s.questions) {
      if (q.type === "text") continue;
      const values = q.type === "likert"
        ? [1, 2, 3, 4, 5]
        : q.type === "nps"
        ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        : (q.options ?? []).map((_, i) => i);
      const counts: Record<number, number> = {};
      for (const v of values) {
        const n = num(c, "sv", s.id, "q", q.id, v);
        if (n) counts[v] = n;
      }
      const n = countOf(counts);
      const m = q.type === "choice" ? null : meanOfCounts(counts);
      const itemNps = q.type === "nps" ? nps(counts) : null;
      if (q.type === "nps" && shown) surveyNps = itemNps;
      items.push({
        id: q.id,
        type: q.type,
        prompt: q.prompt,
        n,
        mean: shown ? m : null,
        nps: shown ? itemNps : null,
        distribution: shown ? distribution(counts as Counts, values) : null,
        low: shown && q.type === "likert" && m !== null && m < 3.5,
      });
    }
    return {
      surveyId: s.id,
      title: s.title,
      module: s.module,
      respondents,
      minN,
      shown,
      responseRate: shown ? responseRate(respondents, members) : null,
      nps: surveyNps,
      items,
      comments: shown
        ? comments.filter((x) => x.surveyId === s.id).map((x) => ({
          questionId: x.questionId,
          text: x.text,
        }))
        : [],
    };
  });
}

function learnerFigures(
  learnerId: string,
  f: Fields,
  content: EvaluationContent,
): LearnerFigures {
  const first = content.preExam
    ? packed(f, "ex", content.preExam, "first")
    : null;
  const last = content.postExam
    ? packed(f, "ex", content.postExam, "last")
    : null;
  const pre = first === null ? null : unpackValue(first) / 10;
  const post = last === null ? null : unpackValue(last) / 10;
  const modules: Record<string, number> = {};
  const skillSums: Record<string, { n: number; sum: number }> = {};
  for (const m of partsAfter(f, ["mod"])) {
    const n = num(f, "mod", m, "n");
    if (n === 0) continue;
    const sum = num(f, "mod", m, "sum") / 10;
    modules[m] = sum / n;
    const mod = content.modules.find((x) => x.id === m);
    for (const skill of mod?.skills ?? []) {
      const t = skillSums[skill] ??= { n: 0, sum: 0 };
      t.n += n;
      t.sum += sum;
    }
  }
  const skills = Object.fromEntries(
    Object.entries(skillSums).map(([k, t]) => [k, t.sum / t.n]),
  );
  const qa: Record<string, number> = {};
  for (const cp of partsAfter(f, ["qa"])) {
    const p = packed(f, "qa", cp);
    if (p !== null) qa[cp] = unpackValue(p) / 10;
  }
  return {
    learnerId,
    pre,
    post,
    gain: pre === null || post === null ? null : normalisedGain(pre, post),
    modules,
    qa,
    skills,
    kpiMovement: {},
    calibration: calibration(
      num(f, "conf", "n"),
      num(f, "conf", "sum") / 1000,
      num(f, "conf", "correct"),
    ),
    rated: num(f, "conf", "n"),
  };
}

/** QA movement of a learner: the latest of d90/d60 minus d30. */
export function qaMovement(qa: Record<string, number>): number | null {
  const late = qa.d90 ?? qa.d60;
  return late === undefined || qa.d30 === undefined ? null : late - qa.d30;
}

/**
 * Each agent's value of `metric` in `month` ("ck" counters: one range read
 * per metric and month for the whole cohort).
 */
async function agentKpi(
  kv: Deno.Kv,
  cohortId: string,
  metric: string,
  month: string,
): Promise<Map<string, number>> {
  const prefix = [ROLLUP_ROOT, "ck", cohortId, metric, month];
  const out = new Map<string, number>();
  for await (const e of kv.list({ prefix }, { batchSize: 1000 })) {
    const { n, sum } = unpackAgentKpi(counterValue(e.value));
    if (n > 0) out.set(String(e.key[prefix.length]), sum / 100 / n);
  }
  return out;
}

/** Correlations of training scores with QA and KPI movement (pure). */
function movementCorrelation(
  figures: readonly LearnerFigures[],
  score: (l: LearnerFigures) => number | undefined,
): MovementCorrelation {
  const against = (move: (l: LearnerFigures) => number | null | undefined) => {
    const pairs = figures.flatMap((l) => {
      const x = score(l);
      const y = move(l);
      return x === undefined || y == null ? [] : [[x, y]];
    });
    return correlation(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
  };
  return {
    estimate: against((l) => qaMovement(l.qa)),
    kpi: Object.fromEntries(
      DID_METRICS.map((m) => [m, against((l) => l.kpiMovement[m])]),
    ),
  };
}

/**
 * The four levels of a cohort from its rollups, or null for an unknown
 * cohort. `content` maps activities to skills and names the surveys and
 * exams (content_map.ts); `targets` override the KPI defaults.
 */
export async function cohortSummary(
  kv: Deno.Kv,
  cohortId: string,
  content: EvaluationContent = NO_CONTENT,
  opts: { targets?: Partial<Record<string, KpiTarget>> } = {},
): Promise<CohortSummary | null> {
  const cohort = await getCohort(kv, cohortId);
  if (!cohort) return null;
  const targets = { ...DEFAULT_TARGETS, ...opts.targets } as Record<
    string,
    KpiTarget
  >;
  const window = trainingWindow(cohort.startDate);
  const [members, c, learners, teamCohorts, series, texts, agentMonths] =
    await Promise.all([
      listMembers(kv, cohortId, 5000),
      readScope(kv, [ROLLUP_ROOT, "c", cohortId]),
      readLearners(kv, cohortId),
      listCohortsOfTeam(kv, cohort.teamId),
      teamMonthSeries(kv, cohort.teamId),
      Array.fromAsync(
        kv.list<string>({ prefix: [TEXT_ROOT, cohortId] }, { limit: 500 }),
        (e) => ({
          surveyId: String(e.key[2]),
          questionId: String(e.key[4]),
          text: e.value,
        }),
      ),
      // Each agent's KPI the month before and after training: level 2 to 3.
      Promise.all(
        DID_METRICS.map((m) =>
          Promise.all([
            agentKpi(kv, cohortId, m, window.before),
            agentKpi(kv, cohortId, m, window.after),
          ])
        ),
      ),
    ]);
  const memberCount = members.length;

  // Level 2
  const activities: ActivityScore[] = partsAfter(c, ["act"]).sort().map(
    (path) => {
      const n = num(c, "act", path, "n");
      return {
        path,
        n,
        score: meanFromSums(
          n,
          num(c, "act", path, "sum") / 10,
          num(c, "act", path, "sq") / 100,
        ),
        passRate: n === 0 ? null : num(c, "act", path, "pass") / n,
      };
    },
  );
  const skillSums = new Map<string, { n: number; sum: number }>();
  for (const a of activities) {
    for (const skill of content.skillsOfActivity[a.path] ?? []) {
      const s = skillSums.get(skill) ?? { n: 0, sum: 0 };
      s.n += a.n;
      s.sum += num(c, "act", a.path, "sum") / 10;
      skillSums.set(skill, s);
    }
  }
  const figures = [...learners.entries()].map(([id, f]) => {
    const l = learnerFigures(id, f, content);
    DID_METRICS.forEach((m, i) => {
      const [before, after] = agentMonths[i];
      const move = kpiMovement(
        before.get(id),
        after.get(id),
        targets[m]?.direction ?? "min",
      );
      if (move !== null) l.kpiMovement[m] = move;
    });
    return l;
  });
  const gains = figures.flatMap((l) => l.gain === null ? [] : [l.gain]);

  // Level 3
  const qa: CohortSummary["level3"]["qa"] = {};
  for (const cp of ["d14", "d30", "d60", "d90", "other"]) {
    const n = num(c, "qa", cp, "n");
    if (n === 0) continue;
    qa[cp] = {
      n,
      score: meanFromSums(
        n,
        num(c, "qa", cp, "sum") / 10,
        num(c, "qa", cp, "sq") / 100,
      ),
      passRate: num(c, "qa", cp, "pass") / n,
      criticalFailRate: num(c, "qa", cp, "crit") / n,
    };
  }
  const kpiMeans = (month: string) =>
    Object.fromEntries(KPI_METRICS.map((m) => {
      const cell = cellFrom(c, "kpim", m, month);
      return [m, cell.n === 0 ? null : cell.sum / cell.n];
    }));
  const before = kpiMeans(window.before);
  const after = kpiMeans(window.after);
  const nonNull = (r: Record<string, number | null>) =>
    Object.fromEntries(
      Object.entries(r).filter(([, v]) => v !== null),
    ) as Record<string, number>;
  const latestQa = ["d90", "d60", "d30", "d14"].map((cp) => qa[cp]).find(
    Boolean,
  );
  const attainmentAfter = kpiAttainment(nonNull(after), targets);

  // Level 4: not-yet-trained cohorts of the team are the comparison group.
  const controls = teamCohorts.filter((o) =>
    o.id !== cohort.id && addMonths(o.startDate, 0) > window.after
  );
  const controlScopes = await Promise.all(
    controls.map((o) => readScope(kv, [ROLLUP_ROOT, "c", o.id, "kpim"])),
  );
  const did: CohortSummary["level4"]["did"] = {};
  for (const metric of DID_METRICS) {
    const pool = (month: string): Cell => {
      const cells = controlScopes.map((f) => cellFrom(f, metric, month));
      return {
        n: cells.reduce((a, x) => a + x.n, 0),
        sum: cells.reduce((a, x) => a + x.sum, 0),
        sumSq: cells.reduce((a, x) => a + x.sumSq, 0),
      };
    };
    did[metric] = {
      ...differenceInDifferences({
        treatedBefore: cellFrom(c, "kpim", metric, window.before),
        treatedAfter: cellFrom(c, "kpim", metric, window.after),
        controlBefore: pool(window.before),
        controlAfter: pool(window.after),
      }),
      controlCohorts: controls.map((o) => o.id),
    };
  }
  const d14 = qa.d14;

  // Level 2 -> 3
  const correlations = content.modules.map((m) => ({
    moduleId: m.id,
    title: m.title,
    skills: m.skills,
    ...movementCorrelation(figures, (l) => l.modules[m.id]),
  }));
  const skillIds = [...new Set(content.modules.flatMap((m) => m.skills))]
    .sort();
  const skillCorrelations = skillIds.map((skill) => ({
    skill,
    title: content.skillTitles[skill] ?? skill,
    modules: content.modules.filter((m) => m.skills.includes(skill)).map((
      m,
    ) => m.id),
    ...movementCorrelation(figures, (l) => l.skills[skill]),
  }));

  return {
    cohort: {
      id: cohort.id,
      name: cohort.name,
      teamId: cohort.teamId,
      startDate: cohort.startDate,
      members: memberCount,
    },
    level1: { surveys: reaction(c, content, memberCount, texts) },
    level2: {
      activities,
      skills: [...skillSums.entries()].sort(([a], [b]) => a.localeCompare(b))
        .map(([skill, s]) => ({
          skill,
          title: content.skillTitles[skill] ?? skill,
          n: s.n,
          mean: s.n === 0 ? null : s.sum / s.n,
        })),
      gain: {
        n: gains.length,
        mean: mean(gains),
        pre: mean(figures.flatMap((l) => l.gain === null ? [] : [l.pre!])),
        post: mean(figures.flatMap((l) => l.gain === null ? [] : [l.post!])),
      },
      overconfident: figures.filter((l) => l.calibration?.kind === "over")
        .map((l) => l.learnerId),
      underconfident: figures.filter((l) => l.calibration?.kind === "under")
        .map((l) => l.learnerId),
      confidence: {
        n: num(c, "conf", "n"),
        figure: calibration(
          num(c, "conf", "n"),
          num(c, "conf", "sum") / 1000,
          num(c, "conf", "correct"),
        ),
        learners: figures.filter((l) => l.rated > 0).length,
        classed: figures.filter((l) => l.calibration !== null).length,
      },
      breaches: Object.fromEntries(
        partsAfter(c, ["breach"]).map((b) => [b, num(c, "breach", b)]),
      ),
    },
    level3: {
      qa,
      criteria: partsAfter(c, ["qac"]).sort().map((id) => {
        const n = num(c, "qac", id, "n");
        const missed = num(c, "qac", id, "miss");
        return { id, n, missed, missRate: n === 0 ? null : missed / n };
      }),
      critical: Object.fromEntries(
        partsAfter(c, ["qacrit"]).map((k) => [k, num(c, "qacrit", k)]),
      ),
      kpi: {
        window,
        before,
        after,
        attainmentBefore: kpiAttainment(nonNull(before), targets),
        attainmentAfter,
      },
      behaviourScore: behaviourScore(
        latestQa?.score.mean ?? null,
        attainmentAfter,
        latestQa?.criticalFailRate ?? 0,
      ),
      drivers: Object.fromEntries(
        partsAfter(c, ["drv"]).map((k) => [k, num(c, "drv", k)]),
      ),
      certificates: certificateCounts(c),
    },
    level4: {
      series,
      cohortStarts: teamCohorts.map((o: Cohort) => ({
        cohortId: o.id,
        name: o.name,
        startDate: o.startDate,
      })).sort((a, b) => a.startDate.localeCompare(b.startDate)),
      did,
      leading: {
        qaPassRateDay14: d14 ? d14.passRate : null,
        drillResponseMs: partsAfter(c, ["drillms"]).sort().map((month) => {
          const n = num(c, "drillms", month, "n");
          return {
            month,
            n,
            mean: n === 0 ? null : num(c, "drillms", month, "sum") / n,
          };
        }),
      },
    },
    correlations,
    skillCorrelations,
    learners: figures,
  };
}

/**
 * Reaction (level 1) of a module, or of the whole course with `"_course"`,
 * over every cohort: for trainers, who see aggregates only (no figure or
 * comment below the minimum n; comments are kept per cohort).
 */
export async function reactionSummary(
  kv: Deno.Kv,
  courseId: string,
  moduleId: string,
  content: EvaluationContent,
): Promise<ReactionSurvey[]> {
  const f = await readScope(kv, [ROLLUP_ROOT, "m", courseId, moduleId]);
  const surveys = content.surveys.filter((s) =>
    moduleId === "_course" || s.module === moduleId
  );
  // No roster here: the response rate needs the cohort (cohortSummary).
  return reaction(f, { ...content, surveys }, 0, []).filter((s) =>
    s.respondents > 0 || moduleId !== "_course"
  );
}

/** One learner's own evaluation counters, for drill-down pages. */
export interface LearnerEvaluation {
  learnerId: string;
  lessons: number;
  activities: {
    path: string;
    n: number;
    mean: number | null;
    first: number | null;
    last: number | null;
    lastAt: Date | null;
  }[];
  qa: Record<string, { n: number; mean: number | null; last: number | null }>;
  criteria: { id: string; n: number; missed: number }[];
  kpi: Record<string, Record<string, number>>;
  drivers: Record<string, number>;
  breaches: Record<string, number>;
  /**
   * Confidence versus correctness over every rated answer: `n` rated
   * answers, `figure` null below MIN_N_CALIBRATION.
   */
  confidence: { n: number; figure: CalibrationFigure | null };
  certificates: Record<string, CertificateCounts>;
}

/** A learner's evaluation rollup (all cohorts). */
export async function learnerEvaluation(
  kv: Deno.Kv,
  learnerId: string,
): Promise<LearnerEvaluation> {
  const f = await readScope(kv, [ROLLUP_ROOT, "l", learnerId]);
  const kpi: LearnerEvaluation["kpi"] = {};
  for (const m of partsAfter(f, ["kpi"])) {
    for (const month of partsAfter(f, ["kpi", m])) {
      const n = num(f, "kpi", m, month, "n");
      if (n > 0) {
        (kpi[m] ??= {})[month] = num(f, "kpi", m, month, "sum") / 100 / n;
      }
    }
  }
  return {
    learnerId,
    lessons: num(f, "lessons"),
    activities: partsAfter(f, ["act"]).sort().map((path) => {
      const n = num(f, "act", path, "n");
      const first = packed(f, "act", path, "first");
      const last = packed(f, "act", path, "last");
      return {
        path,
        n,
        mean: n === 0 ? null : num(f, "act", path, "sum") / 10 / n,
        first: first === null ? null : unpackValue(first) / 10,
        last: last === null ? null : unpackValue(last) / 10,
        lastAt: last === null ? null : unpackTime(last),
      };
    }),
    qa: Object.fromEntries(
      partsAfter(f, ["qa"]).map((cp) => {
        const n = num(f, "qa", cp, "n");
        const last = packed(f, "qa", cp, "last");
        return [cp, {
          n,
          mean: n === 0 ? null : num(f, "qa", cp, "sum") / 10 / n,
          last: last === null ? null : unpackValue(last) / 10,
        }];
      }),
    ),
    criteria: partsAfter(f, ["qac"]).sort().map((id) => ({
      id,
      n: num(f, "qac", id, "n"),
      missed: num(f, "qac", id, "miss"),
    })),
    kpi,
    drivers: Object.fromEntries(
      partsAfter(f, ["drv"]).map((k) => [k, num(f, "drv", k)]),
    ),
    breaches: Object.fromEntries(
      partsAfter(f, ["breach"]).map((k) => [k, num(f, "breach", k)]),
    ),
    confidence: {
      n: num(f, "conf", "n"),
      figure: calibration(
        num(f, "conf", "n"),
        num(f, "conf", "sum") / 1000,
        num(f, "conf", "correct"),
      ),
    },
    certificates: certificateCounts(f),
  };
}

/**
 * Reaction (level 1) pooled over several cohorts, for the trainer's
 * filtered view: the cohorts' survey counters are added up and read with
 * the same rules as one cohort (nothing below the minimum n of the pool;
 * the response rate against every member of the pooled cohorts).
 */
export async function reactionOfCohorts(
  kv: Deno.Kv,
  cohortIds: readonly string[],
  content: EvaluationContent,
): Promise<ReactionSurvey[]> {
  const pooled: Fields = new Map();
  let members = 0;
  const texts: { surveyId: string; questionId: string; text: string }[] = [];
  for (const id of cohortIds) {
    const prefix = [ROLLUP_ROOT, "c", id, "sv"];
    const [scope, roster, own] = await Promise.all([
      readScope(kv, prefix),
      listMembers(kv, id, 5000),
      Array.fromAsync(
        kv.list<string>({ prefix: [TEXT_ROOT, id] }, { limit: 500 }),
        (e) => ({
          surveyId: String(e.key[2]),
          questionId: String(e.key[4]),
          text: e.value,
        }),
      ),
    ]);
    for (const [k, v] of scope) {
      const key = `sv${SEP}${k}`;
      pooled.set(key, (pooled.get(key) ?? 0n) + v);
    }
    members += roster.length;
    texts.push(...own);
  }
  return reaction(pooled, content, members, texts);
}
