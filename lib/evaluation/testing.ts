/**
 * Builders of the statements each kind of evidence writes, for the
 * evaluator's tests and benchmark: the same shapes the stores write.
 *
 * @module
 */
import { buildStatement, type Statement } from "@/lib/evidence/statement.ts";
import { EVAL_EXT } from "@/lib/evidence/eval_extensions.ts";

/** A seeded random number generator (mulberry32), so failures reproduce. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const base = (learnerId: string, cohortId: string | undefined, at: Date) => ({
  learnerId,
  courseId: "onboarding",
  contentVersion: 1,
  cohortId,
  at,
});

/** A scored quiz, exam, scenario or drill statement. */
export function scoreStatement(
  learnerId: string,
  cohortId: string | undefined,
  path: string,
  moduleId: string | undefined,
  percent: number,
  at: Date,
  extra: { breaches?: string[]; durationMs?: number } = {},
): Statement {
  const kind = path.startsWith("scenarios") || path.startsWith("drills")
    ? "simulation"
    : "assessment";
  return buildStatement({
    ...base(learnerId, cohortId, at),
    verb: percent >= 80 ? "passed" : "failed",
    activity: { kind, path, name: path },
    moduleId,
    score: { raw: percent, max: 100 },
    success: percent >= 80,
    completion: true,
    durationMs: extra.durationMs,
    extensions: extra.breaches
      ? {
        [EVAL_EXT.breaches]: extra.breaches.map((category) => ({ category })),
      }
      : undefined,
  });
}

/** A survey response statement (with what it replaces, on an edit). */
export function surveyStatement(
  learnerId: string,
  cohortId: string | undefined,
  surveyId: string,
  answers: Record<string, number | string>,
  previous: Record<string, number | string> | null,
  at: Date,
  surveyModule?: string,
): Statement {
  return buildStatement({
    ...base(learnerId, cohortId, at),
    verb: "responded",
    activity: {
      kind: "assessment",
      path: `surveys/${surveyId}`,
      name: surveyId,
    },
    completion: true,
    extensions: {
      [EVAL_EXT.answers]: answers,
      ...(previous ? { [EVAL_EXT.previous]: previous } : {}),
      ...(surveyModule ? { [EVAL_EXT.surveyModule]: surveyModule } : {}),
    },
  });
}

/** A QA review statement, as lib/evaluation/qa_store.ts writes it. */
export function qaStatement(
  learnerId: string,
  cohortId: string | undefined,
  teamId: string | undefined,
  review: {
    percent: number;
    passed: boolean;
    checkpoint: string;
    scored: string[];
    missed: string[];
    breached: string[];
  },
  at: Date,
): Statement {
  return buildStatement({
    ...base(learnerId, cohortId, at),
    verb: review.passed ? "passed" : "failed",
    activity: {
      kind: "observation",
      path: "observations/qa-scorecard",
      name: "QA",
    },
    score: { raw: review.percent, max: 100 },
    success: review.passed,
    extensions: {
      [EVAL_EXT.checkpoint]: review.checkpoint,
      [EVAL_EXT.scored]: review.scored,
      [EVAL_EXT.missed]: review.missed,
      [EVAL_EXT.breaches]: review.breached,
      ...(teamId ? { [EVAL_EXT.team]: teamId } : {}),
    },
  });
}

/** A driver (coaching, reinforcement, recognition) statement. */
export function driverStatement(
  learnerId: string,
  cohortId: string | undefined,
  teamId: string | undefined,
  driver: string,
  at: Date,
): Statement {
  return buildStatement({
    ...base(learnerId, cohortId, at),
    verb: "attended",
    activity: { kind: "meeting", path: `drivers/${driver}`, name: driver },
    extensions: {
      [EVAL_EXT.driver]: driver,
      ...(teamId ? { [EVAL_EXT.team]: teamId } : {}),
    },
  });
}

/** A KPI period statement (with the values it replaces, on a re-import). */
export function kpiStatement(
  learnerId: string,
  cohortId: string | undefined,
  teamId: string | undefined,
  month: string,
  values: Record<string, number>,
  previous: Record<string, number> | null,
  at: Date,
): Statement {
  return buildStatement({
    ...base(learnerId, cohortId, at),
    verb: "scored",
    activity: { kind: "performance", path: `kpi/${month}`, name: month },
    extensions: {
      [EVAL_EXT.month]: month,
      [EVAL_EXT.kpi]: values,
      ...(previous ? { [EVAL_EXT.previous]: previous } : {}),
      ...(teamId ? { [EVAL_EXT.team]: teamId } : {}),
    },
  });
}

/** An answered question with a confidence rating. */
export function answerStatement(
  learnerId: string,
  cohortId: string | undefined,
  questionId: string,
  correct: boolean,
  confidence: number,
  at: Date,
): Statement {
  return buildStatement({
    ...base(learnerId, cohortId, at),
    verb: "answered",
    activity: {
      kind: "interaction",
      path: `questions/${questionId}`,
      name: questionId,
    },
    success: correct,
    extensions: { [EVAL_EXT.confidence]: confidence },
  });
}

/** A certificate issued, expired or revoked, as certificate_store.ts writes it. */
export function certificateEventStatement(
  learnerId: string,
  cohortId: string | undefined,
  levelId: string,
  event: "issued" | "expired" | "revoked",
  at: Date,
): Statement {
  return buildStatement({
    ...base(learnerId, cohortId, at),
    verb: event,
    activity: {
      kind: "certificate",
      path: `certifications/${levelId}`,
      name: levelId,
    },
  });
}
