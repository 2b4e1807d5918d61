/**
 * The certification rule engine: for one learner and one level, each rule of
 * the level (assessments/certifications/<id>.yaml) as met, not met or
 * pending, with the numbers behind it. Pure: the facts are gathered
 * elsewhere (./learner_facts.ts), so the learner, their manager and the
 * certificate record all read the same explanation.
 *
 * "Pending" means the learner can still meet the rule by doing what is
 * missing (an item not yet done, a quiz not yet taken); "not met" means what
 * they did falls short (a score under the bar, a red-line breach, a failed
 * exam) and must be done again or better.
 */
import type { Certification } from "@/lib/content/schema.ts";

/** What the engine knows about a learner. */
export interface CertificationFacts {
  /** Plan items counted by `planItems`, each done or not. */
  planItems: { key: string; done: boolean }[];
  /** Module id -> best percent and number of submitted attempts. */
  quizzes: Record<string, { best: number; attempts: number }>;
  /** Scenario id -> the counted run (the latest finished one). */
  scenarios: Record<string, { percent: number; redLine: boolean }>;
  /** Exam id -> submitted attempts, best first is not assumed. */
  exams: Record<
    string,
    { percent: number; passed: boolean; withinTime: boolean }[]
  >;
  /** Survey ids with a submitted response. */
  surveys: ReadonlySet<string>;
  /** Observation id -> the latest score in percent. */
  observations: Record<string, number>;
  /** Level ids the learner holds a valid certificate of. */
  heldLevels: ReadonlySet<string>;
}

/** The kinds of criterion, one per rule. */
export type CriterionId =
  | "prerequisite"
  | "plan-items"
  | "quizzes"
  | "scenario-average"
  | "red-lines"
  | "exam"
  | "surveys"
  | "observation";

/** One rule's verdict. */
export interface Criterion {
  id: CriterionId;
  state: "met" | "not-met" | "pending";
  /** The numbers behind the verdict (counts, percents, thresholds). */
  numbers: Record<string, number>;
  /** What is missing or short, as content ids (plan item keys, modules, scenarios, surveys). */
  missing: string[];
}

/** The whole explanation for one learner and level. */
export interface Explanation {
  levelId: string;
  criteria: Criterion[];
  /** True when every criterion is met. */
  eligible: boolean;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A checklist criterion (plan items done, surveys submitted): met when
 * nothing is missing, pending until then; it never fails outright.
 */
function checklist(
  id: CriterionId,
  total: number,
  missing: string[],
  countName: "done" | "submitted",
): Criterion {
  return {
    id,
    state: missing.length === 0 ? "met" : "pending",
    numbers: { [countName]: total - missing.length, total },
    missing,
  };
}

/** Explains `level` for a learner with `facts`. */
export function explainLevel(
  level: Certification,
  facts: CertificationFacts,
): Explanation {
  const criteria: Criterion[] = [];
  const r = level.rules;
  if (level.requires) {
    const held = facts.heldLevels.has(level.requires);
    criteria.push({
      id: "prerequisite",
      state: held ? "met" : "pending",
      numbers: {},
      missing: held ? [] : [level.requires],
    });
  }
  if (r.planItems) {
    const missing = facts.planItems.filter((i) => !i.done).map((i) => i.key);
    criteria.push(
      checklist("plan-items", facts.planItems.length, missing, "done"),
    );
  }
  if (r.quizzes) {
    const notTaken = r.quizzes.modules.filter((m) =>
      !(facts.quizzes[m]?.attempts > 0)
    );
    const below = r.quizzes.modules.filter((m) =>
      facts.quizzes[m]?.attempts > 0 &&
      facts.quizzes[m].best < r.quizzes!.minPercent
    );
    const taken = r.quizzes.modules.filter((m) => !notTaken.includes(m));
    criteria.push({
      id: "quizzes",
      state: below.length > 0
        ? "not-met"
        : notTaken.length > 0
        ? "pending"
        : "met",
      numbers: {
        passed: taken.length - below.length,
        total: r.quizzes.modules.length,
        minPercent: r.quizzes.minPercent,
        lowest: taken.length
          ? Math.min(...taken.map((m) => facts.quizzes[m].best))
          : 0,
      },
      missing: [...below, ...notTaken],
    });
  }
  if (r.scenarios) {
    const played = r.scenarios.refs.filter((s) => s in facts.scenarios);
    const notPlayed = r.scenarios.refs.filter((s) => !(s in facts.scenarios));
    const average = played.length
      ? round1(
        played.reduce((n, s) => n + facts.scenarios[s].percent, 0) /
          played.length,
      )
      : 0;
    criteria.push({
      id: "scenario-average",
      state: notPlayed.length > 0
        ? "pending"
        : average >= r.scenarios.minAverage
        ? "met"
        : "not-met",
      numbers: {
        average,
        minAverage: r.scenarios.minAverage,
        played: played.length,
        total: r.scenarios.refs.length,
      },
      missing: notPlayed,
    });
    if (r.scenarios.noRedLine) {
      const breached = played.filter((s) => facts.scenarios[s].redLine);
      criteria.push({
        id: "red-lines",
        state: breached.length > 0
          ? "not-met"
          : notPlayed.length > 0
          ? "pending"
          : "met",
        numbers: { breaches: breached.length, counted: played.length },
        missing: breached,
      });
    }
  }
  if (r.exam) {
    const attempts = facts.exams[r.exam.ref] ?? [];
    const passed = attempts.filter((a) => a.passed && a.withinTime);
    const best = attempts.length
      ? Math.max(...attempts.map((a) => a.percent))
      : 0;
    criteria.push({
      id: "exam",
      state: passed.length > 0
        ? "met"
        : attempts.length > 0
        ? "not-met"
        : "pending",
      numbers: { attempts: attempts.length, best },
      missing: passed.length > 0 ? [] : [r.exam.ref],
    });
  }
  if (r.surveys) {
    const missing = r.surveys.filter((s) => !facts.surveys.has(s));
    criteria.push(checklist("surveys", r.surveys.length, missing, "submitted"));
  }
  if (r.observation) {
    const score = facts.observations[r.observation.ref];
    criteria.push({
      id: "observation",
      state: score === undefined
        ? "pending"
        : score >= r.observation.minPercent
        ? "met"
        : "not-met",
      numbers: {
        score: score ?? 0,
        minPercent: r.observation.minPercent,
      },
      missing: score === undefined || score < r.observation.minPercent
        ? [r.observation.ref]
        : [],
    });
  }
  return {
    levelId: level.id,
    criteria,
    eligible: criteria.every((c) => c.state === "met"),
  };
}
