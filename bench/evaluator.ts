/**
 * The evaluator at scale (issue 16): a cohort of 500 learners with 200,000
 * evidence statements, then 800,000, written through the real
 * `addStatement` (so the rollups are the live ones); a cohort's four-level
 * summary (`cohortSummary`) is timed after each. It must stay under 100 ms
 * and flat: the ratio of the two medians is reported, budget <= 1.5.
 * `EVAL_BENCH_LEARNERS` / `EVAL_BENCH_EVENTS` scale it down for a quick run
 * (`deno run -A --unstable-kv bench/evaluator.ts`).
 */
import type { Statement } from "@/lib/evidence/statement.ts";
import { addStatement } from "@/lib/evidence/statement_store.ts";
import type { EvaluationContent } from "@/lib/evaluation/content_map.ts";
import { NO_CONTENT } from "@/lib/evaluation/content_map.ts";
import { cohortSummary } from "@/lib/evaluation/summary.ts";
import * as build from "@/lib/evaluation/testing.ts";
import { addMembers, reactionSurvey } from "@/lib/evaluation/fixtures.ts";
import { createCohort } from "@/lib/identity/teams/cohort_store.ts";
import { createTeam } from "@/lib/identity/teams/team_store.ts";
import { envNumber, median, type Row, type Section } from "./rows.ts";

const BUDGET_MS = 100;
/** Statements per commit while filling the store (about 25 mutations each). */
const BATCH = 25;
const FLAT = 1.5;

const CONTENT: EvaluationContent = {
  ...NO_CONTENT,
  courseId: "onboarding",
  preExam: "pretest",
  postExam: "posttest",
  modules: [
    { id: "basics", title: "basics", skills: ["empathy"] },
    { id: "core-skills", title: "core", skills: ["complaint-steps"] },
    { id: "practice", title: "practice", skills: ["returns"] },
  ],
  skillsOfActivity: {
    "modules/basics/quiz": ["empathy", "privacy"],
    "modules/core-skills/quiz": ["complaint-steps"],
    "scenarios/late-parcel": ["empathy", "returns"],
    "drills/drill-promo-surge": ["presale"],
  },
  surveys: [reactionSurvey([
    { id: "q1", type: "likert", prompt: "q1" },
    { id: "nps", type: "nps", prompt: "nps" },
  ])],
};

const ACTIVITIES: [string, string][] = [
  ["modules/basics/quiz", "basics"],
  ["modules/core-skills/quiz", "core-skills"],
  ["exams/pretest", "exam"],
  ["exams/posttest", "exam"],
  ["scenarios/late-parcel", "practice"],
  ["drills/drill-promo-surge", "practice"],
];

/** Writes `count` random statements for the cohort's learners. */
export async function writeEvents(
  kv: Deno.Kv,
  learners: string[],
  count: number,
  seed: number,
): Promise<void> {
  const rnd = build.seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const months = ["2026-08", "2026-09", "2026-10", "2026-11", "2026-12"];
  let t = Date.UTC(2026, 8, 1);
  let op = kv.atomic();
  let inOp = 0;
  // One KPI period per agent and month, as an import writes them.
  if (seed === 1) {
    for (const l of learners) {
      for (const month of months) {
        const at = new Date(t);
        addStatement(
          op,
          build.kpiStatement(
            l,
            "bench",
            "bench-team",
            month,
            {
              frt: Math.round(rnd() * 60),
              csat: 4 + Math.round(rnd() * 10) / 10,
            },
            null,
            at,
          ),
          at,
        );
        if (++inOp === BATCH) {
          await op.commit();
          op = kv.atomic();
          inOp = 0;
        }
      }
    }
  }
  for (let i = 0; i < count; i++) {
    t += 1000;
    const at = new Date(t);
    const l = pick(learners);
    const r = rnd();
    let s: Statement;
    if (r < 0.7) {
      const [path, m] = pick(ACTIVITIES);
      s = build.scoreStatement(
        l,
        "bench",
        path,
        m,
        Math.floor(rnd() * 101),
        at,
        {
          durationMs: path.startsWith("drills") ? 30_000 : undefined,
        },
      );
    } else if (r < 0.8) {
      s = build.qaStatement(l, "bench", "bench-team", {
        percent: Math.round(rnd() * 100),
        passed: rnd() < 0.6,
        checkpoint: pick(["d14", "d30", "d60", "d90"]),
        scored: ["opening", "paraphrase"],
        missed: rnd() < 0.3 ? ["opening"] : [],
        breached: [],
      }, at);
    } else if (r < 0.9) {
      s = build.driverStatement(l, "bench", "bench-team", "coaching", at);
    } else {
      // New responses only: an edit would carry the answers it replaces.
      s = build.surveyStatement(
        l,
        "bench",
        "reaction-basics",
        {
          q1: 1 + Math.floor(rnd() * 5),
          nps: Math.floor(rnd() * 11),
        },
        null,
        at,
        "basics",
      );
    }
    addStatement(op, s, at);
    if (++inOp === BATCH) {
      if (!(await op.commit()).ok) throw new Error("bench write failed");
      op = kv.atomic();
      inOp = 0;
    }
  }
  await op.commit();
}

/** Median time of the cohort summary over `runs` (after warm-up). */
export async function timeSummary(kv: Deno.Kv, runs = 31): Promise<number> {
  for (let i = 0; i < 3; i++) await cohortSummary(kv, "bench", CONTENT);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const s = await cohortSummary(kv, "bench", CONTENT);
    times.push(performance.now() - t0);
    if (!s || s.learners.length === 0) throw new Error("empty summary");
  }
  return median(times);
}

/** Runs the measurement in its own store. */
export async function measureEvaluator(): Promise<Row[]> {
  const learnerCount = envNumber("EVAL_BENCH_LEARNERS", 500);
  const small = envNumber("EVAL_BENCH_EVENTS", 200_000);
  const dir = await Deno.makeTempDir({ prefix: "sa-eval-bench-" });
  const kv = await Deno.openKv(`${dir}/eval.kv`);
  try {
    const now = new Date("2026-08-01T00:00:00Z");
    await createTeam(kv, { id: "bench-team", name: "bench" }, now);
    await createCohort(kv, {
      id: "bench",
      name: "bench",
      teamId: "bench-team",
      startDate: "2026-09-01",
    }, now);
    const learners = Array.from({ length: learnerCount }, (_, i) => `b${i}`);
    await addMembers(kv, "bench", "bench-team", learners, now);
    const t0 = performance.now();
    await writeEvents(kv, learners, small, 1);
    const writeMs = performance.now() - t0;
    const atSmall = await timeSummary(kv);
    await writeEvents(kv, learners, small * 3, 2);
    const atLarge = await timeSummary(kv);
    const ratio = atLarge / atSmall;
    const k = (n: number) => `${Math.round(n / 1000)}k`;
    return [
      {
        metric: `evaluator: cohort summary, ${learnerCount} learners, ${
          k(small)
        } events`,
        value: `${atSmall.toFixed(1)} ms`,
        reference: `writing them: ${
          (writeMs / small * 1000).toFixed(0)
        } µs/event`,
        ratio: "",
        budget: `< ${BUDGET_MS} ms`,
        ok: atSmall < BUDGET_MS,
      },
      {
        metric: `evaluator: cohort summary, ${learnerCount} learners, ${
          k(small * 4)
        } events`,
        value: `${atLarge.toFixed(1)} ms`,
        reference: `${atSmall.toFixed(1)} ms at ${k(small)}`,
        ratio: ratio.toFixed(2),
        budget: `< ${BUDGET_MS} ms, ratio <= ${FLAT}`,
        ok: atLarge < BUDGET_MS && ratio <= FLAT,
      },
    ];
  } finally {
    kv.close();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

export const evaluator: Section = {
  name: "evaluator",
  run: () => measureEvaluator(),
  notes:
    "The evaluator rows time `cohortSummary` (the four levels, per-learner figures, team months and the comparison group) on a store of its own: 500 learners whose 200,000 and then 800,000 statements were written through `addStatement`, so the rollups are the live ones. It reads counters, never statements, so the time should not grow with the events: the ratio of the two medians is the check.",
};

if (import.meta.main) {
  for (const r of await measureEvaluator()) console.log(r);
}
